import { HCIM_FHIR } from '../../fhir/hcim-systems.js';
import { isValidPhn } from '../../hl7v3/phn.js';
import { defectOn } from '../defects.js';
import type { CandidateQuery } from '../person.js';
import { MAX_CANDIDATES } from '../person-store.js';
import { mergePersons, revisePerson, type CommandOutcome } from '../registry-commands.js';
import { respond, type Delivery, type SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { distributionsFor } from './distribution.js';
import { asyncAckBundle, mergeResponseParameters, operationOutcome, operationResponseBundle, searchResponseBundle } from './operation-bundles.js';
import { patientPhn, personFromPatient } from './patient-input.js';
import { patientResource } from './patient-resource.js';
import type { OperationRequest } from './request-bundle.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirJson(status: number, resource: unknown): SimResponse {
  return respond(status, FHIR_JSON, `${JSON.stringify(resource, null, 2)}\n`);
}

/** Everything an HCIM FHIR operation needs besides its parsed request. */
export interface OperationContext {
  state: SimulatorState;
  /** Absolute URL of the operation endpoint (Bundle.link). */
  selfUrl: string;
  baseUrl: string;
  /** `$AddPatient` or `$AddPatient.Async`, … */
  operation: string;
}

/** `Patient/$GetDemographics`: PHN lookup (merged → survivor + GD.1.0015). Bad input → 400 OperationOutcome. */
export function getDemographicsOperation(request: OperationRequest, { state, selfUrl }: OperationContext): SimResponse {
  const interaction = 'Patient/$GetDemographics';
  const phn = patientPhn(request.patient);
  if (!phn) return fhirJson(400, operationOutcome('BCHCIM.SCH.2.5017', `Patient.identifier with system ${HCIM_FHIR.phnSystem} is required`));
  if (!isValidPhn(phn)) return fhirJson(400, operationOutcome('BCHCIM.BRV.2.0003'));
  const { person, merged } = state.persons.resolve(phn);
  if (!person) return fhirJson(200, searchResponseBundle(request.metadata, 'BCHCIM.GD.0.0018', [], selfUrl));
  const code = merged && !defectOn(state.defects, 'merged-without-warning', interaction) ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013';
  const unmask = defectOn(state.defects, 'unmasked-protected-person', interaction);
  return fhirJson(200, searchResponseBundle(request.metadata, code, [{ patient: patientResource(person, { unmask }) }], selfUrl));
}

/** `Patient/$FindCandidates`: Patient-by-example search with BCHCIM.SCH.2.5107 enforced. */
export function findCandidatesOperation(request: OperationRequest, { state, selfUrl }: OperationContext): SimResponse {
  const query = candidateQuery(request.patient);
  if (!query.family || !(query.birthDate || query.addressLine || query.phone || query.postalCode)) {
    return fhirJson(400, operationOutcome('BCHCIM.SCH.2.5107'));
  }
  const candidates = state.persons.findCandidates(query);
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const code = candidates.length === 0 ? 'BCHCIM.FC.0.0018' : candidates.length > MAX_CANDIDATES ? 'BCHCIM.FC.0.0017' : 'BCHCIM.FC.0.0012';
  const unmask = defectOn(state.defects, 'unmasked-protected-person', 'Patient/$FindCandidates');
  return fhirJson(200, searchResponseBundle(request.metadata, code, shown.map(({ person, score }) => ({ patient: patientResource(person, { unmask }), score })), selfUrl));
}

/**
 * `Patient/$AddPatient` and `$RevisePatient` (+ `.Async`): the PersonRevised rules of
 * registry-commands.ts. 201 when a PHN was assigned, 200 otherwise, 422 with the bundle for
 * business-rule errors; `.Async` answers 202 with a bc-async-ack-response-bundle and POSTs the
 * result bundle to the callback URL later.
 */
