/**
 * BC licensing bodies as PLR identifies them (domain.md §d, after bcgov/moh-pidp
 * IdentifierTypeConfiguration.cs and bcgov/moh-plr-loadtest PlrNamingSystemEnum.java): the
 * IDENTIFIER_TYPE code, its HL7v3 OID, the FHIR licence naming-system suffix, the provider types
 * it licenses and the college-id format.
 *
 * The public sources give no per-college number formats; the patterns are the conservative
 * "1–8 digits" except where the PLR test extract shows more (CPSID: 5 digits). Override a
 * pattern only with evidence from the college.
 */
export interface CollegeBody {
  code: string;
  name: string;
  oid: string;
  /** Suffix of `https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-<suffix>`. */
  fhirSuffix?: string;
  providerTypes: readonly string[];
  pattern: RegExp;
}

const DIGITS = /^\d{1,8}$/;
const body = (code: string, name: string, oid: string, providerTypes: string[], fhirSuffix?: string, pattern = DIGITS): CollegeBody => ({ code, name, oid, providerTypes, pattern, ...(fhirSuffix ? { fhirSuffix } : {}) });

export const COLLEGE_BODIES: readonly CollegeBody[] = [
  body('CPSID', 'College of Physicians and Surgeons of BC', '2.16.840.1.113883.3.40.2.4', ['MD', 'RES', 'MOA'], 'physician', /^\d{5}$/),
  body('DENID', 'College of Oral Health Professionals (dentists)', '2.16.840.1.113883.3.40.2.6', ['DEN', 'DENT', 'DH', 'DT', 'DA'], 'dentist'),
  body('LPNID', 'BC College of Nurses and Midwives (LPN)', '2.16.840.1.113883.3.40.2.10', ['LPN'], 'lpn'),
  body('PHID', 'College of Pharmacists of BC', '2.16.840.1.113883.3.40.2.14', ['PHARM', 'PHARMTECH', 'PHT', 'PTECH'], 'pharmacist'),
  body('RMID', 'BC College of Nurses and Midwives (midwives)', '2.16.840.1.113883.3.40.2.18', ['RM'], 'midwife'),
  body('RNID', 'BC College of Nurses and Midwives (RN/NP)', '2.16.840.1.113883.3.40.2.19', ['RN', 'RNP', 'NP', 'RNA'], 'nurse'),
  body('RNPID', 'BC College of Nurses and Midwives (psychiatric nurses)', '2.16.840.1.113883.3.40.2.20', ['RPN'], 'psychiatric-nurse'),
  body('MOAID', 'Medical office assistants', '2.16.840.1.113883.3.40.2.46', ['MOA']),
  body('PPID', 'Podiatric physicians', '2.16.840.1.113883.3.40.2.44', ['PP', 'DPM']),
  body('OPTID', 'College of Optometrists of BC', '2.16.840.1.113883.4.429', ['OPT'], 'optometrist'),
  body('CCID', 'College of Chiropractors (CCID)', '2.16.840.1.113883.4.363', ['CC', 'CHIRO']),
  body('OTID', 'Occupational therapists', '2.16.840.1.113883.4.364', ['OT']),
  body('PSYCHID', 'Psychologists', '2.16.840.1.113883.4.362', ['PSYCH']),
  body('SWID', 'Social workers', '2.16.840.1.113883.4.361', ['SW', 'RSW']),
  body('CHIROID', 'Chiropractors', '2.16.840.1.113883.4.422', ['CHIRO', 'DC']),
  body('PHYSIOID', 'Physical therapists', '2.16.840.1.113883.4.414', ['PHYSIO', 'PT']),
  body('RMTID', 'Massage therapists', '2.16.840.1.113883.4.433', ['RMT']),
  body('KNID', 'Kinesiologists', '2.16.840.1.113883.4.439', ['KN', 'KIN']),
  body('PHTID', 'Pharmacy technicians', '2.16.840.1.113883.4.401', ['PHT', 'PHARMTECH']),
  body('COUNID', 'Counsellors', '2.16.840.1.113883.4.477', ['COUN', 'RCC']),
  body('MFTID', 'Marriage and family therapists', '2.16.840.1.113883.4.452', ['MFT']),
  body('RDID', 'Dietitians', '2.16.840.1.113883.4.530', ['RD', 'DIET']),
  body('NDID', 'Naturopathic physicians', '2.16.840.1.113883.4.538', ['ND']),
  body('RACID', 'Acupuncturists / TCM practitioners', '2.16.840.1.113883.4.454', ['RAC', 'TCM']),
  body('RPNRC', 'Registered psychiatric nurses', '2.16.840.1.113883.4.608', ['RPN']),
];

const BY_CODE = new Map(COLLEGE_BODIES.map((b) => [b.code, b]));
const BY_OID = new Map(COLLEGE_BODIES.map((b) => [b.oid, b]));

/** The body for an IDENTIFIER_TYPE code (case-insensitive). */
export function collegeBody(code: string): CollegeBody | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** The body whose HL7v3 id root is this OID. */
export function collegeBodyByOid(oid: string): CollegeBody | undefined {
  return BY_OID.get(oid);
}

/** The body of a FHIR licence identifier, by `identifier.type` code or `ca-bc-license-<x>` system. */
export function bodyForLicenceSystem(system: string, typeCode: string): CollegeBody | undefined {
  const byType = typeCode ? collegeBody(typeCode) : undefined;
  if (byType) return byType;
  const match = /ca-bc-license-([a-z-]+)$/.exec(system);
  return match ? COLLEGE_BODIES.find((b) => b.fhirSuffix === match[1]) : undefined;
}
