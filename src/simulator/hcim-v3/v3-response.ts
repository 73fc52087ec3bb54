import { randomUUID } from 'node:crypto';
import { XMLSerializer, type Element } from '@xmldom/xmldom';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { hl7Timestamp } from '../../suite/template.js';
import { responseText, severityDigit } from '../response-codes.js';
import { xmlText } from '../xml-text.js';
import type { V3Request } from './v3-request.js';

/** The device HCIM answers from (the spec sample's receiver device). */
export const HCIM_DEVICE = '192.168.0.1';

/** An acknowledgement carried by a reply: HL7 ack type plus one BCHCIM detail. */
export interface AckDetail {
  typeCode: 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';
  code: string;
  /** Detail text; defaults to the code table's text. */
  text?: string;
}

/** Facts of the request a reply answers; a malformed request yields an empty one. */
export type ReplyContext = Pick<V3Request, 'messageId' | 'senderDevice' | 'senderOrganization' | 'processingCode' | 'payloadXml'> & { payload?: Element };

export const UNKNOWN_REQUEST: ReplyContext = { messageId: { root: '', extension: '' }, senderDevice: '', senderOrganization: '', processingCode: 'P' };

/** hl7Timestamp() of now, formatted once per second (every reply carries one). */
let stamp = { second: -1, text: '' };
function creationTime(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== stamp.second) stamp = { second, text: hl7Timestamp(new Date(second * 1000)) };
  return stamp.text;
}

function head(rootName: string, interactionId: string, request: ReplyContext): string[] {
  return [
    `<id root="${HCIM_OID.messageId}" extension="${randomUUID()}"/>`,
    `<creationTime value="${creationTime()}"/>`,
    '<versionCode code="V3PR1"/>',
    `<interactionId root="${HCIM_OID.interactionId}" extension="${xmlText(interactionId || rootName)}"/>`,
    `<processingCode code="${xmlText(request.processingCode || 'P')}"/>`,
    '<processingModeCode code="T"/>',
    '<acceptAckCode code="NE"/>',
  ];
}

/*
 * transmissionWrapper() is on every query reply, so it is built by concatenating precomputed
 * constant fragments (the head() lines, then receiver and sender, joined with "\n") instead of
 * building arrays and joining them per reply.
 */
const WRAPPER_ID = `<id root="${HCIM_OID.messageId}" extension="`;
const WRAPPER_TIME = `"/>\n<creationTime value="`;
const WRAPPER_INTERACTION = `"/>\n<versionCode code="V3PR1"/>\n<interactionId root="${HCIM_OID.interactionId}" extension="`;
const WRAPPER_PROCESSING = `"/>\n<processingCode code="`;
const WRAPPER_RECEIVER = `"/>\n<processingModeCode code="T"/>\n<acceptAckCode code="NE"/>\n<receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE">\n<id root="${HCIM_OID.sendingSystem}" extension="`;
const WRAPPER_ORGANIZATION = `"/>\n<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="`;
const WRAPPER_SENDER = [
  '"/></representedOrganization></asAgent>',
  '</device></receiver>',
  '<sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE">',
  `<id root="${HCIM_OID.receivingDevice}" extension="${HCIM_DEVICE}"/>`,
  `<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="HCIM"/></representedOrganization></asAgent>`,
  '</device></sender>',
].join('\n');

/** `acknowledgement` (MCCI_MT000300): typeCode, targetMessage = request id, then the detail. */
export function acknowledgement(ack: AckDetail, request: ReplyContext): string {
  const detailType = { '0': 'I', '1': 'W', '2': 'E' }[severityDigit(ack.code)];
  const target = request.messageId.extension || request.messageId.root
    ? `<targetMessage><id root="${xmlText(request.messageId.root || HCIM_OID.messageId)}" extension="${xmlText(request.messageId.extension)}"/></targetMessage>`
    : `<targetMessage><id nullFlavor="UNK"/></targetMessage>`;
  return [
    `<acknowledgement><typeCode code="${ack.typeCode}"/>`,
    target,
    `<acknowledgementDetail typeCode="${detailType}"><code code="${xmlText(ack.code)}" codeSystem="HCIM"/><text>${xmlText(ack.text ?? responseText(ack.code))}</text></acknowledgementDetail>`,
    '</acknowledgement>',
  ].join('');
}

/**
 * The transmission wrapper of an HCIM query reply: new message id, creationTime, V3PR1,
 * interactionId = root name, the caller as receiver and HCIM as sender, then an optional
 * acknowledgement — element order as the HCIM XSD (MCCI_MT000300) requires.
 */
export function transmissionWrapper(rootName: string, request: ReplyContext, ack?: AckDetail): string {
  const wrapper =
    WRAPPER_ID + randomUUID() +
    WRAPPER_TIME + creationTime() +
    WRAPPER_INTERACTION + xmlText(rootName) +
    WRAPPER_PROCESSING + xmlText(request.processingCode || 'P') +
    WRAPPER_RECEIVER + xmlText(request.senderDevice || 'UNKNOWN') +
    WRAPPER_ORGANIZATION + xmlText(request.senderOrganization || 'UNKNOWN') +
    WRAPPER_SENDER;
  return ack ? `${wrapper}\n${acknowledgement(ack, request)}` : wrapper;
}

