import type { Issue, Severity } from '../../core/issue.js';
import { baseDefinitions, type ElementDefinition, type ElementType } from '../../fhir/definitions.js';
import type { CompiledProfile, ProfileRegistry } from '../../fhir/profiles.js';
import { expansionHas, sampleCodes } from '../../fhir/terminology.js';
import { evaluateInvariant } from './invariants.js';
import { PRIMITIVE_TYPES, primitiveMismatch, primitiveOfSystemType } from './primitives.js';
import { inferEntryProfile, type ProfileFamily, familyOf } from './select-profile.js';

type Json = Record<string, unknown>;

/** An issue with the facts deviation matching needs; stripped before it leaves the validator. */
export interface EngineIssue extends Issue {
  /** Profile whose rule raised it. */
  profile?: string;
  /** Rule key: invariant key, `slice:<name>`, binding value set URL, … */
  rule?: string;
  /** Profile of the enclosing top-level resource. */
  rootProfile?: string;
}

/** State of one validation run. */
interface Run {
  registry: ProfileRegistry;
  issues: EngineIssue[];
  applied: Set<string>;
  rootResource: Json;
  rootProfile?: string;
  /** References seen per Bundle, resolved when the Bundle is done. */
  references: { reference: string; path: string }[][];
  tooDeep: boolean;
}

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';

/**
 * Validates one resource (and everything in it) against the given profiles; with none, against
 * `meta.profile`, an inferred BC profile, or the core definition of its type.
 */
export function validateResourceTree(registry: ProfileRegistry, resource: Json, profiles: string[]): { issues: EngineIssue[]; applied: string[] } {
  const run: Run = { registry, issues: [], applied: new Set(), rootResource: resource, references: [], tooDeep: false };
  validateResource(run, resource, String(resource.resourceType), profiles, undefined, resource, profiles.length > 0, 0);
  return { issues: run.issues, applied: [...run.applied] };
}

function report(run: Run, severity: Severity, code: string, path: string, message: string, extra: Partial<EngineIssue> = {}): void {
  run.issues.push({ severity, code, message, path, validator: extra.profile && !extra.profile.startsWith('http://hl7.org/fhir/') ? 'fhir-profile' : 'fhir', rootProfile: run.rootProfile, ...extra });
}

function validateResource(run: Run, node: unknown, path: string, explicit: string[], family: ProfileFamily | undefined, container: Json, override: boolean, depth: number): void {
  if (!isObject(node)) {
    report(run, 'error', 'fhir.type', path, `Unexpected ${path}: expected a resource (JSON object with resourceType), but received ${describe(node)}`);
    return;
  }
  const resourceType = node.resourceType;
  const { resourceTypes } = baseDefinitions();
  if (typeof resourceType !== 'string' || !resourceTypes.has(resourceType)) {
    report(run, 'error', 'fhir.resource-type', path, unknownResourceTypeMessage(path, resourceType));
    return;
  }
  const urls = new Set<string>();
  for (const url of explicit) urls.add(url);
  const metaProfiles = override ? [] : (((node.meta as Json | undefined)?.profile ?? []) as unknown[]);
  for (const url of Array.isArray(metaProfiles) ? metaProfiles : []) {
    if (typeof url !== 'string') continue;
    if (run.registry.has(url)) urls.add(url.split('|')[0]!);
    else report(run, 'warning', 'fhir.profile.unknown', `${path}.meta.profile`, `${path}.meta.profile declares ${url}, which is not loaded; validating against the other profiles and the base definition`);
  }
  if (urls.size === 0) {
    const inferred = inferEntryProfile(node, family ?? familyOf(container), run.registry);
    if (inferred) urls.add(inferred);
  }
  if (urls.size === 0) urls.add(`http://hl7.org/fhir/StructureDefinition/${resourceType}`);
  const innerFamily = family ?? familyOf(node) ?? familyOf(container);
  if (node === run.rootResource) run.rootProfile = [...urls][0];
  for (const url of urls) {
    const profile = run.registry.get(url);
    if (!profile) continue;
    if (profile.type !== resourceType) {
      report(run, 'error', 'fhir.profile.type', path, `Unexpected ${path}.resourceType: ${profile.url} profiles ${profile.type}, but received "${resourceType}"`, { profile: profile.url });
      continue;
    }
    if (profile.origin !== 'core') run.applied.add(profile.url);
    const scope = resourceType === 'Bundle' ? [] : undefined;
    if (scope) run.references.push(scope);
    walk(run, { profile, ed: profile.root, node, path, type: resourceType, resource: node, family: innerFamily, logical: undefined, depth });
    if (scope) {
      run.references.pop();
      resolveBundleReferences(run, node, path, scope);
    }
  }
}

