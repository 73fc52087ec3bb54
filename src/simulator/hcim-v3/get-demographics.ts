import { isValidPhn } from '../../hl7v3/phn.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { defectOn } from '../defects.js';
import type { Person } from '../person.js';
import type { SimulatorState } from '../simulator-state.js';
import { personTarget } from './person-xml.js';
import type { V3Answer } from './v3-answer.js';
import { childByPath, type V3Request } from './v3-request.js';
import { queryResponse } from './v3-response.js';

const ROOT = 'HCIM_IN_GetDemographicsResponse';
const INTERACTION = 'HCIM_IN_GetDemographics';

/**
 * HCIM_IN_GetDemographics → HCIM_IN_GetDemographicsResponse. Codes (domain.md §a): GD.0.0013 found,
 * GD.1.0015 merged id (survivor returned), GD.0.0018 no result, SCH.2.5017 empty id extension,
 * BRV.2.0003 PHN check digit failed. The `.History` flavour (interactionId extension
 * `HCIM_IN_GetDemographics.History`, or the `HCIM_GetDemographics.History` spelling seen in
 * another client) also returns former names closed with validTime.
 */
export function getDemographics(request: V3Request, state: SimulatorState): V3Answer {
  const store = state.persons;
  const history = /\.History$/.test(request.interactionId);
  const unmask = defectOn(state.defects, 'unmasked-protected-person', INTERACTION);
  const reply = (subjects: string, code: string, total: number): V3Answer => ({ message: queryResponse(ROOT, request, subjects, code, total) });
  const value = request.queryPersonId === undefined ? queryPersonId(request.payload) : request.queryPersonId;
  const root = value?.root ?? '';
  const extension = (value?.extension ?? '').trim();
  if (!value || extension === '') return reply('', 'BCHCIM.SCH.2.5017', 0);
  if (root === HCIM_OID.phn) {
    if (!isValidPhn(extension)) return reply('', 'BCHCIM.BRV.2.0003', 0);
    const { person, merged } = store.resolve(extension);
    if (!person) return reply('', 'BCHCIM.GD.0.0018', 0);
    const code = merged && !defectOn(state.defects, 'merged-without-warning', INTERACTION) ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013';
    return reply(subjectOf(person, history, unmask), code, 1);
  }
  const person = store.bySourceId(root, extension);
  if (!person) return reply('', 'BCHCIM.GD.0.0018', 0);
  return reply(subjectOf(person, history, unmask), 'BCHCIM.GD.0.0013', 1);
}

/**
 * The `subject` of a person, built once per stored person object and flavour: PersonStore replaces
 * a person's object on every change (put/revise/merge/nullify), never edits one in place, so the
 * text of an object cannot go stale.
 */
const subjects = new WeakMap<Person, (string | undefined)[]>();
function subjectOf(person: Person, history: boolean, unmask: boolean): string {
  let texts = subjects.get(person);
  if (texts === undefined) subjects.set(person, (texts = []));
  return (texts[(history ? 1 : 0) + (unmask ? 2 : 0)] ??= subject(personTarget(person, { history, unmask })));
}

/** `person.id/value` @root/@extension of a DOM payload (requests read with xmldom). */
function queryPersonId(payload: V3Request['payload']): V3Request['queryPersonId'] {
  const value = payload ? childByPath(payload, ['person.id', 'value']) : undefined;
  return value ? { root: value.getAttribute('root') ?? '', extension: value.getAttribute('extension') ?? '' } : null;
}

function subject(target: string): string {
  return `<subject typeCode="SUBJ">\n${target}\n</subject>`;
}
