import { randomUUID } from 'node:crypto';
import { HCIM_OID, PLR_OID } from '../../hl7v3/oids.js';

/**
 * HL7v3 request bodies the simulator tests, the self-validation test and the load bench send.
 * Valid against the HCIM XSDs unless a test breaks them on purpose.
 */
export interface V3Message {
  soapAction: string;
  path: string;
  body: string;
  messageId: string;
}

function envelope(message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\n${message}\n</soap:Body></soap:Envelope>`;
}

function hcim(root: string, interactionId: string, acceptAck: string, controlAct: string, messageId: string): string {
  return [
    `<${root} xmlns="urn:hl7-org:v3">`,
    `<id root="${HCIM_OID.messageId}" extension="${messageId}"/>`,
    '<creationTime value="20261123101500"/>',
    '<versionCode code="V3PR1"/>',
    `<interactionId root="${HCIM_OID.interactionId}" extension="${interactionId}"/>`,
    '<processingCode code="P"/>',
    '<processingModeCode code="T"/>',
    `<acceptAckCode code="${acceptAck}"/>`,
    `<receiver typeCode="RCV"><device determinerCode="INSTANCE" classCode="DEV"><id root="${HCIM_OID.receivingDevice}" extension="HCIM"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="${HCIM_OID.organization}" extension="HCIM"/></representedOrganization></asAgent></device></receiver>`,
    `<sender typeCode="SND"><device determinerCode="INSTANCE" classCode="DEV"><id root="${HCIM_OID.sendingSystem}" extension="HIE_CONFORM"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="${HCIM_OID.organization}" extension="HIECONF"/></representedOrganization></asAgent></device></sender>`,
    controlAct,
    `</${root}>`,
  ].join('\n');
}

const ENTERER = `<dataEnterer typeCode="CST"><assignedPerson classCode="ENT"><id root="${HCIM_OID.dataEnterer}" extension="hie-conform@example.org"/></assignedPerson></dataEnterer>`;

function query(root: string, payload: string, interactionId = root): string {
  return `<controlActProcess classCode="ACCM" moodCode="EVN">${ENTERER}<queryByParameter><queryByParameterPayload>${payload}</queryByParameterPayload></queryByParameter></controlActProcess>`;
}

/** GetDemographics by PHN (or by source id with `root`); `history` asks for the `.History` flavour. */
export function getDemographicsRequest(id: string, options: { root?: string; history?: boolean; messageId?: string } = {}): V3Message {
  const messageId = options.messageId ?? randomUUID();
  const root = options.root ?? HCIM_OID.phn;
  const payload = `<person.id><value root="${root}" extension="${id}" assigningAuthorityName="MOH_CRS"/></person.id>`;
  return { soapAction: 'urn:hl7-org:v3/QUPA_IN101101', path: '/hcim/QUPA_AR101102.asmx', messageId, body: envelope(hcim('HCIM_IN_GetDemographics', options.history ? 'HCIM_IN_GetDemographics.History' : 'HCIM_IN_GetDemographics', 'NE', query('HCIM_IN_GetDemographics', payload), messageId)) };
}

export function getRelatedIdentifiersRequest(phn: string): V3Message {
  const messageId = randomUUID();
  const payload = `<person.id><value root="${HCIM_OID.phn}" extension="${phn}" assigningAuthorityName="MOH_CRS"/></person.id>`;
  return { soapAction: 'urn:hl7-org:v3/QUPA_IN101105', path: '/hcim/QUPA_AR101102.asmx', messageId, body: envelope(hcim('HCIM_IN_GetRelatedIdentifiers', 'HCIM_IN_GetRelatedIdentifiers', 'NE', query('HCIM_IN_GetRelatedIdentifiers', payload), messageId)) };
}

export function findCandidatesRequest(family: string, postalCode?: string): V3Message {
  const messageId = randomUUID();
  const address = postalCode === undefined ? '' : `<person.addr><value use="PHYS"><postalCode>${postalCode}</postalCode></value></person.addr>`;
  const payload = `${address}<person.name><value use="L"><family>${family}</family></value></person.name>`;
  return { soapAction: 'urn:hl7-org:v3/QUPA_IN101103', path: '/hcim/QUPA_AR101102.asmx', messageId, body: envelope(hcim('HCIM_IN_FindCandidates', 'HCIM_IN_FindCandidates', 'NE', query('HCIM_IN_FindCandidates', payload), messageId)) };
}

export interface RevisedPerson {
  sourceId: string;
  phn?: string;
  family: string;
  given: string;
  gender: 'M' | 'F';
  birthDate: string;
  deceasedDate?: string;
}

/** PersonRevised; `async` sends acceptAckCode AL (accept ack now, result to the callback). */
export function personRevisedRequest(person: RevisedPerson, options: { async?: boolean; messageId?: string } = {}): V3Message {
  const messageId = options.messageId ?? randomUUID();
  const controlAct = [
    '<controlActProcess classCode="CACT" moodCode="EVN">',
    ENTERER,
    '<subject typeCode="SUBJ" contextConductionInd="false"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/>',
    '<subject1 typeCode="SBJ"><identifiedPerson classCode="IDENT">',
    `<id root="${HCIM_OID.sourcePersonId}" extension="${person.sourceId}" assigningAuthorityName="HIE_CONFORM"/>`,
    '<addr use="PHYS"><streetAddressLine>400 DOUGLAS STREET</streetAddressLine><city>VICTORIA</city><state>BC</state><postalCode>V8W 2B1</postalCode><country>CA</country></addr>',
    '<effectiveDate value="20261123"/>',
    '<identifiedPerson classCode="PSN" determinerCode="INSTANCE">',
    person.phn ? `<id root="${HCIM_OID.phn}" extension="${person.phn}" assigningAuthorityName="MOH_CRS"/>` : '',
    `<name use="L"><given>${person.given}</given><family>${person.family}</family></name>`,
    `<administrativeGenderCode code="${person.gender}"/>`,
    `<birthTime value="${person.birthDate}"/>`,
    person.deceasedDate ? `<deceasedTime value="${person.deceasedDate}"/>` : '',
    '</identifiedPerson></identifiedPerson></subject1></registrationEvent></subject></controlActProcess>',
  ].filter(Boolean).join('\n');
  return { soapAction: 'urn:hl7-org:v3/PRPA_IN101204', path: '/hcim/PRPA_AR101202.asmx', messageId, body: envelope(hcim('HCIM_IN_PersonRevised', 'HCIM_IN_PersonRevised', options.async ? 'AL' : 'NE', controlAct, messageId)) };
}

/** PersonMerged: `nonSurvivor` merged into `survivor`. */
export function personMergedRequest(nonSurvivor: string, survivor: string, options: { async?: boolean } = {}): V3Message {
  const messageId = randomUUID();
  const controlAct = [
    '<controlActProcess classCode="CACT" moodCode="EVN">',
    ENTERER,
    '<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN">',
    `<id root="${HCIM_OID.messageId}" extension="${messageId}"/><statusCode code="active"/>`,
    `<subject1 typeCode="SBJ"><identifiedPerson classCode="IDENT"><id root="${HCIM_OID.phn}" extension="${survivor}" assigningAuthorityName="MOH_CRS"/><effectiveDate value="20261123"/></identifiedPerson></subject1>`,
    `<replacementOf typeCode="RPLC"><priorRegistration classCode="REG" moodCode="EVN"><id root="${HCIM_OID.phn}" extension="${nonSurvivor}"/></priorRegistration></replacementOf>`,
    '</registrationEvent></subject></controlActProcess>',
  ].join('\n');
  return { soapAction: 'urn:hl7-org:v3/PRPA_IN101004', path: '/hcim/PRPA_AR101002.asmx', messageId, body: envelope(hcim('HCIM_IN_PersonMerged', 'HCIM_IN_PersonMerged', options.async ? 'AL' : 'NE', controlAct, messageId)) };
}

export function personNullifiedRequest(phn: string): V3Message {
  const messageId = randomUUID();
  const controlAct = [
    '<controlActProcess classCode="CACT" moodCode="EVN">',
    ENTERER,
    '<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN">',
    `<id root="${HCIM_OID.messageId}" extension="${messageId}"/><statusCode code="active"/>`,
    `<subject1 typeCode="SBJ"><identifiedPerson classCode="IDENT"><id root="${HCIM_OID.phn}" extension="${phn}"/><statusCode code="nullified"/></identifiedPerson></subject1>`,
    '</registrationEvent></subject></controlActProcess>',
  ].join('\n');
  return { soapAction: 'urn:hl7-org:v3/PRPA_IN101003', path: '/hcim/PRPA_AR101002.asmx', messageId, body: envelope(hcim('HCIM_IN_PersonNullified', 'HCIM_IN_PersonNullified', 'AL', controlAct, messageId)) };
}

/** PRPM_IN306010CA provider details query by an identifier value (IPC, CPN, college id). */
export function providerQueryRequest(identifier: string): V3Message {
  const messageId = randomUUID();
  const body = [
    '<PRPM_IN306010CA xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">',
    `<id root="${PLR_OID.messageId}" extension="${messageId}"/>`,
    '<creationTime value="20261123101500"/>',
    '<versionCode code="V3-2007-05"/>',
    `<interactionId root="${PLR_OID.interactionId}" extension="PRPM_IN306010CA"/>`,
    '<processingCode code="T"/><processingModeCode code="T"/><acceptAckCode code="AL"/>',
    '<receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.5.2" extension="PLR"/></device></receiver>',
    '<sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.5.1" extension="HIE_CONFORM"/></device></sender>',
    '<controlActEvent classCode="CACT" moodCode="EVN"><code code="PRPM_TE306010CA" codeSystem="2.16.840.1.113883.5.4"/>',
    `<queryByParameter><queryId root="${randomUUID()}"/><parameterList><healthCareProviderId><value root="${PLR_OID.ipc}" extension="${identifier}"/></healthCareProviderId></parameterList></queryByParameter>`,
    '</controlActEvent>',
    '</PRPM_IN306010CA>',
  ].join('\n');
  return { soapAction: 'urn:hl7-org:v3/PRPM_IN306010CA', path: '/plr/PRPM_AR306010CA.asmx', messageId, body: envelope(body) };
}