interface Cursor {
  profile: CompiledProfile;
  ed: ElementDefinition;
  node: Json;
  path: string;
  /** Type of the node (`Bundle`, `HumanName`, `code` for a primitive's `_x` object). */
  type: string;
  resource: Json;
  family: ProfileFamily | undefined;
  /** Element path the root of a delegated type definition stands for (`Patient.gender` for `code`). */
  logical?: string;
  /** Nesting depth in the instance, bounded so hostile input cannot exhaust the stack. */
  depth: number;
}

/** A cursor as one literal shape (cheaper for V8 than spreading the parent). */
function cursorOf(
  parent: Cursor,
  profile: CompiledProfile,
  ed: ElementDefinition,
  node: Json,
  path: string,
  type: string,
  logical: string | undefined,
  depth: number,
): Cursor {
  return { profile, ed, node, path, type, resource: parent.resource, family: parent.family, logical, depth };
}

/** Deeper than any real FHIR resource nests (Parameters.part, extension.extension, contained Bundles). */
export const MAX_DEPTH = 256;

/** Per-element facts computed once (elements are shared by every validation of the profile). */
interface ElementInfo {
  name: string;
  /** For `value[x]`: `value`; else undefined. */
  choicePrefix?: string;
  typeCode: string;
  allowed: string[];
  repeats: boolean;
  baseMax: string;
  min: number;
  max: number;
  patternKeys: string[];
  /** `extension` / `modifierExtension`. */
  isExtension: boolean;
}

const EXTENSION_DISCRIMINATOR = [{ type: 'value', path: 'url' }];
// Per-element caches live on the (immutable once compiled) definition objects under symbols:
// WeakMap lookups cost more than the rest of the per-node work on a hot walk.
const INFO = Symbol('hie-conform.element-info');
const RESOLUTIONS = Symbol('hie-conform.element-resolutions');
const CHILD_INDEX = Symbol('hie-conform.child-index');
type Cached = { [INFO]?: ElementInfo; [RESOLUTIONS]?: Map<string, Resolution> };

function infoOf(ed: ElementDefinition): ElementInfo {
  let info = (ed as Cached)[INFO];
  if (!info) {
    const name = lastSegment(ed.path);
    const baseMax = ed.base?.max ?? ed.max ?? '1';
    info = {
      name,
      choicePrefix: name.endsWith('[x]') ? name.slice(0, -3) : undefined,
      typeCode: typeCodeOf(ed.type?.[0]),
      allowed: (ed.type ?? []).map(typeCodeOf),
      repeats: baseMax !== '1' && baseMax !== '0',
      baseMax,
      min: ed.min ?? 0,
      max: ed.max === '*' || ed.max === undefined ? Infinity : Number(ed.max),
      patternKeys: Object.keys(ed).filter((key) => key.startsWith('fixed') || key.startsWith('pattern')),
      isExtension: name === 'extension' || name === 'modifierExtension',
    };
    (ed as Cached)[INFO] = info;
  }
  return info;
}

