import type { AssertionResult } from '../assert/assertion-result.js';
import { evaluateExpectation } from '../assert/evaluate-expectation.js';
import { ResponseView } from '../assert/response-view.js';
import { HarnessError, serializeError } from '../core/errors.js';
import { rollUp } from '../core/outcome.js';
import type { LoadedStep, LoadedSuite } from '../suite/suite-model.js';
import { renderTemplate, stepBuiltins, type Variables } from '../suite/template.js';
import type { Expectation } from '../suite/suite-schema.js';
import { formatLocation, type SourceLocation } from '../core/source-location.js';
import type { Exchange } from '../transport/exchange.js';
import { sendFhir } from '../transport/fhir.js';
import { sendSoap } from '../transport/soap.js';
import { readCapture } from './capture.js';
import { runCallbackStep } from './run-callback-step.js';
import type { RunContext } from './run-context.js';
import type { StepResult } from './report-schema.js';
import { renderStepRequest, type RenderedRequest } from './step-request.js';

/**
 * Run one step: render → send → capture → assert. Retries (--retries) apply only to `error`
 * outcomes — a `failed` step is never retried into a pass.
 */
export async function runStep(step: LoadedStep, suite: LoadedSuite, scope: Variables, context: RunContext): Promise<StepResult> {
  const started = performance.now();
  const document = step.document;
  const base: Omit<StepResult, 'outcome' | 'durationMs'> = {
    id: document.id,
    ...(document.title ? { title: document.title } : {}),
    kind: document.kind,
    location: step.location,
    attempts: 0,
    exchanges: [],
    assertions: [],
    captures: {},
  };
  const variables = { ...stepBuiltins(), ...scope };
  if (document.kind === 'callback') return runCallbackStep(step, variables, context, base, started);
  let request: RenderedRequest;
  try {
    request = renderStepRequest(step, suite, variables, context);
  } catch (error) {
    return { ...base, outcome: 'error', durationMs: elapsed(started), error: serializeError(error) };
  }
  let result: Omit<StepResult, 'durationMs'> = { ...base, outcome: 'error' };
  for (let attempt = 1; attempt <= context.retries + 1; attempt++) {
    if (context.signal.aborted) break;
    result = await attemptOnce(step, request, variables, context, { ...base, attempts: attempt, exchanges: [...base.exchanges] });
    // Only transport trouble is worth another attempt; a suite or config error would repeat itself.
    if (result.outcome !== 'error' || !result.error?.code.startsWith('ERR_TRANSPORT_')) break;
  }
  return { ...result, durationMs: elapsed(started) };
}

async function attemptOnce(step: LoadedStep, request: RenderedRequest, variables: Variables, context: RunContext, result: Omit<StepResult, 'outcome' | 'durationMs'>): Promise<Omit<StepResult, 'durationMs'>> {
  const document = step.document;
  const timeoutMs = document.timeout ?? context.timeoutMs;
  let exchange: Exchange;
  try {
    exchange = await send(step, request, context, timeoutMs);
  } catch (error) {
    return { ...result, outcome: 'error', error: serializeError(error) };
  }
  result.exchanges.push(exchange);
  context.debug?.(describeExchange(step, exchange));
  if (exchange.failure) {
    const message = `no usable response from ${request.url}: ${exchange.failure.message}`;
    const assertions: AssertionResult[] = step.expectations.map(({ expectation, location }) => ({
      kind: Object.keys(expectation)[0]!,
      outcome: 'error',
      message: `not evaluated: ${message}`,
      issues: [],
      exchangeId: exchange.id,
      source: location,
    }));
    return { ...result, assertions, outcome: 'error', error: { code: `ERR_TRANSPORT_${exchange.failure.code}`, message } };
  }
  return assertOn(step, new ResponseView(exchange), variables, context, result, request.body);
}

