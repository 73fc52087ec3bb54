/** HCIM FHIR canonical URLs and naming systems (domain.md §c, §d). */
export const HCIM_FHIR = {
  profileBase: 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/',
  ooCodes: 'http://hlth.gov.bc.ca/fhir/client/bc-oo-codes',
  phnSystem: 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id',
  senderSystem: 'http://hlth.gov.bc.ca/fhir/client/bc-org',
  entererSystem: 'http://hlth.gov.bc.ca/fhir/client/bc-userid',
  identifierStatusExtension: 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/bc-identifier-status-extension',
} as const;

export function hcimProfile(id: string): string {
  return `${HCIM_FHIR.profileBase}${id}`;
}
