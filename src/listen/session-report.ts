import { emptyStats, rollUp, type Outcome } from '../core/outcome.js';
import type { SerializedError } from '../core/errors.js';
import type { SourceLocation } from '../core/source-location.js';
import { computeApproval } from '../run/approval.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type Report, type StepResult, type SuiteResult } from '../run/report-schema.js';
import type { Exchange } from '../transport/exchange.js';
import type { JudgedRequest } from './judged-request.js';
import type { ListenSession } from './listen-session.js';

/**
 * How the session ended. `complete`: every required expectation met (`--until-complete`);
 * `timeout`: `--timeout` elapsed; `stopped`: SIGINT/SIGTERM without `--until-complete` (the normal
 * way to end an open session); `interrupted`: SIGINT/SIGTERM while `--until-complete` was waiting.
 */
export type SessionEnd = { reason: 'complete' | 'timeout' | 'stopped' | 'interrupted'; timeoutMs: number };

/** The synthetic suite holding requests no expectation asked for. */
export const SESSION_SUITE_ID = 'listen-session';
export const UNEXPECTED_CASE_ID = 'unexpected-requests';
export const SUPPORT_CASE_ID = 'supporting-requests';
export const DELIVERIES_CASE_ID = 'registry-deliveries';
const SESSION_LOCATION: SourceLocation = { file: '(listen session)', line: 1, column: 1 };

export interface SessionReportInput {
  session: ListenSession;
  end: SessionEnd;
  tool: Report['tool'];
  target: Report['target'];
  startedAt: Date;
  durationMs: number;
  errors?: SerializedError[];
}

/**
 * The session as the canonical Report (the same shape `run` writes): one suite per client suite,
 * one case per expectation, one step per matching incoming request (its Exchange has
 * `direction: 'incoming'`), plus a `listen-session` suite for requests no expectation asked for.
 *
 * Outcomes: an expectation `passed` when `count` matching requests passed their checks; else
 * `failed` — including when none arrived before the session ended: the harness was listening and
 * reachable, so "the partner never sent it" is the partner's non-conformance, not a broken harness
 * (DESIGN.md's "a timeout is never failed" is about a request that got no answer). Only an
 * interrupted `--until-complete` (the user gave up waiting) leaves unmet, untried expectations
 * `skipped`. Invalid attempts stay in the report as failed steps even when a later request met the
 * expectation. Every request no expectation matched is a failed step of `unexpected-requests`.
 */
export function sessionReport(input: SessionReportInput): Report {
  const { session, end } = input;
  const progress = session.progress();
  const suites: SuiteResult[] = session.suites.map((suite) => {
    const cases = progress.filter((p) => p.suite === suite).map((p): CaseResult => {
      const document = p.expectation.document;
      const steps: StepResult[] = session.judged.flatMap((judged) => {
        const match = judged.matches.get(p.key);
        return match ? [requestStep(judged, match.outcome, match.assertions, p.expectation.requestLocation)] : [];
      });
      let outcome: Outcome;
      let skipReason: string | undefined;
      if (p.met) outcome = 'passed';
      else if (end.reason === 'interrupted' && p.bad === 0) {
        outcome = 'skipped';
        skipReason = 'the session was interrupted before a matching request arrived';
      } else {
        outcome = 'failed';
        steps.push(missingStep(p.expectation.document.request.kind, p.good, document.count, p.bad, end, p.expectation.requestLocation));
      }
      return {
        id: document.id,
        title: document.title,
        tags: [...new Set([...suite.document.tags, ...document.tags])],
        requirements: document.requirements,
        optional: document.optional,
        location: p.expectation.location,
        outcome,
        durationMs: steps.reduce((sum, s) => sum + s.durationMs, 0),
        ...(skipReason ? { skipReason } : {}),
        steps,
      };
    });
    return { id: suite.document.id, title: suite.document.title, file: suite.file, sha256: suite.sha256, location: suite.location, outcome: rollUp(cases.map((c) => c.outcome)), durationMs: cases.reduce((s, c) => s + c.durationMs, 0), cases };
  });
  suites.push(sessionSuite(session.judged, session.deliveries));
  const stats = { ...emptyStats(), total: 0 };
  for (const suite of suites) for (const c of suite.cases) {
    stats[c.outcome] += 1;
    stats.total += 1;
  }
  const errors = input.errors ?? [];
  const interrupted = end.reason === 'interrupted';
  const evidence = new Map<string, string>();
  for (const judged of session.judged) for (const file of judged.verdict.evidence) evidence.set(file.path, file.sha256);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    outcome: interrupted ? 'interrupted' : errors.length > 0 ? 'error' : rollUp(suites.map((s) => s.outcome)),
    suites,
    errors,
    stats,
    evidence: {
      suites: session.suites.map((s) => ({ id: s.document.id, file: s.file, sha256: s.sha256 })),
      files: [...evidence.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, sha256]) => ({ path, sha256 })),
    },
    approval: computeApproval(suites, errors.length, interrupted),
  };
}

