import type { CanonicalField, DqKind } from './dq-record.js';

/**
 * Default header names (compared after upper-casing and dropping everything but letters and
 * digits) for each canonical field. The PLR names are those of the PLR intake extract
 * (fixtures/seed/plr-providers.csv); the client names cover common HCIM onboarding extracts.
 */
export const DEFAULT_ALIASES: Readonly<Record<CanonicalField, readonly string[]>> = {
  phn: ['PHN', 'PERSONAL_HEALTH_NUMBER', 'HEALTH_NUMBER', 'PHN_NUMBER', 'HEALTHCARE_ID', 'BC_PHN'],
  family: ['FAMILY', 'FAMILY_NAME', 'SURNAME', 'LAST_NAME', 'LNAME'],
  given: ['GIVEN', 'GIVEN_NAME', 'FIRST_NAME', 'FNAME', 'GIVEN_NAME1'],
  middle: ['MIDDLE', 'MIDDLE_NAME', 'SECOND_NAME', 'GIVEN_NAME2'],
  birthDate: ['BIRTH_DATE', 'BIRTHDATE', 'DOB', 'DATE_OF_BIRTH', 'BIRTH_TIME'],
  gender: ['GENDER', 'SEX', 'ADMINISTRATIVE_GENDER', 'GENDER_CODE'],
  deceasedDate: ['DECEASED_DATE', 'DEATH_DATE', 'DATE_OF_DEATH', 'DOD', 'DECEASED_TIME'],
  addressLine1: ['ADDRESS', 'ADDRESS_LINE1', 'ADDRESS1', 'ADD1_LINE1', 'STREET', 'ADDR_LINE1', 'STREET_ADDRESS'],
  addressLine2: ['ADDRESS_LINE2', 'ADDRESS2', 'ADD1_LINE2', 'ADDR_LINE2'],
  city: ['CITY', 'CITY1', 'MUNICIPALITY', 'TOWN'],
  province: ['PROVINCE', 'PROV', 'STATE', 'PROVINCE1'],
  postalCode: ['POSTAL_CODE', 'POSTALCODE', 'POSTCODE', 'ZIP', 'POSTAL_CODE1', 'POSTAL'],
  country: ['COUNTRY', 'COUNTRY1', 'COUNTRY_CODE'],
  phoneArea: ['TEL_AREA_CD', 'AREA_CODE', 'PHONE_AREA_CODE'],
  phone: ['PHONE', 'TELEPHONE', 'PHONE_NUMBER', 'TEL', 'TEL_NUMBER', 'HOME_PHONE'],
  faxArea: ['FAX_AREA_CD', 'FAX_AREA_CODE'],
  fax: ['FAX', 'FAX_NUMBER'],
  email: ['EMAIL', 'EMAIL_ADDRESS', 'E_MAIL'],
  ipc: ['IPC', 'PLR_IPC', 'INTERNAL_PROVIDER_CODE'],
  cpn: ['CPN', 'COMMON_PARTY_NUMBER'],
  identifierType: ['IDENTIFIER_TYPE', 'COLLEGE_ID_TYPE', 'LICENSE_TYPE', 'COLLEGE_TYPE'],
  collegeId: ['COLLEGE_ID', 'COLLEGE_NUMBER', 'LICENSE_NUMBER', 'LICENCE_NUMBER', 'REGISTRATION_NUMBER'],
  providerType: ['PROVIDER_ROLE_TYPE', 'PROVIDER_TYPE', 'ROLE_TYPE', 'PROVIDER_ROLE'],
  mspId: ['MSPID', 'MSP_ID', 'MSP_PRACTITIONER_NUMBER', 'PRACTITIONER_NUMBER'],
  statusCode: ['STATUS_CODE', 'LICENSE_STATUS', 'LICENCE_STATUS', 'STATUS'],
  statusReason: ['STATUS_REASON_CD', 'STATUS_REASON', 'STATUS_REASON_CODE'],
  statusStart: ['STATUS_START_DT', 'STATUS_START_DATE', 'LICENSE_START_DATE'],
  statusExpiry: ['STATUS_EXPIRY_DT', 'STATUS_EXPIRY_DATE', 'STATUS_END_DATE', 'LICENSE_EXPIRY_DATE'],
};

/** Fields each kind is expected to carry; a header without one gets a `column-missing` finding. */
export const EXPECTED_FIELDS: Readonly<Record<DqKind, readonly CanonicalField[]>> = {
  client: ['phn', 'family', 'given', 'birthDate', 'gender'],
  provider: ['ipc', 'cpn', 'identifierType', 'collegeId', 'providerType', 'statusCode'],
};

/** `Date of Birth` → `DATEOFBIRTH`: header names compare case- and punctuation-insensitively. */
export function normaliseHeader(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
