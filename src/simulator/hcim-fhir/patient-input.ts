import { HCIM_FHIR } from '../../fhir/hcim-systems.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import type { Person } from '../person.js';

type Json = Record<string, any>;

const GENDER: Record<string, Person['gender']> = { male: 'M', female: 'F', other: 'UN', unknown: 'UN' };
const TELECOM_USE: Record<string, 'H' | 'WP' | 'MC'> = { home: 'H', work: 'WP', mobile: 'MC' };
const SOURCE_SYSTEM = /^https:\/\/health\.gov\.bc\.ca\/fhir\/NamingSystem\/ca-bc-(.+)-source-patient-id$/;

/** The PHN a Patient carries (identifier with the PHN naming system). */
export function patientPhn(patient: Json | undefined): string | undefined {
  return (patient?.identifier as Json[] | undefined)?.find((id) => id?.system === HCIM_FHIR.phnSystem)?.value?.trim() || undefined;
}

/** The HL7v3 assigning authority (`VIHA_CERN`) a FHIR source-patient-id system names, if it is one. */
export function sourceAuthority(system: string): string | undefined {
  return SOURCE_SYSTEM.exec(system)?.[1]?.toUpperCase().replace(/-/g, '_');
}

/** A bc-patient from an $AddPatient / $RevisePatient request, as registry demographics. */
export function personFromPatient(patient: Json): Omit<Person, 'phn'> {
  const names = ((patient.name as Json[] | undefined) ?? []).map((n) => ({ use: (n.use === 'official' ? 'C' : 'L') as 'L' | 'C', family: String(n.family ?? ''), given: ((n.given as string[] | undefined) ?? []).map(String) }));
  const sourceIds = ((patient.identifier as Json[] | undefined) ?? [])
    .filter((id) => typeof id?.system === 'string' && SOURCE_SYSTEM.test(id.system) && id.value)
    .map((id) => ({ root: HCIM_OID.sourcePersonId, extension: String(id.value), assigningAuthorityName: sourceAuthority(id.system)! }));
  return {
    sourceIds,
    names,
    gender: GENDER[String(patient.gender)] ?? 'UN',
    birthDate: typeof patient.birthDate === 'string' ? patient.birthDate.replace(/-/g, '').slice(0, 8) : '',
    ...(typeof patient.deceasedDateTime === 'string' ? { deceasedDate: patient.deceasedDateTime.replace(/-/g, '').slice(0, 8) } : {}),
    addresses: ((patient.address as Json[] | undefined) ?? []).map((a) => ({
      use: (a.type === 'postal' ? 'PST' : 'PHYS') as 'PHYS' | 'PST',
      lines: ((a.line as string[] | undefined) ?? []).map(String),
      city: String(a.city ?? ''),
      province: String(a.state ?? ''),
      postalCode: String(a.postalCode ?? ''),
      country: String(a.country ?? 'CA'),
    })),
    telecoms: ((patient.telecom as Json[] | undefined) ?? []).filter((t) => t?.value).map((t) => ({ use: TELECOM_USE[String(t.use)] ?? 'H', value: `${t.system === 'email' ? 'mailto:' : 'tel:'}${t.value}` })),
  };
}
