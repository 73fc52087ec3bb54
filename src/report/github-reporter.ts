import type { CaseResult, Report } from '../run/report-schema.js';
import type { Reporter } from './reporter.js';
import type { Screen } from './screen.js';

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` per failed
 * or errored assertion (and per step error), pointing at the suite line so the annotation lands on
 * the YAML in the pull request. Failures of optional cases are `::warning`. Printed on stdout, where
 * the Actions runner reads workflow commands.
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
export class GithubReporter implements Reporter {
  readonly name = 'github';

  constructor(private readonly screen: Screen) {}

  onRunEnd(report: Readonly<Report>): void {
    this.screen.write(githubAnnotations(report).join(''));
  }
}

/** The workflow command lines (each ending in a newline) for a report. */
export function githubAnnotations(report: Readonly<Report>): string[] {
  const lines: string[] = [];
  for (const suite of report.suites) {
    for (const result of suite.cases) {
      if (result.outcome !== 'failed' && result.outcome !== 'error') continue;
      for (const problem of caseProblems(result)) {
        const command = result.optional ? 'warning' : 'error';
        const title = `${suite.title} › ${result.title} › ${problem.step} [${problem.outcome}]`;
        const props = `file=${property(problem.file)},line=${problem.line},col=${problem.column},title=${property(title)}`;
        lines.push(`::${command} ${props}::${data(problem.message)}\n`);
      }
    }
  }
  for (const error of report.errors) {
    const where = error.location ? ` file=${property(error.location.file)},line=${error.location.line},col=${error.location.column},` : ' ';
    lines.push(`::error${where}title=${property(`hie-conform ${error.code}`)}::${data(error.message)}\n`);
  }
  return lines;
}

function caseProblems(result: CaseResult) {
  const problems: { step: string; outcome: string; message: string; file: string; line: number; column: number }[] = [];
  for (const step of result.steps) {
    const failing = step.assertions.filter((a) => a.outcome !== 'passed');
    for (const assertion of failing) {
      const diff = assertion.expected !== undefined || assertion.actual !== undefined ? `\nexpected: ${show(assertion.expected)}\nreceived: ${show(assertion.actual)}` : '';
      problems.push({ step: step.id, outcome: assertion.outcome, message: `${assertion.message}${diff}`, ...assertion.source });
    }
    if (step.error && failing.length === 0) problems.push({ step: step.id, outcome: 'error', message: `${step.error.code}: ${step.error.message}`, ...(step.error.location ?? step.location) });
  }
  if (problems.length === 0) problems.push({ step: '(case)', outcome: result.outcome, message: `case ${result.id} is ${result.outcome}`, ...result.location });
  return problems;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Escaping rules of the runner's command parser (actions/toolkit core/src/command.ts).
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