/** Validates a JSON object against an element and its children. */
function walk(run: Run, cursor: Cursor): void {
  const { profile, node, path } = cursor;
  if (cursor.depth > MAX_DEPTH) {
    if (!run.tooDeep) report(run, 'fatal', 'fhir.too-deep', path, `Unexpected ${path}: expected at most ${MAX_DEPTH} levels of nesting, but received more; content below was not validated`);
    run.tooDeep = true;
    return;
  }
  const resolution = resolveElement(run, profile, cursor.ed, cursor.type);
  for (const level of resolution.levels) if (level.ed.constraint) checkInvariants(run, level.profile, level.ed, cursor);
  for (const url of resolution.applied) run.applied.add(url);
  const { children } = resolution;
  if (!children) return;
  const parent: Cursor =
    resolution.profile === profile && resolution.ed === cursor.ed
      ? cursor
      : cursorOf(cursor, resolution.profile, resolution.ed, node, path, cursor.type, resolution.logical === undefined ? cursor.logical : resolution.logical, cursor.depth);
  const index = childIndexOf(children);
  const found = new Map<ElementDefinition, Occurrence[]>();
  for (const key of Object.keys(node)) {
    if (key === 'resourceType' || key === 'fhir_comments') continue;
    const isExtra = key.charCodeAt(0) === 0x5f;
    const bare = isExtra ? key.slice(1) : key;
    if (isExtra && node[bare] !== undefined) continue; // taken with its value
    let child = index.byName.get(bare);
    let type: string | undefined;
    if (child) {
      type = infoOf(child).typeCode;
    } else {
      for (const choice of index.choices) {
        if (bare.length > choice.prefix.length && bare.startsWith(choice.prefix) && isUpper(bare.charCodeAt(choice.prefix.length))) {
          const suffix = bare.slice(choice.prefix.length);
          const decapitalised = suffix[0]!.toLowerCase() + suffix.slice(1);
          child = choice.ed;
          type = PRIMITIVE_TYPES.has(decapitalised) ? decapitalised : suffix;
          break;
        }
      }
    }
    if (!child || !type) {
      const names = children.map((candidate) => lastSegment(candidate.path));
      report(run, 'error', 'fhir.structure', `${path}.${bare}`, `Unexpected ${path}.${key}: expected one of the elements of ${cursor.type} (${names.join(', ')}), but received "${key}"`, {
        profile: parent.profile.url,
      });
      continue;
    }
    const occurrence = occurrenceOf(node, bare, type);
    const list = found.get(child);
    if (list) list.push(occurrence);
    else found.set(child, [occurrence]);
  }
  for (const [child, occurrences] of found) checkOccurrences(run, parent, child, occurrences);
  for (const child of index.required) {
    if (found.has(child)) continue;
    const info = infoOf(child);
    const subject = `${path}.${info.choicePrefix ?? info.name}`;
    report(run, 'error', 'fhir.cardinality', subject, `Missing ${subject}: expected at least ${info.min} (${info.min}..${child.max ?? '*'} in ${parent.profile.name}), but received 0`, {
      profile: parent.profile.url,
      rule: `min:${child.id}`,
    });
  }
}

/**
 * Where the children of an element are defined: the element itself (unrolled in the profile), its
 * contentReference target, or the root of its type's definition (type profile or core type), with
 * every level whose invariants apply. Computed once per element and type.
 */
interface Resolution {
  profile: CompiledProfile;
  ed: ElementDefinition;
  children?: ElementDefinition[];
  levels: { profile: CompiledProfile; ed: ElementDefinition }[];
  /** Non-core profiles entered on the way (reported as applied). */
  applied: string[];
  /** Logical element path for a delegated type root; undefined: keep the caller's. */
  logical?: string;
}
function resolveElement(run: Run, profile: CompiledProfile, start: ElementDefinition, type: string): Resolution {
  let byType = (start as Cached)[RESOLUTIONS];
  const cached = byType?.get(type);
  if (cached) return cached;
  const resolution: Resolution = { profile, ed: start, levels: [], applied: [] };
  let current = profile;
  let ed = start;
  for (let hops = 0; hops < 8; hops++) {
    resolution.levels.push({ profile: current, ed });
    if (ed.contentReference) {
      const id = ed.contentReference.slice(1);
      ed = current.byId.get(id) ?? run.registry.core(current.type)?.byId.get(id) ?? ed;
    }
    const children = current.children.get(ed.id);
    if (children) {
      resolution.profile = current;
      resolution.ed = ed;
      resolution.children = children;
      break;
    }
    // Not unrolled here: continue with the type's own definition (or its declared type profile).
    const next = typeProfileOf(run, ed, type) ?? run.registry.core(type);
    if (!next || (next === current && ed === current.root)) break;
    if (next.origin !== 'core') resolution.applied.push(next.url);
    if (ed !== current.root && resolution.logical === undefined) resolution.logical = ed.path;
    current = next;
    ed = next.root;
  }
  if (!byType) {
    byType = new Map();
    (start as Cached)[RESOLUTIONS] = byType;
  }
  byType.set(type, resolution);
  return resolution;
}

