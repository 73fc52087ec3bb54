import { isValidPhn } from '../../hl7v3/phn.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import type { PersonStore } from '../person-store.js';
import { personTarget } from './person-xml.js';
import { childByPath, type V3Request } from './v3-request.js';
import { queryResponse } from './v3-response.js';

const ROOT = 'HCIM_IN_GetDemographicsResponse';

/**
 * HCIM_IN_GetDemographics → HCIM_IN_GetDemographicsResponse. Codes (domain.md §a): GD.0.0013 found,
 * GD.1.0015 merged id (survivor returned), GD.0.0018 no result, SCH.2.5017 empty id extension,
 * BRV.2.0003 PHN check digit failed.
 */
export function getDemographics(request: V3Request, store: PersonStore): string {
  const value = request.payload ? childByPath(request.payload, ['person.id', 'value']) : undefined;
  const root = value?.getAttribute('root') ?? '';
  const extension = (value?.getAttribute('extension') ?? '').trim();
  if (!value || extension === '') return queryResponse(ROOT, request, '', 'BCHCIM.SCH.2.5017', 0);
  if (root === HCIM_OID.phn) {
    if (!isValidPhn(extension)) return queryResponse(ROOT, request, '', 'BCHCIM.BRV.2.0003', 0);
    const { person, merged } = store.resolve(extension);
    if (!person) return queryResponse(ROOT, request, '', 'BCHCIM.GD.0.0018', 0);
    return queryResponse(ROOT, request, subject(personTarget(person)), merged ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013', 1);
  }
  const person = store.bySourceId(root, extension);
  if (!person) return queryResponse(ROOT, request, '', 'BCHCIM.GD.0.0018', 0);
  return queryResponse(ROOT, request, subject(personTarget(person)), 'BCHCIM.GD.0.0013', 1);
}

function subject(target: string): string {
  return `<subject typeCode="SUBJ">\n${target}\n</subject>`;
}
