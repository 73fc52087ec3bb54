import { isValidPhn } from '../../hl7v3/phn.js';
import { HCIM_FHIR } from '../../fhir/hcim-systems.js';
import type { CandidateQuery } from '../person.js';
import { MAX_CANDIDATES, type PersonStore } from '../person-store.js';
import { respond, type SimResponse } from '../sim-http.js';
import { operationOutcome, searchResponseBundle } from './operation-bundles.js';
import { patientResource } from './patient-resource.js';
import type { OperationRequest } from './request-bundle.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirJson(status: number, resource: unknown): SimResponse {
  return respond(status, FHIR_JSON, `${JSON.stringify(resource, null, 2)}\n`);
}

/** `Patient/$GetDemographics`: PHN lookup (merged → survivor + GD.1.0015). Bad input → 400 OperationOutcome. */
export function getDemographicsOperation(request: OperationRequest, store: PersonStore, selfUrl: string): SimResponse {
  const identifiers = (request.patient?.identifier as { system?: string; value?: string }[] | undefined) ?? [];
  const phn = identifiers.find((id) => id.system === HCIM_FHIR.phnSystem)?.value?.trim();
  if (!phn) return fhirJson(400, operationOutcome('BCHCIM.SCH.2.5017', `Patient.identifier with system ${HCIM_FHIR.phnSystem} is required`));
  if (!isValidPhn(phn)) return fhirJson(400, operationOutcome('BCHCIM.BRV.2.0003'));
  const { person, merged } = store.resolve(phn);
  if (!person) return fhirJson(200, searchResponseBundle(request.metadata, 'BCHCIM.GD.0.0018', [], selfUrl));
  return fhirJson(200, searchResponseBundle(request.metadata, merged ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013', [{ patient: patientResource(person) }], selfUrl));
}

/** `Patient/$FindCandidates`: Patient-by-example search with BCHCIM.SCH.2.5107 enforced. */
export function findCandidatesOperation(request: OperationRequest, store: PersonStore, selfUrl: string): SimResponse {
  const query = candidateQuery(request.patient);
  if (!query.family || !(query.birthDate || query.addressLine || query.phone || query.postalCode)) {
    return fhirJson(400, operationOutcome('BCHCIM.SCH.2.5107'));
  }
  const candidates = store.findCandidates(query);
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const code = candidates.length === 0 ? 'BCHCIM.FC.0.0018' : candidates.length > MAX_CANDIDATES ? 'BCHCIM.FC.0.0017' : 'BCHCIM.FC.0.0012';
  return fhirJson(200, searchResponseBundle(request.metadata, code, shown.map(({ person, score }) => ({ patient: patientResource(person), score })), selfUrl));
}

function candidateQuery(patient: Record<string, unknown> | undefined): CandidateQuery {
  if (!patient) return {};
  const name = (patient.name as { family?: string; given?: string[] }[] | undefined)?.[0];
  const address = (patient.address as { line?: string[]; postalCode?: string }[] | undefined)?.[0];
  const phone = (patient.telecom as { system?: string; value?: string }[] | undefined)?.find((t) => t.system === 'phone')?.value;
  const birthDate = typeof patient.birthDate === 'string' ? patient.birthDate.replace(/-/g, '') : undefined;
  const gender = ({ male: 'M', female: 'F', other: 'UN' } as Record<string, string>)[String(patient.gender)];
  return { family: name?.family, given: name?.given, birthDate, gender, addressLine: address?.line?.[0], postalCode: address?.postalCode, phone };
}