/** Children of one element, indexed for key-driven lookup. */
interface ChildIndex {
  byName: Map<string, ElementDefinition>;
  choices: { prefix: string; ed: ElementDefinition }[];
  required: ElementDefinition[];
}
function childIndexOf(children: ElementDefinition[] & { [CHILD_INDEX]?: ChildIndex }): ChildIndex {
  let index = children[CHILD_INDEX];
  if (!index) {
    index = { byName: new Map(), choices: [], required: [] };
    for (const child of children) {
      const info = infoOf(child);
      if (info.choicePrefix !== undefined) index.choices.push({ prefix: info.choicePrefix, ed: child });
      else index.byName.set(info.name, child);
      if (info.min > 0) index.required.push(child);
    }
    children[CHILD_INDEX] = index;
  }
  return index;
}

function typeProfileOf(run: Run, ed: ElementDefinition, type: string): CompiledProfile | undefined {
  const declared = ed.type?.find((candidate) => candidate.code === type)?.profile;
  if (!declared) return undefined;
  for (const url of declared) {
    const profile = run.registry.get(url);
    if (profile) return profile;
  }
  return undefined;
}

interface Occurrence {
  key: string;
  type: string;
  values: unknown[];
  extras: unknown[];
  isArray: boolean;
}

/** The value(s) under one JSON key and its `_key` companion. */
function occurrenceOf(node: Json, key: string, type: string): Occurrence {
  const value = node[key];
  const extra = node[`_${key}`];
  return {
    key,
    type,
    values: Array.isArray(value) ? value : value === undefined ? [] : [value],
    extras: Array.isArray(extra) ? extra : extra === undefined ? [] : [extra],
    isArray: Array.isArray(value) || Array.isArray(extra),
  };
}

function typeCodeOf(type: ElementType | undefined): string {
  if (!type) return 'Element';
  if (type.code.startsWith('http://hl7.org/fhirpath/System.')) {
    return primitiveOfSystemType(type.code, type.extension?.find((extension) => extension.url === FHIR_TYPE_EXTENSION)?.valueUrl);
  }
  return type.code;
}

/** Checks the occurrences of one child element in the parent object. */
function checkOccurrences(run: Run, parent: Cursor, child: ElementDefinition, found: Occurrence[]): void {
  const { profile, path } = parent;
  const info = infoOf(child);
  const subject = `${path}.${found[0]?.key ?? info.name.replace('[x]', '')}`;
  const count = found.reduce((sum, occurrence) => sum + Math.max(occurrence.values.length, occurrence.extras.length), 0);
  if (count < info.min) {
    report(run, 'error', 'fhir.cardinality', subject, `Missing ${subject}: expected at least ${info.min} (${info.min}..${child.max ?? '*'} in ${profile.name}), but received ${count}`, { profile: profile.url, rule: `min:${child.id}` });
  } else if (count > info.max) {
    report(run, 'error', 'fhir.cardinality', subject, `Unexpected ${subject}: expected at most ${child.max} (${info.min}..${child.max} in ${profile.name}), but received ${count}`, { profile: profile.url, rule: `max:${child.id}` });
  }
  if (found.length > 1) {
    report(run, 'error', 'fhir.type', subject, `Unexpected ${subject}: a choice element takes one type, but received ${found.map((occurrence) => occurrence.key).join(', ')}`, { profile: profile.url });
  }
  const { allowed, repeats, baseMax } = info;
  for (const occurrence of found) {
    const occurrencePath = `${path}.${occurrence.key}`;
    if (allowed.length && !allowed.includes(occurrence.type) && !allowed.includes('Resource') && !(allowed.includes('Quantity') && ['Age', 'Duration', 'Distance', 'Count'].includes(occurrence.type))) {
      report(run, 'error', 'fhir.type', occurrencePath, `Unexpected ${occurrencePath}: expected ${allowed.join(' | ')}, but received ${occurrence.type}`, { profile: profile.url });
      continue;
    }
    if (repeats !== occurrence.isArray) {
      report(run, 'error', 'fhir.structure', occurrencePath, `Unexpected ${occurrencePath}: expected ${repeats ? 'a JSON array (max ' + baseMax + ')' : 'a single value, not an array'}, but received ${occurrence.isArray ? 'an array' : describe(occurrence.values[0])}`, { profile: profile.url });
    }
    const length = Math.max(occurrence.values.length, occurrence.extras.length);
    if (occurrence.isArray && length === 0) {
      report(run, 'error', 'fhir.structure.empty', occurrencePath, `Unexpected ${occurrencePath}: expected a non-empty array (R4 JSON: arrays are never empty), but received []`, { profile: profile.url });
    }
    const sliced = child.slicing || (info.isExtension && profile.slices.has(child.id));
    const assigned = sliced ? assignSlices(run, parent, child, occurrence.values, occurrencePath) : [];
    const choice = child.slicing ? choiceSlice(profile, child, occurrence.type) : undefined;
    for (let i = 0; i < length; i++) {
      const itemPath = occurrence.isArray ? `${occurrencePath}[${i}]` : occurrencePath;
      checkValue(run, parent, assigned[i] ?? choice ?? child, occurrence.type, occurrence.values[i], occurrence.extras[i], itemPath);
    }
  }
}

