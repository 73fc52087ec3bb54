import { ResponseView } from '../assert/response-view.js';
import { HarnessError, serializeError } from '../core/errors.js';
import type { LoadedStep } from '../suite/suite-model.js';
import type { CallbackStepDocument } from '../suite/suite-schema.js';
import type { Variables } from '../suite/template.js';
import type { Exchange } from '../transport/exchange.js';
import { readCapture } from './capture.js';
import type { RunContext } from './run-context.js';
import type { StepResult } from './report-schema.js';
import { assertOn, elapsed, renderDeep } from './run-step.js';

/**
 * A `callback` step: wait for the async result the target POSTs to the run's callback listener,
 * claim the one whose `match` value equals the expected one, then check it like a response.
 *
 * Nothing arriving within the timeout is `failed`, not `error`: the harness listened the whole
 * time, and delivering the result is the registry's half of the async contract (same reasoning as
 * an unmet client expectation, docs/client-mode.md). The message names the callback URL, so a
 * target that was never told where to deliver is easy to tell apart.
 */
export async function runCallbackStep(step: LoadedStep, variables: Variables, context: RunContext, base: Omit<StepResult, 'outcome' | 'durationMs'>, started: number): Promise<StepResult> {
  const document = step.document as CallbackStepDocument;
  const listener = context.callbacks;
  if (!listener) {
    const error = new HarnessError('ERR_CONFIG', `${step.path} waits for an async callback but the run has no callback listener`, { location: step.location });
    return { ...base, outcome: 'error', durationMs: elapsed(started), error: serializeError(error) };
  }
  let match: CallbackStepDocument['match'];
  try {
    match = renderDeep(document.match, variables, `${step.path}.match`, step.location) as CallbackStepDocument['match'];
  } catch (error) {
    return { ...base, outcome: 'error', durationMs: elapsed(started), error: serializeError(error) };
  }
  const selector = 'xpath' in match ? { xpath: match.xpath } : { fhirpath: match.fhirpath };
  const accepts = async (exchange: Exchange) => (await readCapture(selector, ResponseView.ofIncoming(exchange))).value === match.equals;
  const timeoutMs = document.timeout ?? context.timeoutMs;
  const exchange = await listener.waitFor(accepts, { timeoutMs, signal: context.signal });
  const result = { ...base, attempts: 1, exchanges: [...base.exchanges] };
  if (!exchange) {
    if (context.signal.aborted) {
      return { ...result, outcome: 'error', durationMs: elapsed(started), error: { code: 'ERR_ABORTED', message: 'run interrupted while waiting for the async callback' } };
    }
    const others = listener.received.length;
    const message = `no async result with ${Object.values(selector)[0]} = "${match.equals}" arrived at ${listener.url} within ${timeoutMs} ms (${others} callback message(s) received in this run)`;
    return { ...result, outcome: 'failed', durationMs: elapsed(started), assertions: [{ kind: 'callback', outcome: 'failed', message, issues: [], source: step.location }] };
  }
  result.exchanges.push({ ...exchange, stepId: document.id });
  context.debug?.(`[debug] ${step.document.id}: async callback ${exchange.request.method} ${exchange.request.url} ${exchange.request.headers['content-type'] ?? ''} ${Buffer.byteLength(exchange.request.body ?? '')} bytes`);
  const checked = await assertOn(step, ResponseView.ofIncoming({ ...exchange, stepId: document.id }), variables, context, result, undefined);
  return { ...checked, durationMs: elapsed(started) };
}
