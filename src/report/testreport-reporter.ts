import { createHash } from 'node:crypto';
import type { Outcome } from '../core/outcome.js';
import { formatLocation } from '../core/source-location.js';
import type { Report, StepResult, SuiteResult } from '../run/report-schema.js';
import type { Artefact, Reporter } from './reporter.js';

type ActionResult = 'pass' | 'skip' | 'fail' | 'warning' | 'error';

// The parts of FHIR R4 TestReport and Bundle this projection writes (@types/fhir here is STU3).
interface TestReportParticipant { type: 'test-engine' | 'client' | 'server'; uri: string; display?: string }
interface TestReportAction { operation?: { result: ActionResult; message?: string }; assert?: { result: ActionResult; message?: string } }
type TestReportSetupAction = TestReportAction;
type TestReportTestAction = TestReportAction;
/** FHIR R4 TestReport (the elements written by hie-conform). */
export interface TestReport {
  resourceType: 'TestReport';
  id: string;
  identifier: { system: string; value: string };
  name: string;
  status: 'completed' | 'in-progress' | 'waiting' | 'stopped' | 'entered-in-error';
  testScript: { identifier: { system: string; value: string }; display: string };
  result: 'pass' | 'fail' | 'pending';
  score: number;
  tester: string;
  issued: string;
  participant: TestReportParticipant[];
  test: { name: string; description: string; action: TestReportTestAction[] }[];
}
/** FHIR R4 Bundle of type collection. */
export interface Bundle<T> { resourceType: 'Bundle'; type: 'collection'; timestamp: string; entry: { fullUrl: string; resource: T }[] }
const ACTION_RESULT: Record<Outcome, ActionResult> = { passed: 'pass', failed: 'fail', error: 'error', skipped: 'skip' };

/**
 * FHIR R4 TestReport projection, `testreport.json`: a Bundle (type `collection`) holding one
 * TestReport per suite, so one file carries the whole run and is itself a valid FHIR resource.
 *
 * Mapping: suite → TestReport (`result` pass when the suite passed, fail when it failed or errored,
 * pending when nothing ran or the run was interrupted); participants are the test engine
 * (hie-conform) and each target endpoint base (server); the case → `test`; each step → an
 * `operation` action followed by one `assert` action per expectation. A case whose steps did not
 * run still gets one `operation` action (TestReport.test.action is 1..*) with result `skip`.
 * @see https://hl7.org/fhir/R4/testreport.html
 */
export class TestReportReporter implements Reporter {
  readonly name = 'testreport';

  artefacts(report: Readonly<Report>): Artefact[] {
    return [{ path: 'testreport.json', content: `${JSON.stringify(toTestReportBundle(report), null, 2)}\n` }];
  }
}

/** The Bundle of TestReports for a report. */
export function toTestReportBundle(report: Readonly<Report>): Bundle<TestReport> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: report.startedAt,
    entry: report.suites.map((suite) => {
      const resource = toTestReport(report, suite);
      return { fullUrl: `urn:uuid:${resource.id}`, resource };
    }),
  };
}

/** One suite as a TestReport. */
export function toTestReport(report: Readonly<Report>, suite: Readonly<SuiteResult>): TestReport {
  const ran = suite.cases.filter((c) => c.outcome !== 'skipped');
  const passed = suite.cases.filter((c) => c.outcome === 'passed').length;
  const result: TestReport['result'] =
    report.outcome === 'interrupted' || ran.length === 0 ? 'pending' : suite.outcome === 'passed' ? 'pass' : 'fail';
  const participants: TestReportParticipant[] = [
    { type: 'test-engine', uri: `urn:hie-conform:${report.tool.version}`, display: `${report.tool.name} ${report.tool.version}` },
    ...Object.entries(report.target.urls).map(([name, uri]): TestReportParticipant => ({ type: 'server', uri, display: `${report.target.name} ${name}` })),
  ];
  return {
    resourceType: 'TestReport',
    id: uuidFrom(`${report.startedAt}|${suite.id}|${suite.sha256}`),
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:hie-conform:suite:${suite.id}` },
    name: suite.title,
    status: report.outcome === 'interrupted' ? 'stopped' : 'completed',
    // The suite YAML plays TestScript's role; it is identified, not resolvable as a FHIR resource.
    testScript: { identifier: { system: 'urn:hie-conform:suite', value: suite.id }, display: `${suite.file} (sha256 ${suite.sha256})` },
    result,
    score: suite.cases.length === 0 ? 0 : Math.round((passed / suite.cases.length) * 10000) / 100,
    tester: `${report.tool.name} ${report.tool.version}`,
    issued: report.startedAt,
    participant: participants,
    test: suite.cases.map((testCase) => ({
      name: testCase.id,
      description: `${testCase.title} (${formatLocation(testCase.location)})${testCase.requirements.length ? ` requirements: ${testCase.requirements.join(', ')}` : ''}${testCase.optional ? ' [optional]' : ''}`,
      action: caseActions(testCase.steps, testCase.skipReason ?? `case ${testCase.outcome}`),
    })),
  };
}

function caseActions(steps: readonly StepResult[], skipMessage: string): TestReportTestAction[] {
  const actions: TestReportSetupAction[] = [];
  for (const step of steps) {
    const request = step.exchanges.at(-1)?.request;
    const stepMessage = step.error ? `${step.error.code}: ${step.error.message}` : `${step.title ?? step.id} ${step.outcome}${request ? `: ${request.method} ${request.url}` : ''}`;
    actions.push({ operation: { result: ACTION_RESULT[step.outcome], message: `${formatLocation(step.location)} ${stepMessage}` } });
    for (const assertion of step.assertions) {
      const detail = assertion.expected !== undefined || assertion.actual !== undefined ? ` (expected ${show(assertion.expected)}, received ${show(assertion.actual)})` : '';
      actions.push({ assert: { result: ACTION_RESULT[assertion.outcome], message: `${formatLocation(assertion.source)} ${assertion.kind}: ${assertion.message}${detail}` } });
    }
  }
  if (actions.length === 0) actions.push({ operation: { result: 'skip', message: skipMessage } });
  return actions;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A stable RFC 4122-shaped id (version nibble 5-like) so regenerated reports keep their ids. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