function choiceSlice(profile: CompiledProfile, child: ElementDefinition, type: string): ElementDefinition | undefined {
  if (!child.slicing || !child.path.endsWith('[x]')) return undefined;
  return profile.slices.get(child.id)?.find((slice) => slice.type?.some((candidate) => candidate.code === type));
}

function checkValue(run: Run, parent: Cursor, ed: ElementDefinition, type: string, value: unknown, extra: unknown, path: string): void {
  const { profile } = parent;
  if (value === null && (extra === undefined || extra === null)) {
    report(run, 'error', 'fhir.structure.empty', path, `Unexpected ${path}: expected a value, but received null`, { profile: profile.url });
    return;
  }
  if (value !== undefined && value !== null) checkFixedAndPattern(run, profile, ed, value, path);
  const isPrimitive = PRIMITIVE_TYPES.has(type);
  if (isPrimitive) {
    if (value !== undefined && value !== null) {
      const mismatch = primitiveMismatch(type, value);
      if (mismatch) report(run, 'error', 'fhir.type', path, `Unexpected ${path}: expected ${mismatch}, but received ${JSON.stringify(value)}`, { profile: profile.url });
      else checkBinding(run, profile, ed, type, value, path);
    }
    if (extra !== undefined && extra !== null) {
      if (!isObject(extra) || isEmptyObject(extra)) {
        report(run, 'error', 'fhir.structure.empty', path, `Unexpected ${path}: expected the primitive's id or extensions (R4 JSON: objects are never empty), but received ${JSON.stringify(extra)}`, { profile: profile.url });
      } else {
        walk(run, cursorOf(parent, parent.profile, ed, extra, path, type, parent.logical, parent.depth + 1));
      }
    }
    return;
  }
  if (!isObject(value)) {
    report(run, 'error', 'fhir.type', path, `Unexpected ${path}: expected a JSON object (${type}), but received ${describe(value)}`, { profile: profile.url });
    return;
  }
  if (isEmptyObject(value)) {
    report(run, 'error', 'fhir.structure.empty', path, `Unexpected ${path}: expected content (R4 JSON: objects are never empty, ele-1), but received {}`, { profile: profile.url });
    return;
  }
  if (type === 'Resource' || baseDefinitions().resourceTypes.has(type)) {
    const declared = (ed.type ?? []).flatMap((candidate) => candidate.profile ?? []).filter((url) => run.registry.has(url));
    validateResource(run, value, path, declared, parent.family, parent.resource, false, parent.depth + 1);
    return;
  }
  if (type === 'Reference' && typeof value.reference === 'string') run.references.at(-1)?.push({ reference: value.reference, path: `${path}.reference` });
  if (type === 'Coding' || type === 'CodeableConcept') checkBinding(run, profile, ed, type, value, path);
  if (type === 'Extension') {
    checkExtension(run, parent, ed, value, path);
    return;
  }
  walk(run, cursorOf(parent, parent.profile, ed, value, path, type, parent.logical, parent.depth + 1));
}

