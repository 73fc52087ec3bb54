import { isValidPhn } from '../../hl7v3/phn.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import type { Person } from '../person.js';
import type { SimulatorState } from '../simulator-state.js';
import { xmlText } from '../xml-text.js';
import type { V3Answer } from './v3-answer.js';
import { childByPath, type V3Request } from './v3-request.js';
import { queryResponse } from './v3-response.js';

const ROOT = 'HCIM_IN_GetRelatedIdentifiersResponse';

/**
 * HCIM_IN_GetRelatedIdentifiers → HCIM_IN_GetRelatedIdentifiersResponse: the person's source ids
 * on the role, its PHN, and the PHNs merged into it as playedOtherIDs. GD codes as GetDemographics
 * (the interaction localises QUPA_IN101105 on the same port).
 */
export function getRelatedIdentifiers(request: V3Request, state: SimulatorState): V3Answer {
  const reply = (subjects: string, code: string, total: number): V3Answer => ({ message: queryResponse(ROOT, request, subjects, code, total) });
  const value = request.payload ? childByPath(request.payload, ['person.id', 'value']) : undefined;
  const root = value?.getAttribute('root') ?? '';
  const extension = (value?.getAttribute('extension') ?? '').trim();
  if (!value || extension === '') return reply('', 'BCHCIM.SCH.2.5017', 0);
  let person: Person | undefined;
  let merged = false;
  if (root === HCIM_OID.phn) {
    if (!isValidPhn(extension)) return reply('', 'BCHCIM.BRV.2.0003', 0);
    ({ person, merged } = state.persons.resolve(extension));
  } else person = state.persons.bySourceId(root, extension);
  if (!person) return reply('', 'BCHCIM.GD.0.0018', 0);
  const related = state.persons.mergedInto(person.phn);
  const target = [
    '<subject typeCode="SUBJ"><target classCode="IDENT">',
    ...person.sourceIds.map((id) => `<id root="${xmlText(id.root)}" extension="${xmlText(id.extension)}" assigningAuthorityName="${xmlText(id.assigningAuthorityName)}"/>`),
    '<identifiedPerson classCode="PSN" determinerCode="INSTANCE">',
    `<id root="${HCIM_OID.phn}" extension="${person.phn}" assigningAuthorityName="MOH_CRS"/>`,
    ...(related.length ? [`<playedOtherIDs classCode="ROL">${related.map((phn) => `<id root="${HCIM_OID.phn}" extension="${phn}" assigningAuthorityName="MOH_CRS"/>`).join('')}</playedOtherIDs>`] : []),
    '</identifiedPerson></target></subject>',
  ].join('\n');
  return reply(target, merged ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013', 1);
}
