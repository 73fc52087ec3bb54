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
  /** Logically deleted (PersonNullified): queries no longer find it. */
  nullified?: boolean;
  /** Names the person no longer uses; only the history flavour returns them. */
  formerNames?: { use: 'L' | 'C'; family: string; given: string[]; validTo: string }[];
}

/** One stored version of a person (GetDemographics history flavour, FHIR `_history`). */
export interface PersonVersion {
  versionId: number;
  /** ISO instant the version was recorded. */
  recordedAt: string;
  person: Person;
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
