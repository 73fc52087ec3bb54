import { emptyStats, rollUp } from '../core/outcome.js';
import { serializeError, type SerializedError } from '../core/errors.js';
import type { LoadedCase, LoadedSuite } from '../suite/suite-model.js';
import { computeApproval } from './approval.js';
import { runPool } from './pool.js';
import type { RunContext } from './run-context.js';
import type { RunListener } from './run-events.js';
import { runCase } from './run-case.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type Report } from './report-schema.js';

export interface RunSuitesInput {
  selection: { suite: LoadedSuite; cases: LoadedCase[] }[];
  context: RunContext;
  workers: number;
  tool: Report['tool'];
  target: Report['target'];
  listener?: RunListener;
  /** Errors found before the run (e.g. a suite that failed to load) that belong in the report. */
  errors?: SerializedError[];
}

/** Run the selected cases (up to `workers` at once) and assemble the canonical report. */
export async function runSuites(input: RunSuitesInput): Promise<Report> {
  const startedAt = new Date();
  const started = performance.now();
  const { selection, context, listener } = input;
  const errors: SerializedError[] = [...(input.errors ?? [])];
  const total = selection.reduce((sum, s) => sum + s.cases.length, 0);
  safe(() => listener?.onRunBegin?.({ total, target: input.target.name, startedAt: startedAt.toISOString() }), errors);
  const tasks = selection.flatMap(({ suite, cases }) =>
    cases.map((loadedCase) => async (): Promise<CaseResult> => {
      safe(() => listener?.onCaseBegin?.({ suite: { id: suite.document.id, title: suite.document.title }, case: { id: loadedCase.document.id, title: loadedCase.document.title } }), errors);
      let result: CaseResult;
      try {
        result = await runCase(loadedCase, suite, context);
      } catch (error) {
        // A bug in the harness itself: record it on the case, keep running the others.
        result = { id: loadedCase.document.id, title: loadedCase.document.title, tags: loadedCase.document.tags, requirements: loadedCase.document.requirements, optional: loadedCase.document.optional, location: loadedCase.location, outcome: 'error', durationMs: 0, steps: [] };
        errors.push(serializeError(error));
      }
      safe(() => listener?.onCaseEnd?.({ id: suite.document.id, title: suite.document.title, file: suite.file }, result), errors);
      return result;
    }),
  );
  const results = await runPool(tasks, input.workers);
  let index = 0;
  const suites: Report['suites'] = selection.map(({ suite, cases }) => {
    const caseResults = cases.map(() => results[index++]!);
    return {
      id: suite.document.id,
      title: suite.document.title,
      file: suite.file,
      sha256: suite.sha256,
      location: suite.location,
      outcome: rollUp(caseResults.map((c) => c.outcome)),
      durationMs: caseResults.reduce((sum, c) => sum + c.durationMs, 0),
      cases: caseResults,
    };
  });
  const stats = { ...emptyStats(), total: 0 };
  for (const result of results) {
    stats[result.outcome] += 1;
    stats.total += 1;
  }
  const interrupted = context.signal.aborted;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    target: input.target,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    outcome: interrupted ? 'interrupted' : errors.length > 0 ? 'error' : rollUp(suites.map((s) => s.outcome)),
    suites,
    errors,
    stats,
    evidence: {
      suites: selection.map(({ suite }) => ({ id: suite.document.id, file: suite.file, sha256: suite.sha256 })),
      files: collectFileEvidence(context.evidence, results),
    },
    approval: computeApproval(suites, errors.length, interrupted),
  };
  safe(() => listener?.onRunEnd?.(report), errors);
  return report;
}

/** Body files read by steps plus every schema/profile a validator reported using, one entry per path. */
function collectFileEvidence(bodies: ReadonlyMap<string, string>, results: readonly CaseResult[]): Report['evidence']['files'] {
  const files = new Map(bodies);
  for (const result of results) {
    for (const step of result.steps) {
      for (const assertion of step.assertions) for (const file of assertion.evidence ?? []) files.set(file.path, file.sha256);
    }
  }
  return [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, sha256]) => ({ path, sha256 }));
}

function safe(action: () => void, errors: SerializedError[]): void {
  try {
    action();
  } catch (error) {
    errors.push({ ...serializeError(error), code: 'ERR_REPORTER' });
  }
}