function checkExtension(run: Run, parent: Cursor, ed: ElementDefinition, value: Json, path: string): void {
  const url = value.url;
  if (typeof url === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const definition = run.registry.get(url);
    if (!definition || definition.type !== 'Extension') {
      report(run, 'warning', 'fhir.extension.unknown', `${path}.url`, `Unexpected ${path}.url: no extension definition is loaded for ${url}, so its content was checked against the base Extension only`);
    } else {
      if (definition.origin !== 'core') run.applied.add(definition.url);
      const holder = parent.profile.byId.get(ed.id.replace(/\.(modifierExtension|extension)(:[^.]*)?$/, ''));
      const atRoot = holder === parent.profile.root;
      const holderPath = atRoot && parent.logical ? parent.logical : ed.path.replace(/\.(modifierExtension|extension)$/, '');
      const holderType = atRoot ? parent.profile.type : (holder?.type?.[0]?.code ?? parent.type);
      const contexts = definition.sd.context ?? [];
      if (contexts.length && !contexts.some((context) => contextMatches(context.expression, holderPath, holderType))) {
        report(run, 'error', 'fhir.extension.context', path, `Unexpected ${path}: extension ${url} may be used on ${contexts.map((context) => context.expression).join(', ')}, but it is on ${holderPath}`, {
          profile: definition.url,
        });
      }
      walk(run, cursorOf(parent, definition, definition.root, value, path, 'Extension', undefined, parent.depth + 1));
      return;
    }
  }
  walk(run, cursorOf(parent, parent.profile, ed, value, path, 'Extension', parent.logical, parent.depth + 1));
}

function contextMatches(expression: string, holderPath: string, holderType: string): boolean {
  if (expression === 'Element' || expression === holderPath || expression === holderType) return true;
  if (expression === 'Resource' || expression === 'DomainResource') return !holderPath.includes('.');
  return false;
}

function checkInvariants(run: Run, profile: CompiledProfile, ed: ElementDefinition, cursor: Cursor): void {
  const { node, path } = cursor;
  for (const constraint of ed.constraint ?? []) {
    const result = evaluateInvariant(constraint, node, ed.path, cursor.resource, run.rootResource);
    if (result === undefined || result === true) continue;
    const source = constraint.source && !constraint.source.startsWith('http://hl7.org/fhir/StructureDefinition/') ? constraint.source : profile.url;
    if (typeof result === 'string') {
      report(run, 'warning', 'fhir.invariant.unevaluable', path, `${path}: invariant ${constraint.key} could not be evaluated: ${result}`, { profile: source, rule: constraint.key });
      continue;
    }
    report(run, constraint.severity === 'error' ? 'error' : 'warning', `fhir.invariant.${constraint.key}`, path,
      `Unexpected ${path}: expected ${constraint.key} to hold (${constraint.human ?? constraint.expression}), but it does not [${constraint.expression ?? 'native'}]`, { profile: source, rule: constraint.key });
  }
}

function checkFixedAndPattern(run: Run, profile: CompiledProfile, ed: ElementDefinition, value: unknown, path: string): void {
  for (const key of infoOf(ed).patternKeys) {
    const isFixed = key.startsWith('fixed');
    const expected = ed[key];
    if (isFixed ? !deepEqual(expected, value) : !matchesPattern(expected, value)) {
      report(run, 'error', isFixed ? 'fhir.fixed' : 'fhir.pattern', path, `Unexpected ${path}: expected ${isFixed ? '' : 'a value matching '}${JSON.stringify(expected)}, but received ${JSON.stringify(value)}`, { profile: profile.url });
    }
  }
}

