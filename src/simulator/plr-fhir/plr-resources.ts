import { randomUUID } from 'node:crypto';
import type { Facility, Provider } from '../provider.js';

/** PLR FHIR canonical bases and naming systems (domain.md §c, §d). */
export const PLR_FHIR = {
  profileBase: 'http://hlth.gov.bc.ca/fhir/provider/StructureDefinition/',
  errorCodes: 'https://terminology.hlth.gov.bc.ca/ProviderLocationRegistry/CodeSystem/bc-error-code-system',
  ipc: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc',
  cpn: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-common-party-number',
  ifc: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ifc',
  orgId: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-org-id',
  licenseStatus: 'https://terminology.hlth.gov.bc.ca/ProviderLocationRegistry/CodeSystem/bc-license-status-code-system',
  licenseReason: 'https://terminology.hlth.gov.bc.ca/ProviderLocationRegistry/CodeSystem/bc-license-status-reason-code-system',
  licenseClass: 'https://terminology.hlth.gov.bc.ca/ProviderLocationRegistry/CodeSystem/bc-license-status-class-code-system',
} as const;

/** College id type → Infoway license naming system. */
const LICENSE_SYSTEM: Record<string, string> = {
  CPSID: 'physician', RNID: 'nurse', RNPID: 'nurse-practitioner', LPNID: 'licensed-practical-nurse', DENID: 'dentist',
  PHID: 'pharmacist', RMID: 'midwife', OPTID: 'optometrist',
};

export function plrProfile(id: string): string {
  return `${PLR_FHIR.profileBase}${id}`;
}

export function licenseSystem(type: string): string {
  return `${LICENSE_PREFIX}${LICENSE_SYSTEM[type] ?? type.toLowerCase()}`;
}

const LICENSE_PREFIX = 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-';

/** Infoway license naming system → college id type (`CPSID` …); undefined for other systems. */
export function collegeIdTypeOf(system: string | undefined): string | undefined {
  if (!system?.startsWith(LICENSE_PREFIX)) return undefined;
  const profession = system.slice(LICENSE_PREFIX.length);
  return Object.entries(LICENSE_SYSTEM).find(([, name]) => name === profession)?.[0] ?? profession.toUpperCase();
}

/** A bc-operation-outcome with one PLR error-code issue. */
export function plrOutcome(code: string, severity: 'information' | 'warning' | 'error', text: string): Record<string, unknown> {
  return {
    resourceType: 'OperationOutcome',
    meta: { profile: [plrProfile('bc-operation-outcome')] },
    issue: [{ severity, code: severity === 'error' ? 'business-rule' : 'informational', details: { coding: [{ system: PLR_FHIR.errorCodes, code }], text } }],
  };
}

const fhirDate = (d: string) => (d.length >= 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined);

/** bc-practitioner for a provider (the IG example's shape, seeded data only). */
export function practitionerResource(provider: Provider): Record<string, unknown> {
  const start = fhirDate(provider.statusStart);
  return {
    resourceType: 'Practitioner',
    id: provider.ipc,
    meta: { profile: [plrProfile('bc-practitioner')] },
    extension: [
      {
        url: plrProfile('bc-license-status-extension'),
        extension: [
          { url: 'statusCode', valueCodeableConcept: { coding: [{ system: PLR_FHIR.licenseStatus, code: provider.status }] } },
          ...(provider.statusReason ? [{ url: 'statusReasonCode', valueCodeableConcept: { coding: [{ system: PLR_FHIR.licenseReason, code: provider.statusReason }] } }] : []),
          { url: 'statusClassCode', valueCodeableConcept: { coding: [{ system: PLR_FHIR.licenseClass, code: 'LIC' }] } },
          ...(start ? [{ url: 'period', valuePeriod: { start } }] : []),
        ],
      },
    ],
    identifier: [
      { system: PLR_FHIR.ipc, value: provider.ipc },
      ...(provider.cpn ? [{ system: PLR_FHIR.cpn, value: provider.cpn }] : []),
      ...(provider.collegeIdType && provider.collegeId ? [{ system: licenseSystem(provider.collegeIdType), value: provider.collegeId }] : []),
    ],
    name: [{ use: 'official', ...(provider.family ? { family: provider.family } : {}), ...(provider.given.length ? { given: provider.given } : {}) }],
    ...(provider.phone || provider.email
      ? { telecom: [...(provider.phone ? [{ system: 'phone', value: provider.phone }] : []), ...(provider.fax ? [{ system: 'fax', value: provider.fax }] : []), ...(provider.email ? [{ system: 'email', value: provider.email }] : [])] }
      : {}),
    ...(provider.address ? { address: [{ type: 'physical', line: provider.address.lines, city: provider.address.city, state: provider.address.province, postalCode: provider.address.postalCode, country: provider.address.country }] } : {}),
    gender: { M: 'male', F: 'female', U: 'unknown' }[provider.gender],
    ...(fhirDate(provider.birthDate) ? { birthDate: fhirDate(provider.birthDate) } : {}),
  };
}

/** bc-practitioner-role: the provider's role type. */
export function practitionerRoleResource(provider: Provider): Record<string, unknown> {
  return {
    resourceType: 'PractitionerRole',
    id: provider.ipc,
    meta: { profile: [plrProfile('bc-practitioner-role')] },
    practitioner: { identifier: { system: PLR_FHIR.ipc, value: provider.ipc } },
    ...(provider.roleType ? { code: [{ coding: [{ system: 'http://fhir.infoway-inforoute.ca/CodeSystem/scptype', code: provider.roleType }] }] } : {}),
  };
}

/** bc-practitioner-bundle: Practitioner + PractitionerRole (nested collection of a query answer). */
export function practitionerBundle(provider: Provider, baseUrl: string): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    meta: { profile: [plrProfile('bc-practitioner-bundle')] },
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [
      { fullUrl: `${baseUrl}/Practitioner/${provider.ipc}`, resource: practitionerResource(provider) },
      { fullUrl: `${baseUrl}/PractitionerRole/${provider.ipc}`, resource: practitionerRoleResource(provider) },
    ],
  };
}

/** bc-organization-bundle / bc-location-bundle for a facility. */
export function facilityBundle(facility: Facility, baseUrl: string): Record<string, unknown> {
  const organization = facility.kind === 'Organization';
  const resource = {
    resourceType: facility.kind,
    id: facility.id,
    meta: { profile: [plrProfile(organization ? 'bc-organization' : 'bc-location')] },
    identifier: [{ system: organization ? PLR_FHIR.orgId : PLR_FHIR.ifc, value: facility.id }],
    name: facility.name,
    ...(organization ? { address: [{ city: facility.city, state: 'BC', country: 'CA' }] } : { address: { city: facility.city, state: 'BC', country: 'CA' } }),
  };
  return {
    resourceType: 'Bundle',
    meta: { profile: [plrProfile(organization ? 'bc-organization-bundle' : 'bc-location-bundle')] },
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [{ fullUrl: `${baseUrl}/${facility.kind}/${facility.id}`, resource }],
  };
}

/** The query answer: searchset, entry[0] OperationOutcome (search.mode outcome), then one collection per match. */
export function queryResponseBundle(selfUrl: string, outcome: Record<string, unknown>, matches: Record<string, unknown>[]): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    meta: { profile: [plrProfile('bc-query-response-bundle')] },
    type: 'searchset',
    timestamp: new Date().toISOString(),
    total: matches.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: outcome, search: { mode: 'outcome' } },
      ...matches.map((bundle) => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource: bundle, search: { mode: 'match' } })),
    ],
  };
}
