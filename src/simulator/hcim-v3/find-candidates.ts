import type { Element } from '@xmldom/xmldom';
import { defectOn } from '../defects.js';
import type { CandidateQuery } from '../person.js';
import { MAX_CANDIDATES } from '../person-store.js';
import type { SimulatorState } from '../simulator-state.js';
import { personTarget } from './person-xml.js';
import type { V3Answer } from './v3-answer.js';
import { childByPath, elementsByPath, type V3Request } from './v3-request.js';
import { queryResponse } from './v3-response.js';

const ROOT = 'HCIM_IN_FindCandidatesResponse';

/**
 * HCIM_IN_FindCandidates → HCIM_IN_FindCandidatesResponse with scored candidates. Business rule
 * BCHCIM.SCH.2.5107: surname plus one of birth date / address line 1 / phone / postal code.
 * FC.0.0012 candidates found, FC.0.0017 more than the maximum (list cut), FC.0.0018 none.
 */
export function findCandidates(request: V3Request, state: SimulatorState): V3Answer {
  const query = readQuery(request.payload);
  const reply = (subjects: string, code: string, total: number): V3Answer => ({ message: queryResponse(ROOT, request, subjects, code, total) });
  const sufficient = Boolean(query.family) && Boolean(query.birthDate || query.addressLine || query.phone || query.postalCode);
  if (!sufficient) return reply('', 'BCHCIM.SCH.2.5107', 0);
  const candidates = state.persons.findCandidates(query);
  if (candidates.length === 0) return reply('', 'BCHCIM.FC.0.0018', 0);
  const unmask = defectOn(state.defects, 'unmasked-protected-person', 'HCIM_IN_FindCandidates');
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const subjects = shown.map(({ person, score }) => `<subject typeCode="SUBJ">\n${personTarget(person, { score, unmask })}\n</subject>`).join('\n');
  return reply(subjects, candidates.length > MAX_CANDIDATES ? 'BCHCIM.FC.0.0017' : 'BCHCIM.FC.0.0012', shown.length);
}

export function readQuery(payload: Element | undefined): CandidateQuery {
  if (!payload) return {};
  const text = (element: Element | undefined) => element?.textContent?.trim() || undefined;
  const name = childByPath(payload, ['person.name', 'value']);
  const address = childByPath(payload, ['person.addr', 'value']);
  const birth = childByPath(payload, ['person.birthTime', 'value']);
  return {
    family: text(name ? elementsByPath(name, ['family'])[0] : undefined),
    given: name ? elementsByPath(name, ['given']).map((g) => g.textContent?.trim() ?? '').filter(Boolean) : undefined,
    // IVL_TS: a point value or a low/center bound.
    birthDate: birth?.getAttribute('value') || childByPath(birth ?? payload, ['center'])?.getAttribute('value') || childByPath(birth ?? payload, ['low'])?.getAttribute('value') || undefined,
    gender: childByPath(payload, ['person.administrativeGender', 'value'])?.getAttribute('code') || undefined,
    addressLine: text(address ? elementsByPath(address, ['streetAddressLine'])[0] : undefined),
    postalCode: text(address ? elementsByPath(address, ['postalCode'])[0] : undefined),
    phone: childByPath(payload, ['person.telecom', 'value'])?.getAttribute('value')?.replace(/^tel:/, '') || undefined,
  };
}
