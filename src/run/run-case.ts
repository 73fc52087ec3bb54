import { serializeError } from '../core/errors.js';
import { rollUp } from '../core/outcome.js';
import { renderTemplate } from '../suite/template.js';
import type { LoadedCase, LoadedSuite } from '../suite/suite-model.js';
import type { CaseResult, StepResult } from './report-schema.js';
import type { RunContext } from './run-context.js';
import { runStep } from './run-step.js';

/**
 * Run a case's steps in order. Variables: endpoints < suite defaults < target test data < case
 * variables < captures of earlier steps. After a step that did not pass, the remaining steps are
 * `skipped` (they depend on it), and the case takes the worst outcome.
 */
export async function runCase(loadedCase: LoadedCase, suite: LoadedSuite, context: RunContext): Promise<CaseResult> {
  const started = performance.now();
  const document = loadedCase.document;
  const header = {
    id: document.id,
    title: document.title,
    tags: [...new Set([...suite.document.tags, ...document.tags])],
    requirements: document.requirements,
    optional: document.optional,
    location: loadedCase.location,
  };
  if (document.skip !== undefined) {
    return { ...header, outcome: 'skipped', durationMs: 0, skipReason: document.skip, steps: [] };
  }
  const scope: Record<string, string> = {
    ...(context.endpoints as Record<string, string>),
    ...(context.callbacks ? { callbackUrl: context.callbacks.url } : {}),
    ...suite.document.variables,
    ...context.targetVariables,
  };
  const steps: StepResult[] = [];
  try {
    for (const [name, value] of Object.entries(document.variables ?? {})) {
      scope[name] = renderTemplate(value, scope, { key: `cases.${document.id}.variables.${name}`, location: loadedCase.location });
    }
  } catch (error) {
    const step = loadedCase.steps[0]!;
    steps.push({ id: step.document.id, kind: step.document.kind, location: step.location, outcome: 'error', durationMs: 0, attempts: 0, exchanges: [], assertions: [], captures: {}, error: serializeError(error) });
  }
  for (const step of loadedCase.steps.slice(steps.length)) {
    const previous = steps[steps.length - 1];
    if ((previous && previous.outcome !== 'passed') || context.signal.aborted) {
      steps.push({ id: step.document.id, kind: step.document.kind, location: step.location, outcome: 'skipped', durationMs: 0, attempts: 0, exchanges: [], assertions: [], captures: {} });
      continue;
    }
    const result = await runStep(step, suite, scope, context);
    Object.assign(scope, result.captures);
    steps.push(result);
  }
  const ran = steps.filter((step) => step.outcome !== 'skipped');
  return { ...header, outcome: ran.length === 0 ? 'skipped' : rollUp(ran.map((s) => s.outcome)), durationMs: Math.round(performance.now() - started), steps };
}
