import type { PersonStore } from '../person-store.js';
import type { SimRequest, SimResponse } from '../sim-http.js';
import { operationOutcome } from './operation-bundles.js';
import { fhirJson, findCandidatesOperation, getDemographicsOperation } from './fhir-operations.js';
import { readOperationRequest, type OperationRequest } from './request-bundle.js';

type Operation = (request: OperationRequest, store: PersonStore, selfUrl: string) => SimResponse;

const OPERATIONS: Record<string, Operation> = {
  $GetDemographics: getDemographicsOperation,
  $FindCandidates: findCandidatesOperation,
};

/** HCIM FHIR base (`/hcim/fhir`): type-level operations on Patient, JSON only. */
export function handleHcimFhir(subPath: string, request: SimRequest, store: PersonStore, selfUrl: string): SimResponse {
  const match = /^\/Patient\/(\$[\w.]+)$/.exec(subPath);
  if (!match) return fhirJson(404, invalid('not-supported', `no HCIM FHIR interaction at ${subPath}; supported: POST Patient/${Object.keys(OPERATIONS).join(', POST Patient/')}`));
  const operation = OPERATIONS[match[1]!];
  if (!operation) return fhirJson(404, invalid('not-supported', `unknown operation ${match[1]}; supported: ${Object.keys(OPERATIONS).join(', ')}`));
  if (request.method !== 'POST') return fhirJson(405, invalid('not-supported', `${match[1]} takes POST`));
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/(fhir\+)?json/i.test(contentType)) return fhirJson(415, invalid('structure', `Content-Type must be application/fhir+json, but received "${contentType}"`));
  const parsed = readOperationRequest(request.body);
  if (!parsed.ok) return fhirJson(400, operationOutcome('BCHCIM.GD.2.0006', parsed.reason));
  return operation(parsed.request, store, selfUrl);
}

function invalid(code: string, text: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}