function checkBinding(run: Run, profile: CompiledProfile, ed: ElementDefinition, type: string, value: unknown, path: string): void {
  const binding = ed.binding;
  if (!binding?.valueSet || (binding.strength !== 'required' && binding.strength !== 'extensible')) return;
  const expansion = run.registry.expansion(binding.valueSet);
  if (!expansion) return;
  const severity: Severity = binding.strength === 'required' ? 'error' : 'warning';
  const valid = sampleCodes(expansion);
  const expectation = `a code from ${expansion.title} (${expansion.url}${valid.length ? `: ${valid.join(', ')}` : ''})`;
  const extra = { profile: profile.url, rule: expansion.url };
  if (type === 'CodeableConcept' || type === 'Coding') {
    const codings = (type === 'Coding' ? [value] : ((value as Json).coding as Json[] | undefined) ?? []).filter(isObject);
    if (codings.length === 0) return;
    const member = codings.some((coding) => typeof coding.code === 'string' && expansionHas(expansion, coding.system as string | undefined, coding.code));
    if (member) return;
    const first = codings[0]!;
    const system = first.system as string | undefined;
    const where = type === 'Coding' ? path : `${path}.coding[0]`;
    const unknownSystem = system !== undefined && !expansion.systems.has(system);
    report(run, severity, 'fhir.binding', where,
      `Unexpected ${where}: expected ${expectation}, but received ${unknownSystem ? `code system ${system} (not in the value set)` : ''}${unknownSystem ? ' ' : ''}"${String(first.code)}"`, extra);
    return;
  }
  if (typeof value === 'string' && !expansionHas(expansion, undefined, value)) {
    report(run, severity, 'fhir.binding', path, `Unexpected ${path}: expected ${expectation}, but received "${value}"`, extra);
  }
}

/** Assigns each item of a sliced element to its slice (or none) and checks slice cardinality. */
function assignSlices(run: Run, parent: Cursor, sliced: ElementDefinition, items: unknown[], path: string): (ElementDefinition | undefined)[] {
  const { profile } = parent;
  const slices = profile.slices.get(sliced.id) ?? [];
  if (slices.length === 0 || sliced.path.endsWith('[x]')) return [];
  // Extensions are always sliced by url, declared or not (R4 profiling §5.1.0.7).
  const discriminators = sliced.slicing?.discriminator ?? (infoOf(sliced).isExtension ? EXTENSION_DISCRIMINATOR : []);
  const assigned = items.map((item) => slices.find((slice) => discriminators.length > 0 && discriminators.every((discriminator) => matchesDiscriminator(run, profile, slice, discriminator, item))));
  for (const slice of slices) {
    const count = assigned.filter((candidate) => candidate === slice).length;
    const min = slice.min ?? 0;
    const max = slice.max === '*' || slice.max === undefined ? Infinity : Number(slice.max);
    if (count < min || count > max) {
      report(run, 'error', 'fhir.slice', path, `Unexpected ${path}: expected ${min}..${slice.max ?? '*'} of slice "${slice.sliceName}" (${describeSlice(profile, slice, discriminators)}) in ${profile.name}, but received ${count}`, {
        profile: profile.url,
        rule: `slice:${slice.sliceName}`,
      });
    }
  }
  if (sliced.slicing?.rules === 'closed') {
    assigned.forEach((slice, i) => {
      if (!slice) report(run, 'error', 'fhir.slice', `${path}[${i}]`, `Unexpected ${path}[${i}]: slicing is closed and the item matches none of ${slices.map((candidate) => candidate.sliceName).join(', ')}`, { profile: profile.url });
    });
  }
  return assigned;
}

function describeSlice(profile: CompiledProfile, slice: ElementDefinition, discriminators: { type: string; path: string }[]): string {
  return discriminators
    .map((discriminator) => {
      const expected = discriminator.type === 'type' || discriminator.type === 'profile' ? sliceType(profile, slice, discriminator.path) : discriminatorValue(profile, slice, discriminator.path);
      const shown = discriminator.type === 'type' || discriminator.type === 'profile' ? String(expected) : JSON.stringify(expected);
      return `${discriminator.path} = ${shown}`;
    })
    .join(', ');
}

