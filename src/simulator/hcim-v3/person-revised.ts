import type { Element } from '@xmldom/xmldom';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { defectOn } from '../defects.js';
import type { Person } from '../person.js';
import { revisePerson, type CommandOutcome } from '../registry-commands.js';
import type { SimulatorState } from '../simulator-state.js';
import { asyncResult } from './async-result.js';
import { registrationReply } from './registration-reply.js';
import type { V3Answer } from './v3-answer.js';
import { childByPath, childElements, elementsByPath, type V3Request } from './v3-request.js';
import { mcciAck } from './v3-response.js';

const INTERACTION = 'HCIM_IN_PersonRevised';

/**
 * HCIM_IN_PersonRevised (port PRPA_AR101202). Sync (acceptAckCode NE): HCIM_IN_PersonRevisedResult
 * on success, MCCI_IN000002 `HCIM_IN_PersonRevisedNak` (typeCode AE) on failure. Async (acceptAckCode
 * AL/ER): MCCI_IN000002 typeCode AA with RP.0.0007 now, HCIM_IN_PersonRevisedAccepted/Rejected
 * POSTed to the callback URL later (PRPA_AR101201).
 */
export function personRevised(request: V3Request, state: SimulatorState): V3Answer {
  const asynchronous = isAsync(request);
  const outcome = revisePerson(state.persons, state.seenMessageIds, { messageId: request.messageId.extension, ...readRevised(request.root) });
  if (!asynchronous) return { message: syncReply(request, outcome) };
  return acceptThenDeliver(request, state, outcome, INTERACTION, 'BCHCIM.RP.0.0007');
}

/** acceptAckCode AL/ER asks for an accept ack now and the application result later. */
export function isAsync(request: V3Request): boolean {
  return request.acceptAckCode === 'AL' || request.acceptAckCode === 'ER';
}

export function syncReply(request: V3Request, outcome: CommandOutcome, replaced?: string): string {
  if (outcome.code.includes('.2.')) return mcciAck('HCIM_IN_PersonRevisedNak', request, { typeCode: 'AE', code: outcome.code, ...(outcome.text ? { text: outcome.text } : {}) });
  return registrationReply('HCIM_IN_PersonRevisedResult', request, outcome.person, outcome.code, { ...(outcome.text ? { text: outcome.text } : {}), ...(replaced ? { replaced } : {}) });
}

/** Accept ack now; the result goes to the callback URL unless the `no-async-callback` defect is on. */
export function acceptThenDeliver(request: V3Request, state: SimulatorState, outcome: CommandOutcome, interaction: string, acceptedCode: string, replaced?: string): V3Answer {
  const message = mcciAck('MCCI_IN000002', request, { typeCode: 'AA', code: acceptedCode });
  if (!state.callbackUrl || defectOn(state.defects, 'no-async-callback', interaction)) return { message };
  return { message, deliveries: [asyncResult(request, state, outcome, interaction, replaced)] };
}

/** The person a PersonRevised carries (subject1/identifiedPerson), as a registry command. */
export function readRevised(root: Element): { phn?: string; person: Omit<Person, 'phn'> } {
  const role = childByPath(root, ['controlActProcess', 'subject', 'registrationEvent', 'subject1', 'identifiedPerson']);
  const person = role ? childByPath(role, ['identifiedPerson']) : undefined;
  const sourceIds = role
    ? childElements(role).filter((e) => e.localName === 'id' && e.getAttribute('root') !== HCIM_OID.phn && e.getAttribute('extension'))
        .map((e) => ({ root: e.getAttribute('root') ?? '', extension: e.getAttribute('extension') ?? '', assigningAuthorityName: e.getAttribute('assigningAuthorityName') ?? '' }))
    : [];
  const phnElement = [...(person ? childElements(person) : []), ...(role ? childElements(role) : [])].find((e) => e.localName === 'id' && e.getAttribute('root') === HCIM_OID.phn);
  const names = person
    ? childElements(person).filter((e) => e.localName === 'name').map((n) => ({
        use: (n.getAttribute('use')?.split(' ').includes('C') ? 'C' : 'L') as 'L' | 'C',
        family: elementsByPath(n, ['family'])[0]?.textContent?.trim() ?? '',
        given: elementsByPath(n, ['given']).map((g) => g.textContent?.trim() ?? '').filter(Boolean),
      }))
    : [];
  const gender = person ? childByPath(person, ['administrativeGenderCode'])?.getAttribute('code') : undefined;
  const addresses = role
    ? childElements(role).filter((e) => e.localName === 'addr' && !e.getAttribute('nullFlavor')).map((a) => ({
        use: (a.getAttribute('use')?.includes('PST') ? 'PST' : 'PHYS') as 'PHYS' | 'PST',
        lines: elementsByPath(a, ['streetAddressLine']).map((l) => l.textContent?.trim() ?? '').filter(Boolean),
        city: elementsByPath(a, ['city'])[0]?.textContent?.trim() ?? '',
        province: elementsByPath(a, ['state'])[0]?.textContent?.trim() ?? '',
        postalCode: elementsByPath(a, ['postalCode'])[0]?.textContent?.trim() ?? '',
        country: elementsByPath(a, ['country'])[0]?.textContent?.trim() ?? 'CA',
      }))
    : [];
  const telecoms = role
    ? childElements(role).filter((e) => e.localName === 'telecom' && e.getAttribute('value')).map((t) => ({ use: (['H', 'WP', 'MC'].find((u) => t.getAttribute('use')?.split(' ').includes(u)) ?? 'H') as 'H' | 'WP' | 'MC', value: t.getAttribute('value')! }))
    : [];
  const deceased = person ? childByPath(person, ['deceasedTime'])?.getAttribute('value') : undefined;
  return {
    ...(phnElement?.getAttribute('extension') ? { phn: phnElement.getAttribute('extension')!.trim() } : {}),
    person: {
      sourceIds,
      names,
      gender: gender === 'M' || gender === 'F' ? gender : 'UN',
      birthDate: (person ? childByPath(person, ['birthTime'])?.getAttribute('value') : undefined)?.slice(0, 8) ?? '',
      ...(deceased ? { deceasedDate: deceased.slice(0, 8) } : {}),
      addresses,
      telecoms,
    },
  };
}
