import type { AssertionResult } from '../assert/assertion-result.js';
import { evaluateExpectation } from '../assert/evaluate-expectation.js';
import { ResponseView } from '../assert/response-view.js';
import { hasErrors } from '../core/issue.js';
import { rollUp } from '../core/outcome.js';
import type { Exchange } from '../transport/exchange.js';
import type { IncomingVerdict } from './check-incoming.js';
import type { LoadedClientExpectation } from './client-suite-model.js';
import type { IncomingRequest } from './incoming-request.js';

/**
 * Does `request` fall under `expectation` (kind, registry, root/operation, method, every `where`
 * condition)? `where` conditions reuse the run-suite xpath/fhirpath/header checks, evaluated on the
 * request: the request is presented to them as if it were a response.
 */
export async function matchesRequest(expectation: LoadedClientExpectation, request: IncomingRequest, strict: boolean): Promise<AssertionResult[] | undefined> {
  const match = expectation.document.request;
  if (request.kind !== match.kind) return undefined;
  if (match.registry && request.registry !== match.registry) return undefined;
  if (match.kind === 'soap' && match.root && request.root !== match.root) return undefined;
  if (match.kind === 'fhir' && match.operation && request.operation !== match.operation) return undefined;
  if (match.method && request.exchange.request.method.toUpperCase() !== match.method) return undefined;
  const view = new ResponseView(mirror(request.exchange));
  const assertions: AssertionResult[] = [];
  for (const condition of expectation.where) {
    const result = await evaluateExpectation(condition.expectation, { view, strict }, condition.location);
    if (result.outcome !== 'passed') return undefined;
    assertions.push({ ...result, kind: `request.${result.kind}`, message: `request ${result.message}` });
  }
  const what = match.kind === 'soap' ? match.root ?? 'any SOAP request' : `${match.method ?? ''} ${match.operation ?? 'any FHIR request'}`.trim();
  return [{ kind: 'request', outcome: 'passed', message: `${request.label} matches ${what}`, issues: [], exchangeId: request.exchange.id, source: expectation.requestLocation }, ...assertions];
}

/**
 * Judge a matching request for an expectation: its validity (unless `valid: false`) and the
 * `response` conditions on the answer the registry gave.
 */
export async function judgeMatch(expectation: LoadedClientExpectation, request: IncomingRequest, verdict: IncomingVerdict, matchAssertions: AssertionResult[], strict: boolean): Promise<{ assertions: AssertionResult[]; outcome: 'passed' | 'failed' | 'error' }> {
  const assertions = [...matchAssertions];
  const errors = verdict.issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  const mustBeValid = expectation.document.valid;
  assertions.push({
    kind: 'incoming-checks',
    outcome: mustBeValid && hasErrors(verdict.issues) ? 'failed' : 'passed',
    message: errors.length === 0
      ? `the request passed every incoming check${verdict.issues.length ? ` (${verdict.issues.length} warning(s))` : ''}`
      : `${mustBeValid ? 'Unexpected request: expected a valid request, but received' : 'the request is not valid (allowed here):'} ${errors.length} error(s); first: ${errors[0]!.message}`,
    issues: verdict.issues,
    exchangeId: request.exchange.id,
    source: expectation.requestLocation,
    ...(verdict.evidence.length ? { evidence: verdict.evidence } : {}),
  });
  const view = new ResponseView(request.exchange);
  for (const condition of expectation.response) {
    const result = await evaluateExpectation(condition.expectation, { view, requestBody: request.exchange.request.body, strict }, condition.location);
    assertions.push({ ...result, kind: `response.${result.kind}`, message: `registry answer: ${result.message}` });
  }
  const outcome = rollUp(assertions.map((a) => a.outcome));
  return { assertions, outcome: outcome === 'skipped' ? 'passed' : outcome };
}

/** The request shown as a response, so response-side checks (xpath, fhirpath, header) read the request. */
function mirror(exchange: Exchange): Exchange {
  return { ...exchange, response: { status: 0, headers: exchange.request.headers, body: exchange.request.body ?? '' } };
}
