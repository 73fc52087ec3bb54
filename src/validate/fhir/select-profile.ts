import type { ProfileRegistry } from '../../fhir/profiles.js';

type Json = Record<string, unknown>;

/** Which BC registry a resource belongs to, for inferring profiles of entries without `meta.profile`. */
export type ProfileFamily = 'hcim' | 'plr';

/** Canonical bases of the two IGs (domain.md §c). */
export const HCIM_BASE = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';
export const PLR_BASE = 'http://hlth.gov.bc.ca/fhir/provider/StructureDefinition/';

const PLR_TYPES = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'OrganizationAffiliation', 'CareTeam', 'HealthcareService']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const entryResources = (bundle: Json): Json[] => list(bundle.entry).map((entry) => entry.resource).filter(isObject);
const parameterNames = (parameters: Json): string[] => list(parameters.parameter).map((parameter) => String(parameter.name));
const metaProfiles = (resource: Json): string[] => {
  const profiles = (resource.meta as Json | undefined)?.profile;
  return Array.isArray(profiles) ? profiles.filter((url): url is string => typeof url === 'string') : [];
};

/** The family a resource evidently belongs to, from its profiles, codes or shape. */
export function familyOf(resource: Json | undefined): ProfileFamily | undefined {
  if (!resource) return undefined;
  const profiles = metaProfiles(resource);
  if (profiles.some((url) => url.startsWith(HCIM_BASE))) return 'hcim';
  if (profiles.some((url) => url.startsWith(PLR_BASE))) return 'plr';
  const text = resource.resourceType === 'OperationOutcome' ? JSON.stringify(resource.issue ?? '') : '';
  if (text.includes('hlth.gov.bc.ca/fhir/client')) return 'hcim';
  if (text.includes('ProviderLocationRegistry')) return 'plr';
  if (resource.resourceType === 'Patient' || resource.resourceType === 'RelatedPerson') return 'hcim';
  if (resource.resourceType === 'Parameters' && parameterNames(resource).some((name) => ['messageId', 'requestMessageId', 'target-patient', 'source-patient', 'outcome'].includes(name))) return 'hcim';
  if (PLR_TYPES.has(String(resource.resourceType))) return 'plr';
  if (resource.resourceType === 'Bundle') {
    for (const entry of entryResources(resource)) {
      const family = familyOf(entry);
      if (family) return family;
    }
  }
  return undefined;
}

const link = (bundle: Json): string => list(bundle.link).map((item) => String(item.url)).join(' ');

/**
 * Infers the BC profile of a resource that declares none (domain.md §c shapes). Returns a loaded
 * canonical URL, or undefined to fall back to the core definition.
 */
export function inferEntryProfile(resource: Json, family: ProfileFamily | undefined, registry: ProfileRegistry): string | undefined {
  const candidate = infer(resource, family ?? familyOf(resource));
  return candidate && registry.has(candidate) ? candidate : undefined;
}

function infer(resource: Json, family: ProfileFamily | undefined): string | undefined {
  const type = resource.resourceType;
  if (family === 'hcim') {
    if (type === 'Patient') return `${HCIM_BASE}bc-patient`;
    if (type === 'Parameters') return `${HCIM_BASE}${hcimParameters(resource)}`;
    if (type === 'Bundle') {
      const id = hcimBundle(resource);
      return id ? `${HCIM_BASE}${id}` : undefined;
    }
    return undefined;
  }
  if (family === 'plr') {
    switch (type) {
      case 'Practitioner':
        return `${PLR_BASE}bc-practitioner`;
      case 'PractitionerRole':
        return `${PLR_BASE}bc-practitioner-role`;
      case 'Organization':
        return `${PLR_BASE}bc-organization`;
      case 'Location':
        return `${PLR_BASE}bc-location`;
      case 'OperationOutcome':
        return `${PLR_BASE}bc-operation-outcome`;
      case 'Bundle':
        return plrBundle(resource);
      default:
        return undefined;
    }
  }
  return undefined;
}

function hcimParameters(parameters: Json): string {
  const names = parameterNames(parameters);
  if (names.includes('target-patient') || names.includes('source-patient') || names.includes('result-patient')) return 'bc-merge-request-parameters';
  if (names.includes('outcome') && !names.includes('messageId')) return 'bc-merge-response-parameters';
  if (names.includes('eventType')) return 'bc-metadata-parameters-subscription';
  if (names.includes('requestMessageId')) return 'bc-metadata-parameters-out';
  return 'bc-metadata-parameters-in';
}

function hcimBundle(bundle: Json): string | undefined {
  const resources = entryResources(bundle);
  const types = resources.map((resource) => resource.resourceType);
  const parameters = resources.find((resource) => resource.resourceType === 'Parameters');
  const names = parameters ? parameterNames(parameters) : [];
  const operation = link(bundle);
  if (bundle.type === 'searchset') return types.includes('OperationOutcome') ? 'bc-search-response-bundle' : undefined;
  if (bundle.type !== 'collection' || !parameters) return undefined;
  if (names.includes('eventType')) return 'bc-subscription-notification-bundle';
  if (types.includes('OperationOutcome')) {
    if (!types.includes('Patient') && types.length === 2) return 'bc-async-ack-response-bundle';
    return operation.includes('$AddPatient') ? 'bc-add-response-bundle' : 'bc-revise-response-bundle';
  }
  for (const [marker, id] of [
    ['$FindCandidates', 'bc-find-candidates-request-bundle'],
    ['$GetDemographics', 'bc-get-demographics-request-bundle'],
    ['$AddPatient', 'bc-add-request-bundle'],
    ['$RevisePatient', 'bc-revise-request-bundle'],
  ] as const) {
    if (operation.includes(marker)) return id;
  }
  // Without the operation URL: a mother (RelatedPerson) or a demographic-only Patient means a search.
  const patient = resources.find((resource) => resource.resourceType === 'Patient');
  if (types.includes('RelatedPerson')) return 'bc-find-candidates-request-bundle';
  if (patient && patient.identifier && !patient.name) return 'bc-get-demographics-request-bundle';
  return 'bc-find-candidates-request-bundle';
}

function plrBundle(bundle: Json): string | undefined {
  const types = entryResources(bundle).map((resource) => resource.resourceType);
  if (bundle.type === 'searchset') return types.includes('OperationOutcome') ? `${PLR_BASE}bc-query-response-bundle` : undefined;
  if (bundle.type !== 'collection') return undefined;
  if (types.includes('Practitioner')) return `${PLR_BASE}bc-practitioner-bundle`;
  if (types.includes('Organization')) return `${PLR_BASE}bc-organization-bundle`;
  if (types.includes('Location')) return `${PLR_BASE}bc-location-bundle`;
  return undefined;
}
