import { HCIM_OID } from '../../hl7v3/oids.js';
import { mergePersons } from '../registry-commands.js';
import type { SimulatorState } from '../simulator-state.js';
import { acceptThenDeliver, isAsync, syncReply } from './person-revised.js';
import type { V3Answer } from './v3-answer.js';
import { childByPath, childElements, elementsByPath, type V3Request } from './v3-request.js';
import { mcciAck } from './v3-response.js';

/**
 * HCIM_IN_PersonMerged (port PRPA_AR101002): the survivor is registrationEvent/subject1's PHN, the
 * non-survivor replacementOf/priorRegistration/id. Sync: HCIM_IN_PersonRevisedResult with
 * PM.0.0008 (or a Nak); async: MCCI_IN000002 AA PM.0.0007 now, the result to the callback later.
 */
export function personMerged(request: V3Request, state: SimulatorState): V3Answer {
  const event = childByPath(request.root, ['controlActProcess', 'subject', 'registrationEvent']);
  const phnIn = (elements: ReturnType<typeof childElements>) => elements.find((e) => e.localName === 'id' && e.getAttribute('root') === HCIM_OID.phn)?.getAttribute('extension')?.trim() ?? '';
  const role = event ? childByPath(event, ['subject1', 'identifiedPerson']) : undefined;
  const survivor = phnIn([...(role ? childElements(role) : []), ...(role ? elementsByPath(role, ['identifiedPerson', 'id']) : [])]);
  const nonSurvivor = phnIn(event ? elementsByPath(event, ['replacementOf', 'priorRegistration', 'id']) : []);
  const outcome = mergePersons(state.persons, state.seenMessageIds, request.messageId.extension, nonSurvivor, survivor);
  const replaced = outcome.code.includes('.0.') ? nonSurvivor : undefined;
  if (isAsync(request)) return acceptThenDeliver(request, state, outcome, 'HCIM_IN_PersonMerged', 'BCHCIM.PM.0.0007', replaced);
  return { message: syncReply(request, outcome, replaced) };
}

/**
 * HCIM_IN_PersonNullified (async port PRPA_AR101002 only): logically deletes the person and answers
 * the MCCI_IN000002 accept ack (PM.0.0007), or AE PM.2.0002 for an unknown PHN.
 */
export function personNullified(request: V3Request, state: SimulatorState): V3Answer {
  const id = childByPath(request.root, ['controlActProcess', 'subject', 'registrationEvent', 'subject1', 'identifiedPerson', 'id']);
  const phn = id?.getAttribute('extension')?.trim() ?? '';
  const known = id?.getAttribute('root') === HCIM_OID.phn ? state.persons.nullify(phn) : Boolean(state.persons.bySourceId(id?.getAttribute('root') ?? '', phn) && state.persons.nullify(state.persons.bySourceId(id?.getAttribute('root') ?? '', phn)!.phn));
  return { message: mcciAck('MCCI_IN000002', request, known ? { typeCode: 'AA', code: 'BCHCIM.PM.0.0007' } : { typeCode: 'AE', code: 'BCHCIM.PM.2.0002' }) };
}
