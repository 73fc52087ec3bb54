import { interactionForRoot } from '../../hl7v3/interactions.js';
import type { CommandOutcome } from '../registry-commands.js';
import type { Delivery } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { registrationReply } from './registration-reply.js';
import { soapEnvelope } from './soap-reply.js';
import type { V3Request } from './v3-request.js';

/**
 * The later result of an async PersonRevised/PersonMerged: HCIM_IN_PersonRevisedAccepted or
 * …Rejected, SOAP-wrapped, POSTed to the callback URL with the PRPA_AR101201 SOAPAction. A merge
 * names its non-survivor (`replaced`) in replacementOf, as the sync result does.
 */
export function asyncResult(request: V3Request, state: SimulatorState, outcome: CommandOutcome, interaction: string, replaced?: string): Delivery {
  const root = outcome.code.includes('.2.') ? 'HCIM_IN_PersonRevisedRejected' : 'HCIM_IN_PersonRevisedAccepted';
  let message = registrationReply(root, request, outcome.person, outcome.code, { ...(outcome.text ? { text: outcome.text } : {}), ...(replaced ? { replaced } : {}) });
  if (state.defects.has('ack-wrong-target-message')) message = message.replace(/(<registrationRequest[^>]*><id root="[^"]+" extension=")[^"]*/, `$1${crypto.randomUUID()}`);
  return {
    label: `${root} (${interaction} ${request.messageId.extension})`,
    url: state.callbackUrl!,
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${interactionForRoot(root)?.soapAction ?? ''}"` },
    body: soapEnvelope(message),
    delayMs: state.asyncDelayMs,
  };
}
