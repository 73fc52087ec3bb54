import { HCIM_OID } from '../../hl7v3/oids.js';
import type { Person } from '../person.js';
import { xmlText } from '../xml-text.js';
import { personTarget } from './person-xml.js';
import { detectedIssue, transmissionWrapper, type ReplyContext } from './v3-response.js';

/**
 * A registration reply — HCIM_IN_PersonRevisedResult (sync) or HCIM_IN_PersonRevisedAccepted /
 * Rejected (async, port PRPA_AR101201): registrationEvent with the person, HCIM as custodian, the
 * request it fulfils (inFulfillmentOf/registrationRequest/id = request message id), the
 * non-survivor of a merge (replacementOf), and the outcome code as a detectedIssueEvent.
 */
export function registrationReply(rootName: string, request: ReplyContext, person: Person | undefined, code: string, options: { text?: string; replaced?: string } = {}): string {
  const requestId = request.messageId.extension
    ? `<inFulfillmentOf typeCode="FLFS"><registrationRequest classCode="REG" moodCode="RQO"><id root="${xmlText(request.messageId.root || HCIM_OID.messageId)}" extension="${xmlText(request.messageId.extension)}"/></registrationRequest></inFulfillmentOf>`
    : '';
  const subject = person
    ? [
        '<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN">',
        `<id root="${HCIM_OID.phn}" extension="${person.phn}"/>`,
        '<statusCode code="active"/>',
        `<subject1 typeCode="SBJ">${personTarget(person, { element: 'identifiedPerson' })}</subject1>`,
        `<custodian typeCode="CST"><assignedEntity classCode="ASSIGNED"><id root="${HCIM_OID.organization}" extension="HCIM"/></assignedEntity></custodian>`,
        requestId,
        ...(options.replaced ? [`<replacementOf typeCode="RPLC"><priorRegistration classCode="REG" moodCode="EVN"><id root="${HCIM_OID.phn}" extension="${options.replaced}"/><statusCode code="obsolete"/></priorRegistration></replacementOf>`] : []),
        '</registrationEvent></subject>',
      ].join('\n')
    : '';
  return [
    `<${rootName} xmlns="urn:hl7-org:v3">`,
    transmissionWrapper(rootName, request),
    '<controlActProcess classCode="CACT" moodCode="EVN">',
    subject,
    detectedIssue(code, options.text),
    '</controlActProcess>',
    `</${rootName}>`,
  ].filter(Boolean).join('\n');
}
