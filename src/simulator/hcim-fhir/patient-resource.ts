import { HCIM_FHIR, hcimProfile } from '../../fhir/hcim-systems.js';
import type { Person } from '../person.js';

const GENDER: Record<Person['gender'], string> = { M: 'male', F: 'female', UN: 'other' };
const TELECOM_USE = { H: 'home', WP: 'work', MC: 'mobile' } as const;
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** yyyyMMdd → yyyy-MM-dd */
export function fhirDate(hl7: string): string {
  return `${hl7.slice(0, 4)}-${hl7.slice(4, 6)}-${hl7.slice(6, 8)}`;
}

/** A bc-patient resource for a registry person; masked demographics are withheld and flagged. */
export function patientResource(person: Person, options: { unmask?: boolean } = {}): Record<string, unknown> {
  const identifier = [
    {
      extension: [{ url: HCIM_FHIR.identifierStatusExtension, valueCode: 'active' }],
      use: 'official',
      system: HCIM_FHIR.phnSystem,
      value: person.phn,
    },
    ...person.sourceIds.map((id) => ({
      extension: [{ url: HCIM_FHIR.identifierStatusExtension, valueCode: 'active' }],
      use: 'secondary',
      system: `https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-${id.assigningAuthorityName.toLowerCase().replace(/_/g, '-')}-source-patient-id`,
      value: id.extension,
    })),
  ];
  const patient: Record<string, unknown> = {
    resourceType: 'Patient',
    id: person.phn,
    meta: { profile: [hcimProfile('bc-patient')] },
    identifier,
    active: true,
  };
  if (person.masked && !options.unmask) {
    patient.name = [{ extension: [{ url: DATA_ABSENT, valueCode: 'masked' }] }];
    patient._birthDate = { extension: [{ url: DATA_ABSENT, valueCode: 'masked' }] };
    return patient;
  }
  patient.name = person.names.map((name) => ({ use: name.use === 'L' ? 'usual' : 'official', family: name.family, given: name.given }));
  if (person.telecoms.length > 0) {
    patient.telecom = person.telecoms.map((t) => ({ system: t.value.startsWith('mailto:') ? 'email' : 'phone', value: t.value.replace(/^(tel|mailto):/, ''), use: TELECOM_USE[t.use] }));
  }
  patient.gender = GENDER[person.gender];
  patient.birthDate = fhirDate(person.birthDate);
  if (person.deceasedDate) {
    patient.deceasedDateTime = fhirDate(person.deceasedDate);
    // Deaths in the registry are verified by BC Vital Statistics (RP.2.0016); Distribution-DEATH.json shape.
    patient._deceasedDateTime = {
      extension: [{ url: `${HCIM_FHIR.profileBase}bc-death-verified-flag-extension`, extension: [{ url: 'deathVerifiedFlag', valueBoolean: true }] }],
    };
  }
  if (person.addresses.length > 0) {
    patient.address = person.addresses.map((a) => ({ type: a.use === 'PHYS' ? 'physical' : 'postal', line: a.lines, city: a.city, state: a.province, postalCode: a.postalCode, country: a.country }));
  }
  return patient;
}
