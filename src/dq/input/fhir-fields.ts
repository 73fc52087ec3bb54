import type { DqFields } from '../dq-record.js';
import { bodyForLicenceSystem } from '../college-bodies.js';

/* FHIR R4 resources (as parsed JSON) → canonical fields. Only the obvious elements are mapped;
   fields a resource does not carry are '' (carried but blank) so that "missing" checks fire. */

type Json = Record<string, any>;

const PHN_SYSTEMS = ['https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id', 'http://hlth.gov.bc.ca/fhir/client/id-issuer/BC'];
const IPC_SYSTEM = 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc';
const CPN_SYSTEM = 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-common-party-number';

/** Patient → client fields (PHN by its naming system, official name first, first address/phone). */
export function patientFields(patient: Json): DqFields {
  const identifiers: Json[] = Array.isArray(patient.identifier) ? patient.identifier : [];
  const phn = identifiers.find((id) => PHN_SYSTEMS.includes(id?.system));
  return {
    phn: str(phn?.value),
    ...nameFields(patient.name),
    birthDate: str(patient.birthDate),
    gender: str(patient.gender),
    deceasedDate: str(patient.deceasedDateTime).slice(0, 10),
    ...addressFields(patient.address),
    ...telecomFields(patient.telecom),
  };
}

/** Practitioner → provider fields (IPC/CPN/licence identifiers by naming system, first qualification code as provider type). */
export function practitionerFields(practitioner: Json): DqFields {
  const identifiers: Json[] = Array.isArray(practitioner.identifier) ? practitioner.identifier : [];
  const licence = identifiers.find((id) => bodyForLicenceSystem(str(id?.system), str(id?.type?.coding?.[0]?.code)) !== undefined);
  const qualification = Array.isArray(practitioner.qualification) ? practitioner.qualification[0] : undefined;
  return {
    ipc: str(identifiers.find((id) => id?.system === IPC_SYSTEM)?.value),
    cpn: str(identifiers.find((id) => id?.system === CPN_SYSTEM)?.value),
    identifierType: licence ? bodyForLicenceSystem(str(licence.system), str(licence.type?.coding?.[0]?.code))!.code : '',
    collegeId: str(licence?.value),
    providerType: str(qualification?.code?.coding?.[0]?.code),
    ...nameFields(practitioner.name),
    birthDate: str(practitioner.birthDate),
    gender: str(practitioner.gender),
    ...addressFields(practitioner.address),
    ...telecomFields(practitioner.telecom),
  };
}

function nameFields(names: unknown): DqFields {
  const list: Json[] = Array.isArray(names) ? names : [];
  const name = list.find((n) => n?.use === 'official') ?? list[0];
  const given: unknown[] = Array.isArray(name?.given) ? name.given : [];
  return { family: str(name?.family), given: str(given[0]), middle: str(given[1]) };
}

function addressFields(addresses: unknown): DqFields {
  const list: Json[] = Array.isArray(addresses) ? addresses : [];
  const address = list.find((a) => a?.use === 'home') ?? list[0];
  const lines: unknown[] = Array.isArray(address?.line) ? address.line : [];
  return { addressLine1: str(lines[0]), addressLine2: str(lines[1]), city: str(address?.city), province: str(address?.state), postalCode: str(address?.postalCode), country: str(address?.country) };
}

function telecomFields(telecoms: unknown): DqFields {
  const list: Json[] = Array.isArray(telecoms) ? telecoms : [];
  return {
    phone: str(list.find((t) => t?.system === 'phone')?.value),
    fax: str(list.find((t) => t?.system === 'fax')?.value),
    email: str(list.find((t) => t?.system === 'email')?.value),
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
