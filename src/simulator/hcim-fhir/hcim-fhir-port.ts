import type { SimRequest, SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { fhirJson, findCandidatesOperation, getDemographicsOperation, mergeOperation, reviseOperation, type OperationContext } from './fhir-operations.js';
import { operationOutcome } from './operation-bundles.js';
import { patientRest } from './patient-rest.js';
import { readOperationRequest, type OperationRequest } from './request-bundle.js';

type Operation = (request: OperationRequest, context: OperationContext) => SimResponse;

const OPERATIONS: Record<string, Operation> = {
  $GetDemographics: getDemographicsOperation,
  $FindCandidates: findCandidatesOperation,
  $AddPatient: reviseOperation,
  '$AddPatient.Async': reviseOperation,
  $RevisePatient: reviseOperation,
  '$RevisePatient.Async': reviseOperation,
};
const MERGE = ['$MergePatient', '$MergePatient.Async'];
const SUPPORTED = [...Object.keys(OPERATIONS), ...MERGE];

/**
 * HCIM FHIR base (`/hcim/fhir`): type-level operations on Patient (JSON only), RESTful reads,
 * and `POST Subscription` to register a change-distribution endpoint.
 */
export function handleHcimFhir(subPath: string, request: SimRequest, state: SimulatorState, selfUrl: string): SimResponse {
  const baseUrl = selfUrl.slice(0, selfUrl.indexOf('/hcim/fhir'));
  if (subPath === '/Subscription') return subscribe(request, state);
  const rest = patientRest(subPath, request, state, selfUrl);
  if (rest) return rest;
  const match = /^\/Patient\/(\$[\w.]+)$/.exec(subPath);
  if (!match) return fhirJson(404, invalid('not-supported', `no HCIM FHIR interaction at ${subPath}; supported: POST Patient/${SUPPORTED.join(', POST Patient/')}, GET Patient?…, GET Patient/[phn], GET Patient/[phn]/_history, POST Subscription`));
  const name = match[1]!;
  if (!OPERATIONS[name] && !MERGE.includes(name)) return fhirJson(404, invalid('not-supported', `unknown operation ${name}; supported: ${SUPPORTED.join(', ')}`));
  if (request.method !== 'POST') return fhirJson(405, invalid('not-supported', `${name} takes POST`));
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/(fhir\+)?json/i.test(contentType)) return fhirJson(415, invalid('structure', `Content-Type must be application/fhir+json, but received "${contentType}"`));
  const context: OperationContext = { state, selfUrl, baseUrl, operation: name };
  const interaction = `Patient/${name}`;
  if (MERGE.includes(name)) {
    let parameters: Record<string, unknown>;
    try {
      parameters = JSON.parse(request.body) as Record<string, unknown>;
    } catch (error) {
      return { ...fhirJson(400, operationOutcome('BCHCIM.PM.2.0006', `request body is not JSON: ${(error as Error).message}`)), interaction };
    }
    if (parameters?.resourceType !== 'Parameters') return { ...fhirJson(400, operationOutcome('BCHCIM.PM.2.0006', 'request body must be a Parameters resource (bc-merge-request-parameters)')), interaction };
    return { interaction, ...mergeOperation(parameters, context) };
  }
  const parsed = readOperationRequest(request.body);
  const area = name.startsWith('$FindCandidates') ? 'FC' : name.startsWith('$GetDemographics') ? 'GD' : 'RP';
  if (!parsed.ok) return { ...fhirJson(400, operationOutcome(`BCHCIM.${area}.2.0006`, parsed.reason)), interaction };
  return { interaction, ...OPERATIONS[name]!(parsed.request, context) };
}

/** `POST Subscription` (backport profile, rest-hook): remember `channel.endpoint` as a distribution subscriber. */
function subscribe(request: SimRequest, state: SimulatorState): SimResponse {
  if (request.method !== 'POST') return fhirJson(405, invalid('not-supported', 'Subscription takes POST'));
  let subscription: { resourceType?: string; channel?: { endpoint?: string; type?: string } };
  try {
    subscription = JSON.parse(request.body) as typeof subscription;
  } catch (error) {
    return fhirJson(400, invalid('structure', `request body is not JSON: ${(error as Error).message}`));
  }
  const endpoint = subscription?.channel?.endpoint;
  if (subscription?.resourceType !== 'Subscription' || typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) {
    return fhirJson(400, invalid('required', 'a Subscription with channel.endpoint (http or https URL) is required'));
  }
  if (!state.subscriberUrls.includes(endpoint)) state.subscriberUrls.push(endpoint);
  return { ...fhirJson(201, { ...subscription, id: String(state.subscriberUrls.indexOf(endpoint) + 1), status: 'active' }), interaction: 'Subscription.create' };
}

function invalid(code: string, text: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}