function matchesDiscriminator(run: Run, profile: CompiledProfile, slice: ElementDefinition, discriminator: { type: string; path: string }, item: unknown): boolean {
  const actual = navigate(item, discriminator.path);
  switch (discriminator.type) {
    case 'value':
    case 'pattern': {
      const expected = discriminatorValue(profile, slice, discriminator.path);
      if (expected === undefined) return false;
      return actual.some((value) => (discriminator.type === 'value' ? deepEqual(expected, value) : matchesPattern(expected, value)));
    }
    case 'type': {
      const expected = sliceType(profile, slice, discriminator.path);
      return actual.some((value) => isObject(value) && value.resourceType === expected);
    }
    case 'profile': {
      const expected = sliceElement(profile, slice, discriminator.path)?.type?.flatMap((type) => type.profile ?? []) ?? [];
      return actual.some((value) => {
        const declared = ((isObject(value) ? (value.meta as Json | undefined)?.profile : undefined) ?? []) as string[];
        return expected.some((url) => declared.includes(url) || (declared.length === 0 && run.registry.get(url)?.type === (value as Json).resourceType));
      });
    }
    case 'exists': {
      const element = sliceElement(profile, slice, discriminator.path);
      return (element?.min ?? 0) > 0 ? actual.length > 0 : element?.max === '0' ? actual.length === 0 : true;
    }
    default:
      return false;
  }
}

function sliceElement(profile: CompiledProfile, slice: ElementDefinition, path: string): ElementDefinition | undefined {
  return path === '$this' ? slice : profile.byId.get(`${slice.id}.${path}`);
}

function sliceType(profile: CompiledProfile, slice: ElementDefinition, path: string): string | undefined {
  return sliceElement(profile, slice, path)?.type?.[0]?.code;
}

function discriminatorValue(profile: CompiledProfile, slice: ElementDefinition, path: string): unknown {
  const element = sliceElement(profile, slice, path);
  const key = element && Object.keys(element).find((candidate) => candidate.startsWith('fixed') || candidate.startsWith('pattern'));
  if (key) return element[key];
  // Extension slices discriminate on url, fixed by the extension definition the slice's type names.
  if (path === 'url') return slice.type?.[0]?.profile?.[0];
  return undefined;
}

function navigate(item: unknown, path: string): unknown[] {
  if (path === '$this') return [item];
  let current: unknown[] = [item];
  for (const segment of path.split('.')) {
    current = current.flatMap((value) => {
      if (!isObject(value)) return [];
      const next = value[segment];
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return current;
}

/** urn: references must resolve to a fullUrl in the Bundle; `#id` to a contained resource. */
function resolveBundleReferences(run: Run, bundle: Json, path: string, references: { reference: string; path: string }[]): void {
  const entries = (Array.isArray(bundle.entry) ? bundle.entry : []).filter(isObject);
  const fullUrls = new Set(entries.map((entry) => entry.fullUrl).filter((url): url is string => typeof url === 'string'));
  for (const { reference, path: where } of references) {
    if (/^urn:(uuid|oid):/.test(reference) && !fullUrls.has(reference)) {
      report(run, 'error', 'fhir.reference', where, `Unexpected ${where}: expected a fullUrl of an entry in ${path}, but received "${reference}", which no entry has`);
    }
  }
}

function unknownResourceTypeMessage(path: string, resourceType: unknown): string {
  const types = [...baseDefinitions().resourceTypes];
  if (typeof resourceType !== 'string') return `Unexpected ${path}: expected a resourceType (one of the ${types.length} R4 resource types), but received ${describe(resourceType)}`;
  const near = types
    .map((type) => ({ type, distance: editDistance(type.toLowerCase(), resourceType.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5)
    .map((candidate) => candidate.type);
  return `Unexpected ${path}.resourceType: expected an R4 resource type (closest: ${near.join(', ')}), but received "${resourceType}"`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function isEmptyObject(value: Json): boolean {
  for (const _key in value) return false;
  return true;
}

function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => deepEqual((a as Json)[key], (b as Json)[key]));
}

/** FHIR pattern[x]: every property of the pattern is present with the same value (arrays: each pattern item matched). */
function matchesPattern(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'object' || pattern === null) return pattern === value;
  if (Array.isArray(pattern)) return Array.isArray(value) && pattern.every((item) => value.some((candidate) => matchesPattern(item, candidate)));
  if (!isObject(value)) return false;
  return Object.entries(pattern).every(([key, expected]) => matchesPattern(expected, value[key]));
}