/** Captures, then every expectation, against one viewed message; the step passes when all do. */
export async function assertOn(step: LoadedStep, view: ResponseView, variables: Variables, context: RunContext, result: Omit<StepResult, 'outcome' | 'durationMs'>, requestBody: string | undefined): Promise<Omit<StepResult, 'durationMs'>> {
  const document = step.document;
  const exchange = view.exchange;
  const assertions: AssertionResult[] = [];
  for (const [name, capture] of Object.entries(document.capture ?? {})) {
    const { value, problem } = await readCapture(capture, view);
    if (value !== undefined) result.captures[name] = value;
    else {
      assertions.push({ kind: 'capture', outcome: 'failed', message: `Unexpected response: capture "${name}" found no value (${problem})`, issues: [], exchangeId: exchange.id, source: step.captureLocations[name] ?? step.location });
    }
  }
  const scope = { ...variables, ...result.captures };
  for (const { expectation, location, path } of step.expectations) {
    let rendered: Expectation;
    try {
      rendered = renderDeep(expectation, scope, path, location) as Expectation;
    } catch (error) {
      assertions.push({ kind: Object.keys(expectation)[0]!, outcome: 'error', message: (error as Error).message, issues: [], exchangeId: exchange.id, source: location });
      continue;
    }
    assertions.push(await evaluateExpectation(rendered, { view, requestBody, strict: context.strict }, location));
  }
  // A step with no expectations still proves the endpoint answered; it passes on transport alone.
  const outcome = assertions.length === 0 ? 'passed' : rollUp(assertions.map((a) => a.outcome));
  return { ...result, assertions, outcome: outcome === 'skipped' ? 'passed' : outcome };
}

async function send(step: LoadedStep, request: RenderedRequest, context: RunContext, timeoutMs: number): Promise<Exchange> {
  const common = { url: request.url, timeoutMs, maxBodyBytes: context.maxBodyBytes, tls: context.tls, signal: context.signal };
  if (step.document.kind === 'soap') {
    return sendSoap({ ...common, headers: request.headers, soapAction: request.soapAction ?? '', body: request.body ?? '' }, step.document.id);
  }
  if (step.document.kind !== 'fhir') throw new Error(`${step.path} is not a request step`);
  if (step.document.auth === 'bearer') {
    if (!context.tokens) throw new HarnessError('ERR_CONFIG', `${step.path}.auth is "bearer" but the target has no OAuth2 token endpoint; give --token-url/--client-id/--client-secret-env or targets.<name>.oauth`, { location: step.location });
    let exchange = await sendFhir({ ...common, method: request.method, headers: request.headers, body: request.body, bearerToken: await context.tokens.token() }, step.document.id);
    if (exchange.response?.status === 401) {
      context.tokens.invalidate();
      exchange = await sendFhir({ ...common, method: request.method, headers: request.headers, body: request.body, bearerToken: await context.tokens.token() }, step.document.id);
    }
    return exchange;
  }
  return sendFhir({ ...common, method: request.method, headers: request.headers, body: request.body }, step.document.id);
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** Expectation values may use ${var} too (e.g. `equals: ${phn}`): render every string inside. */
export function renderDeep(value: unknown, variables: Variables, key: string, location: SourceLocation): unknown {
  if (typeof value === 'string') return renderTemplate(value, variables, { key, location });
  if (Array.isArray(value)) return value.map((item, index) => renderDeep(item, variables, `${key}[${index}]`, location));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, variables, `${key}.${k}`, location)]));
  }
  return value;
}

/** One --debug line per exchange, from the recorded (already redacted) exchange. */
function describeExchange(step: LoadedStep, exchange: Exchange): string {
  const outcome = exchange.failure ? `${exchange.failure.code}: ${exchange.failure.message}` : `HTTP ${exchange.response?.status} ${exchange.response?.headers['content-type'] ?? ''} ${Buffer.byteLength(exchange.response?.body ?? '')} bytes`;
  const headers = Object.entries(exchange.request.headers).map(([k, v]) => `${k}: ${v}`).join('; ');
  return `[debug] ${formatLocation(step.location)} ${step.document.id}: ${exchange.request.method} ${exchange.request.url} {${headers}} → ${outcome} (${exchange.durationMs} ms)`;
}