function requestStep(judged: JudgedRequest, outcome: StepResult['outcome'], assertions: StepResult['assertions'], location: SourceLocation): StepResult {
  const stepId = `request-${judged.sequence}`;
  return {
    id: stepId,
    title: judged.request.label,
    kind: judged.request.kind === 'fhir' ? 'fhir' : 'soap',
    location,
    outcome,
    durationMs: judged.exchange.durationMs,
    attempts: 1,
    exchanges: [withStep(judged.exchange, stepId)],
    assertions,
    captures: {},
  };
}

function missingStep(kind: 'soap' | 'fhir', good: number, count: number, bad: number, end: SessionEnd, location: SourceLocation): StepResult {
  const why = end.reason === 'timeout' ? `before the session timed out (--timeout ${end.timeoutMs} ms)` : end.reason === 'interrupted' ? 'before the session was interrupted' : 'before the session ended';
  const tried = bad > 0 ? `; ${bad} matching request(s) arrived but did not pass (see the steps above)` : '';
  return {
    id: 'awaited-request',
    title: 'a matching request that passes',
    kind,
    location,
    outcome: 'failed',
    durationMs: 0,
    attempts: 0,
    exchanges: [],
    assertions: [{ kind: 'request', outcome: 'failed', message: `Unexpected session: expected ${count} matching request(s) that pass, but received ${good} ${why}${tried}`, expected: count, actual: good, issues: [], source: location }],
    captures: {},
  };
}

/** Requests no expectation matched: stray ones fail (with their issues); token/WSDL fetches are recorded and pass. */
function sessionSuite(judged: readonly JudgedRequest[], deliveries: readonly Exchange[]): SuiteResult {
  const unmatched = judged.filter((j) => j.matches.size === 0);
  const stray = unmatched.filter((j) => j.request.kind !== 'support').map((j): StepResult => {
    const step = requestStep(j, 'failed', [], SESSION_LOCATION);
    step.assertions = [{
      kind: 'request',
      outcome: 'failed',
      message: `Unexpected request: expected only requests the client suites ask for, but received ${j.request.label}${j.valid ? '' : ` (also invalid: ${j.verdict.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length} error(s))`}`,
      issues: j.verdict.issues,
      exchangeId: j.exchange.id,
      source: SESSION_LOCATION,
    }];
    return step;
  });
  const support = unmatched.filter((j) => j.request.kind === 'support').map((j): StepResult => {
    const step = requestStep(j, 'passed', [], SESSION_LOCATION);
    step.assertions = [{ kind: 'request', outcome: 'passed', message: `supporting request (token, WSDL): ${j.request.label}`, issues: [], exchangeId: j.exchange.id, source: SESSION_LOCATION }];
    return step;
  });
  const header = { tags: ['listen'], requirements: [] as string[], location: SESSION_LOCATION };
  const cases: CaseResult[] = [
    { ...header, id: UNEXPECTED_CASE_ID, title: 'Requests no expectation asked for', optional: false, outcome: stray.length > 0 ? 'failed' : 'passed', durationMs: 0, steps: stray },
  ];
  if (deliveries.length > 0) {
    // Recorded for evidence (DESIGN.md principle 4); whether the partner's receiver answers them
    // correctly is what the receiver suites judge, so they pass here.
    const steps = deliveries.map((exchange, index): StepResult => ({
      id: `delivery-${index + 1}`,
      title: `${exchange.request.method} ${exchange.request.url}`,
      kind: exchange.protocol === 'fhir' ? 'fhir' : 'soap',
      location: SESSION_LOCATION,
      outcome: 'passed',
      durationMs: exchange.durationMs,
      attempts: 1,
      exchanges: [withStep(exchange, `delivery-${index + 1}`)],
      assertions: [{ kind: 'delivery', outcome: 'passed', message: `registry delivery to the partner: ${exchange.request.method} ${exchange.request.url} → ${exchange.response ? `HTTP ${exchange.response.status}` : exchange.failure ? `${exchange.failure.code}: ${exchange.failure.message}` : 'no answer'}`, issues: [], exchangeId: exchange.id, source: SESSION_LOCATION }],
      captures: {},
    }));
    cases.push({ ...header, id: DELIVERIES_CASE_ID, title: 'Registry deliveries to the partner (async results, distributions)', optional: true, outcome: 'passed', durationMs: 0, steps });
  }
  if (support.length > 0) cases.push({ ...header, id: SUPPORT_CASE_ID, title: 'Supporting requests (OAuth token, WSDL)', optional: true, outcome: 'passed', durationMs: 0, steps: support });
  return { id: SESSION_SUITE_ID, title: 'Listen session', file: SESSION_LOCATION.file, sha256: '', location: SESSION_LOCATION, outcome: rollUp(cases.map((c) => c.outcome)), durationMs: 0, cases };
}

function withStep(exchange: Exchange, stepId: string): Exchange {
  return { ...exchange, stepId };
}
