import { PLR_OID } from '../../hl7v3/oids.js';
import { COLLEGE_OID } from '../provider-store.js';
import type { Provider } from '../provider.js';
import { xmlText } from '../xml-text.js';

/**
 * The `healthCareProvider` role of PLR HL7v3 messages, after the PRPM_IN301030CA sample and the
 * moh-prime SoapService.cs XPaths: ids (IPC, college id, CPN, MSP id), provider type code, addr,
 * telecom, statusCode with validTime, then healthCarePrincipalPerson.
 */
export function healthCareProvider(provider: Provider): string {
  const ids = [
    `<id root="${PLR_OID.ipc}" extension="${xmlText(provider.ipc)}"/>`,
    ...(COLLEGE_OID[provider.collegeIdType] ? [`<id root="${COLLEGE_OID[provider.collegeIdType]}" extension="${xmlText(provider.collegeId)}"/>`] : []),
    `<id root="${PLR_OID.cpn}" extension="${xmlText(provider.cpn)}"/>`,
    ...(provider.mspId ? [`<id root="${PLR_OID.mspPractitionerId}" extension="${xmlText(provider.mspId)}"/>`] : []),
  ];
  const address = provider.address
    ? `<addr use="PHYS DC">${provider.address.lines.map((l) => `<streetAddressLine>${xmlText(l)}</streetAddressLine>`).join('')}<city>${xmlText(provider.address.city)}</city><state>${xmlText(provider.address.province)}</state><country>${xmlText(provider.address.country)}</country><postalCode>${xmlText(provider.address.postalCode)}</postalCode></addr>`
    : '';
  const telecoms = [provider.phone ? `tel:${provider.phone}` : '', provider.fax ? `fax:${provider.fax}` : '', provider.email ? `mailto:${provider.email}` : ''].filter(Boolean).map((value) => `<telecom use="WP" value="${xmlText(value)}"/>`);
  return [
    '<healthCareProvider classCode="PROV">',
    ...ids,
    `<code code="${xmlText(provider.roleType)}" codeSystemName="WHICProviderType"/>`,
    address,
    ...telecoms,
    `<statusCode code="${xmlText(provider.status)}"><validTime><low value="${provider.statusStart}"/></validTime></statusCode>`,
    '<healthCarePrincipalPerson classCode="PSN" determinerCode="INSTANCE">',
    `<name use="L"><family>${xmlText(provider.family)}</family>${provider.given.map((g) => `<given>${xmlText(g)}</given>`).join('')}</name>`,
    `<administrativeGenderCode code="${provider.gender}"/>`,
    provider.birthDate ? `<birthTime value="${provider.birthDate}"/>` : '',
    '</healthCarePrincipalPerson>',
    '</healthCareProvider>',
  ].filter(Boolean).join('\n');
}

/** The PLR transmission wrapper head (plr/v3-samples): PLR message-id and interactionId OIDs. */
export function plrWrapper(interactionId: string, receiverUrl: string, extra = ''): string {
  return [
    `<id root="${PLR_OID.messageId}" extension="${crypto.randomUUID()}"/>`,
    `<creationTime value="${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}"/>`,
    '<versionCode code="DEV"/>',
    `<interactionId root="${PLR_OID.interactionId}" extension="${interactionId}"/>`,
    `<profileId root="${PLR_OID.profileId}" extension="CHGONLY FUTURE OK"/>`,
    '<processingCode code="T"/>',
    '<processingModeCode code="T"/>',
    '<acceptAckCode code="NE"/>',
    `<receiver typeCode="RCV"><telecom value="${xmlText(receiverUrl)}"/><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.1.14" extension="DEV"/><asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.4.1" extension="hlth.gov.bc.ca"/></representedOrganization></asAgent></device></receiver>`,
    '<sender typeCode="SND"><telecom value="hlth.gov.bc.ca"/><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.5.2" extension="PLR"/><asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.4.2" extension="hlth.gov.bc.ca"/></representedOrganization></asAgent></device></sender>',
    extra,
  ].filter(Boolean).join('\n');
}