export function reviseOperation(request: OperationRequest, context: OperationContext): SimResponse {
  const { state, baseUrl, operation } = context;
  if (!request.patient || request.patient.resourceType !== 'Patient') return fhirJson(400, operationOutcome('BCHCIM.RP.2.0006', 'the request Bundle must hold a Patient entry'));
  const adding = operation.startsWith('$AddPatient');
  // $RevisePatient without a PHN behaves like PersonRevised without one: find or assign (Revise-Patient-Request-Sync-PHN-New).
  const phn = patientPhn(request.patient);
  const outcome = revisePerson(state.persons, state.seenMessageIds, { messageId: request.metadata.messageId ?? '', ...(phn ? { phn } : {}), person: personFromPatient(request.patient) });
  const profile = adding ? 'bc-add-response-bundle' : 'bc-revise-response-bundle';
  const resultBody = operationResponseBundle(profile, request.metadata, outcome.code, outcome.person ? patientResource(outcome.person) : undefined, `${baseUrl}/hcim/fhir/Patient/${operation.replace('.Async', '')}`, outcome.text);
  const distributions = outcome.person && !outcome.code.includes('.2.') ? distributionsFor(state, outcome.created ? 'NEW' : outcome.person.deceasedDate ? 'DEATH' : 'COMP', outcome.person, baseUrl) : [];
  return answer(context, request, outcome, resultBody, distributions, 'BCHCIM.RP.0.0007');
}

/** `Patient/$MergePatient` (+ `.Async`): Parameters with source-patient (non-survivor) and target-patient (survivor). */
export function mergeOperation(parameters: Record<string, any>, context: OperationContext): SimResponse {
  const { state, baseUrl } = context;
  const params = (parameters.parameter as Record<string, any>[] | undefined) ?? [];
  const phnOf = (name: string) => {
    const reference = params.find((p) => p?.name === name)?.valueReference;
    return String(reference?.identifier?.value ?? String(reference?.reference ?? '').replace(/^Patient\//, '')).trim();
  };
  const source = phnOf('source-patient');
  const target = phnOf('target-patient');
  if (!source || !target) return fhirJson(400, operationOutcome('BCHCIM.PM.2.0006', 'Parameters source-patient and target-patient (valueReference.identifier) are required'));
  // bc-merge-request-parameters carries no messageId (Merge-Request-Sync.json): correlate on the resource id.
  const messageId = String(params.find((p) => p?.name === 'messageId')?.valueString ?? parameters.id ?? '');
  // The async ack's requestMessageId is 1..1 (bc-metadata-parameters-out-async): without an id to
  // echo, the caller could never correlate the result, so .Async needs one.
  if (context.operation.endsWith('.Async') && !messageId) return fhirJson(400, operationOutcome('BCHCIM.PM.2.0006', `${context.operation} needs a messageId parameter (or Parameters.id) to correlate its result`));
  const outcome = mergePersons(state.persons, state.seenMessageIds, messageId, source, target);
  const resultBody = mergeResponseParameters(outcome.code, outcome.person ? patientResource(outcome.person) : undefined, outcome.text);
  const distributions = outcome.person && outcome.code === 'BCHCIM.PM.0.0008' ? distributionsFor(state, 'MERGE', outcome.person, baseUrl) : [];
  // No messageId in the request: the ack must not invent a requestMessageId the caller never sent.
  return answer(context, { metadata: messageId ? { messageId } : {} }, outcome, resultBody, distributions, 'BCHCIM.PM.0.0007');
}

function answer(context: OperationContext, request: OperationRequest, outcome: CommandOutcome, resultBody: unknown, distributions: Delivery[], acceptedCode: string): SimResponse {
  const { state, operation } = context;
  const interaction = `Patient/${operation}`;
  if (operation.endsWith('.Async')) {
    const deliveries = [...distributions];
    if (state.callbackUrl && !defectOn(state.defects, 'no-async-callback', interaction)) {
      deliveries.unshift({ label: `${operation} result${request.metadata.messageId ? ` (${request.metadata.messageId})` : ''}`, url: state.callbackUrl, method: 'POST', headers: { 'content-type': FHIR_JSON }, body: `${JSON.stringify(resultBody, null, 2)}\n`, delayMs: state.asyncDelayMs });
    }
    return { ...fhirJson(202, asyncAckBundle(request.metadata, acceptedCode)), interaction, deliveries };
  }
  const status = outcome.code.includes('.2.') ? 422 : outcome.created ? 201 : 200;
  return { ...fhirJson(status, resultBody), interaction, ...(distributions.length ? { deliveries: distributions } : {}) };
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