/** Echo the request's queryByParameterPayload, as HCIM does after queryAck (nothing when absent). */
export function echoPayload(payload: Element | undefined): string {
  if (!payload) return '';
  return new XMLSerializer().serializeToString(payload).replace(/ xmlns="urn:hl7-org:v3"/, '');
}

/** Roots whose wrapper (MCCI_MT000300 in full) allows an acknowledgement; GD and FC replies do not. */
const ACK_ROOTS = new Set(['HCIM_IN_GetRelatedIdentifiersResponse']);

/** An empty GetDemographics-style payload for replies to requests that could not be read. */
const NO_PAYLOAD: Record<string, string> = {
  HCIM_IN_GetDemographicsResponse: '<queryByParameterPayload><person.id><value nullFlavor="NI"/></person.id></queryByParameterPayload>',
  HCIM_IN_GetRelatedIdentifiersResponse: '<queryByParameterPayload><person.id><value nullFlavor="NI"/></person.id></queryByParameterPayload>',
  HCIM_IN_FindCandidatesResponse: '<queryByParameterPayload/>',
};

/**
 * A complete query reply document. queryByParameterPayload is mandatory in HCIM replies, so the
 * request's payload is echoed even on errors. `error` text (the validator's message of a
 * `…2.0006` reply) goes into acknowledgementDetail where the schema allows one
 * (GetRelatedIdentifiers); GD/FC replies have no text slot — real HCIM abuses queryResponseCode
 * ("CODE | text", XSD-invalid), the simulator keeps the code clean and adds the text as an XML
 * comment inside queryAck.
 */
export function queryResponse(rootName: string, request: ReplyContext, subjects: string, code: string, total: number, error?: { text: string }): string {
  const ack = error && ACK_ROOTS.has(rootName) ? { typeCode: 'AE' as const, code, text: error.text } : undefined;
  const note = error && !ack ? `<!-- ${error.text.replace(/--/g, '- -')} -->` : '';
  const payload = (request.payloadXml ?? echoPayload(request.payload)) || NO_PAYLOAD[rootName] || '';
  // Lines joined with "\n"; subjects and payload are left out when empty (no blank lines).
  return (
    `<${rootName} xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    transmissionWrapper(rootName, request, ack) +
    '\n<controlActProcess classCode="ACCM" moodCode="EVN">\n' +
    (subjects ? `${subjects}\n` : '') +
    `<queryAck>${note}<queryResponseCode code="${code}"/><resultTotalQuantity value="${total}"/></queryAck>\n` +
    (payload ? `${payload}\n` : '') +
    `</controlActProcess>\n</${rootName}>`
  );
}

/**
 * MCCI_IN000002: accept ack of async requests, and the negative answer (`HCIM_IN_PersonRevisedNak`)
 * HCIM sends when a PersonRevised/PersonMerged cannot be processed. Shape of the death-date-esb
 * sample MCCI_IN000002.validHcimOut.xml (MCCI_MT000200): acknowledgement/@typeCode, detail before
 * targetMessage, acknowledgement before receiver, devices with agencyFor.
 */
export function mcciAck(interactionId: string, request: ReplyContext, ack: AckDetail): string {
  const detailType = { '0': 'I', '1': 'W', '2': 'E' }[severityDigit(ack.code)];
  const target = request.messageId.extension || request.messageId.root
    ? `<id root="${xmlText(request.messageId.root || HCIM_OID.messageId)}" extension="${xmlText(request.messageId.extension)}"/>`
    : '<id nullFlavor="UNK"/>';
  const agency = (org: string) => `<agencyFor classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="${xmlText(org)}"/></representedOrganization></agencyFor>`;
  return [
    '<MCCI_IN000002 xmlns="urn:hl7-org:v3">',
    ...head('MCCI_IN000002', interactionId, request),
    `<acknowledgement typeCode="${ack.typeCode}">`,
    `<acknowledgementDetail typeCode="${detailType}"><code code="${xmlText(ack.code)}" codeSystem="HCIM" codeSystemName="BC Client Identity Management System"/><text>${xmlText(ack.text ?? responseText(ack.code))}</text></acknowledgementDetail>`,
    `<targetMessage>${target}</targetMessage>`,
    '</acknowledgement>',
    `<receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id root="${HCIM_OID.sendingSystem}" extension="${xmlText(request.senderDevice || 'UNKNOWN')}"/>${agency(request.senderOrganization || 'UNKNOWN')}</device></receiver>`,
    `<sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id root="${HCIM_OID.receivingDevice}" extension="${HCIM_DEVICE}"/><softwareName code="BCHCIM">BC Client Identity Management System</softwareName>${agency('HCIM')}</device></sender>`,
    '</MCCI_IN000002>',
  ].join('\n');
}

/** The detectedIssueEvent HCIM uses to report the outcome code inside a registration reply. */
export function detectedIssue(code: string, text?: string): string {
  return `<reasonOf typeCode="RSON"><detectedIssueEvent classCode="ALRT" moodCode="EVN"><code code="${xmlText(code)}" codeSystem="HCIM"/><text>${xmlText(text ?? responseText(code))}</text></detectedIssueEvent></reasonOf>`;
}
