import { randomUUID } from 'node:crypto';
import { XMLSerializer, type Element } from '@xmldom/xmldom';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { hl7Timestamp } from '../../suite/template.js';
import { xmlText } from '../xml-text.js';
import type { V3Request } from './v3-request.js';

/** The device HCIM answers from (the spec sample's receiver device). */
export const HCIM_DEVICE = '192.168.0.1';

/**
 * The transmission wrapper of an HCIM reply: new message id, creationTime, V3PR1, interactionId =
 * root name, the caller as receiver and HCIM as sender — element order as the HCIM XSD requires.
 */
export function transmissionWrapper(rootName: string, request: V3Request): string {
  return [
    `<id root="${HCIM_OID.messageId}" extension="${randomUUID()}"/>`,
    `<creationTime value="${hl7Timestamp()}"/>`,
    '<versionCode code="V3PR1"/>',
    `<interactionId root="${HCIM_OID.interactionId}" extension="${rootName}"/>`,
    `<processingCode code="${xmlText(request.processingCode)}"/>`,
    '<processingModeCode code="T"/>',
    '<acceptAckCode code="NE"/>',
    '<receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE">',
    `<id root="${HCIM_OID.sendingSystem}" extension="${xmlText(request.senderDevice || 'UNKNOWN')}"/>`,
    `<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="${xmlText(request.senderOrganization || 'UNKNOWN')}"/></representedOrganization></asAgent>`,
    '</device></receiver>',
    '<sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE">',
    `<id root="${HCIM_OID.receivingDevice}" extension="${HCIM_DEVICE}"/>`,
    `<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="HCIM"/></representedOrganization></asAgent>`,
    '</device></sender>',
  ].join('\n');
}

/** Echo the request's queryByParameterPayload, as HCIM does after queryAck. */
export function echoPayload(payload: Element | undefined): string {
  if (!payload) return '<queryByParameterPayload/>';
  return new XMLSerializer().serializeToString(payload).replace(/ xmlns="urn:hl7-org:v3"/, '');
}

/** A complete query reply document. */
export function queryResponse(rootName: string, request: V3Request, subjects: string, code: string, total: number): string {
  return [
    `<${rootName} xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    transmissionWrapper(rootName, request),
    '<controlActProcess classCode="ACCM" moodCode="EVN">',
    subjects,
    `<queryAck><queryResponseCode code="${code}"/><resultTotalQuantity value="${total}"/></queryAck>`,
    echoPayload(request.payload),
    '</controlActProcess>',
    `</${rootName}>`,
  ].join('\n');
}
