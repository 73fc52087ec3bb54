/** A person in the simulated client registry (shape of fixtures/seed/hcim-persons.json). */
export interface Person {
  phn: string;
  sourceIds: { root: string; extension: string; assigningAuthorityName: string }[];
  /** `L` legal/declared, `C` documented (card) — HCIM name uses. */
  names: { use: 'L' | 'C'; family: string; given: string[] }[];
  gender: 'M' | 'F' | 'UN';
  /** HL7 date yyyyMMdd. */
  birthDate: string;
  deceasedDate?: string;
  addresses: { use: 'PHYS' | 'PST'; lines: string[]; city: string; province: string; postalCode: string; country: string }[];
  telecoms: { use: 'H' | 'WP' | 'MC'; value: string }[];
  /** Demographics hidden from most callers (`nullFlavor="MSK"`). */
  masked?: boolean;
  /** This PHN was merged into the survivor with this PHN. */
  mergedInto?: string;
}

/** Search criteria of FindCandidates (v3 queryByParameterPayload or FHIR Patient by example). */
export interface CandidateQuery {
  family?: string;
  given?: string[];
  birthDate?: string;
  gender?: string;
  addressLine?: string;
  postalCode?: string;
  phone?: string;
}

export interface ScoredCandidate {
  person: Person;
  score: number;
}
