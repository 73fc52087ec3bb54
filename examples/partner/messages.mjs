// Message builders of the reference partner. Deliberately independent of the harness and the
// simulator: this is what a vendor's own system would produce (domain.md §a, §b, §c).
import { randomUUID } from 'node:crypto';

export const HCIM = {
  messageId: '2.16.840.1.113883.3.51.1.1.1',
  interactionId: '2.16.840.1.113883.3.51.1.1.2',
  organization: '2.16.840.1.113883.3.51.1.1.3',
  receivingDevice: '2.16.840.1.113883.3.51.1.1.4',
  sendingSystem: '2.16.840.1.113883.3.51.1.1.5',
  sourceId: '2.16.840.1.113883.3.51.1.1.6',
  phn: '2.16.840.1.113883.3.51.1.1.6.1',
  dataEnterer: '2.16.840.1.113883.3.51.1.1.7',
};
export const PHN_SYSTEM = 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id';
const PROFILE = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';

/** HL7 TS yyyyMMddHHmmss (UTC). */
export function hl7Now() {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14);
}

export function newMessageId() {
  return randomUUID().toUpperCase();
}

/** SOAP 1.1 envelope with an empty Header, as HCIM clients send it. */
export function soap(message) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body>\n${message}\n</soapenv:Body></soapenv:Envelope>\n`;
}

/** HCIM transmission wrapper of a request from this partner (sender MOH OIDs .5/.3, receiver HCIM .4/.3). */
function wrapper(root, messageId, acceptAckCode = 'NE') {
  return `<id root="${HCIM.messageId}" extension="${messageId}"/>
<creationTime value="${hl7Now()}"/>
<versionCode code="V3PR1"/>
<interactionId root="${HCIM.interactionId}" extension="${root}"/>
<processingCode code="P"/>
<processingModeCode code="T"/>
<acceptAckCode code="${acceptAckCode}"/>
<receiver typeCode="RCV"><device determinerCode="INSTANCE" classCode="DEV"><id root="${HCIM.receivingDevice}" extension="HCIM"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="${HCIM.organization}" extension="HCIM"/></representedOrganization></asAgent></device></receiver>
<sender typeCode="SND"><device determinerCode="INSTANCE" classCode="DEV"><id root="${HCIM.sendingSystem}" extension="PARTNER_EMR"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="${HCIM.organization}" extension="PARTNER"/></representedOrganization></asAgent></device></sender>`;
}

const enterer = `<dataEnterer typeCode="CST"><assignedPerson classCode="ENT"><id root="${HCIM.dataEnterer}" extension="clerk@partner.example"/></assignedPerson></dataEnterer>`;

export function getDemographics({ messageId, phn }) {
  return `<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">
${wrapper('HCIM_IN_GetDemographics', messageId)}
<controlActProcess classCode="ACCM" moodCode="EVN">${enterer}<queryByParameter><queryByParameterPayload><person.id><value root="${HCIM.phn}" extension="${phn}" assigningAuthorityName="MOH_CRS"/></person.id></queryByParameterPayload></queryByParameter></controlActProcess>
</HCIM_IN_GetDemographics>`;
}

export function findCandidates({ messageId, family, birthDate }) {
  const birth = birthDate ? `<person.birthTime><value value="${birthDate}"/></person.birthTime>` : '';
  return `<HCIM_IN_FindCandidates xmlns="urn:hl7-org:v3">
${wrapper('HCIM_IN_FindCandidates', messageId)}
<controlActProcess classCode="ACCM" moodCode="EVN">${enterer}<queryByParameter><queryByParameterPayload>${birth}<person.name><value use="L"><family>${family}</family></value></person.name></queryByParameterPayload></queryByParameter></controlActProcess>
</HCIM_IN_FindCandidates>`;
}

/** HCIM_IN_PersonRevised (sync): revise a person known by PHN, carrying the partner's own source id. */
export function personRevised({ messageId, phn, family, given, gender, birthDate, sourceId }) {
  return `<HCIM_IN_PersonRevised xmlns="urn:hl7-org:v3">
${wrapper('HCIM_IN_PersonRevised', messageId)}
<controlActProcess classCode="CACT" moodCode="EVN">${enterer}
<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/><subject1 typeCode="SBJ">
<identifiedPerson classCode="IDENT">
<id root="${HCIM.sourceId}" extension="${sourceId}" assigningAuthorityName="PARTNER"/>
<addr use="PHYS"><streetAddressLine>1 Main St</streetAddressLine><city>VICTORIA</city><state>BC</state><postalCode>V8V3K8</postalCode><country>CA</country></addr>
<telecom use="H" value="tel:2505551234"/>
<effectiveDate><low value="${hl7Now().slice(0, 8)}"/></effectiveDate>
<identifiedPerson classCode="PSN" determinerCode="INSTANCE">
<id root="${HCIM.phn}" extension="${phn}" assigningAuthorityName="MOH_CRS"/>
<name use="L"><family>${family}</family><given>${given}</given></name>
<administrativeGenderCode code="${gender}"/>
<birthTime value="${birthDate}"/>
</identifiedPerson>
</identifiedPerson>
</subject1></registrationEvent></subject>
</controlActProcess>
</HCIM_IN_PersonRevised>`;
}

/** A bc-metadata-parameters-in Parameters entry. */
function metadata(messageId) {
  return {
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: {
      resourceType: 'Parameters',
      meta: { profile: [`${PROFILE}bc-metadata-parameters-in`] },
      parameter: [
        { name: 'messageId', valueString: messageId },
        { name: 'sender', valueIdentifier: { system: 'http://hlth.gov.bc.ca/fhir/client/bc-org', value: 'PARTNER' } },
        { name: 'enterer', valueIdentifier: { system: 'http://hlth.gov.bc.ca/fhir/client/bc-userid', value: 'clerk@partner.example' } },
      ],
    },
  };
}

export function fhirFindCandidates({ messageId, family, birthDate }) {
  const patient = { resourceType: 'Patient', name: [{ use: 'official', family, ...(birthDate ? {} : {}) }], ...(birthDate ? { birthDate } : {}) };
  return {
    resourceType: 'Bundle',
    meta: { profile: [`${PROFILE}bc-find-candidates-request-bundle`] },
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [metadata(messageId), { fullUrl: `urn:uuid:${randomUUID()}`, resource: patient }],
  };
}

export function fhirGetDemographics({ messageId, phn }) {
  return {
    resourceType: 'Bundle',
    meta: { profile: [`${PROFILE}bc-get-demographics-request-bundle`] },
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [metadata(messageId), { fullUrl: `urn:uuid:${randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: PHN_SYSTEM, value: phn }] } }],
  };
}

/**
 * MCCI_IN000002 acknowledgement of a received message (receiver side), in the element order of
 * the PRPA_AR101202 async schema: acknowledgement (detail, targetMessage) before receiver/sender.
 */
export function mcciAck({ typeCode, targetMessage, code, text }) {
  const detail = code ? `<acknowledgementDetail><code code="${code}" codeSystem="PARTNER"/>${text ? `<text>${escapeXml(text)}</text>` : ''}</acknowledgementDetail>` : '';
  return `<MCCI_IN000002 xmlns="urn:hl7-org:v3">
<typeId root="${HCIM.interactionId}"/>
<id root="${HCIM.messageId}" extension="${newMessageId()}"/>
<creationTime value="${hl7Now()}"/>
<interactionId root="${HCIM.interactionId}" extension="MCCI_IN000002"/>
<processingCode code="P"/>
<processingModeCode code="T"/>
<acceptAckCode code="NE"/>
<acknowledgement typeCode="${typeCode}">${detail}<targetMessage><id root="${escapeXml(targetMessage.root || HCIM.messageId)}" extension="${escapeXml(targetMessage.extension)}"/></targetMessage></acknowledgement>
<receiver><device><id root="${HCIM.receivingDevice}" extension="HCIM"/><agencyFor><representedOrganization><id root="${HCIM.organization}" extension="HCIM"/></representedOrganization></agencyFor></device></receiver>
<sender><device><id root="${HCIM.sendingSystem}" extension="PARTNER_EMR"/><agencyFor><representedOrganization><id root="${HCIM.organization}" extension="PARTNER"/></representedOrganization></agencyFor></device></sender>
</MCCI_IN000002>`;
}

export function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}
