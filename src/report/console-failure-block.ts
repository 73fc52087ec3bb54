import type { ChalkInstance } from 'chalk';
import type { Issue } from '../core/issue.js';
import { formatLocation } from '../core/source-location.js';
import type { CaseResult } from '../run/report-schema.js';

const MAX_ISSUES = 5;

/**
 * The console block for one failed or errored case (Playwright/Mocha style): number and
 * `suite › case` title path with the outcome, the case location, then per problem the
 * `suite › case › step` path, the expectation's suite location, the message, an expected/received
 * diff when both are known, the validator issues, and the exchange id to look up in report.json/html.
 */
export function formatFailureBlock(index: number, suiteTitle: string, result: Readonly<CaseResult>, c: ChalkInstance): string {
  const paint = result.outcome === 'error' ? c.magenta : c.red;
  const lines = [`  ${index}) ${suiteTitle} › ${result.title} ${paint(`[${result.outcome}]`)}${result.optional ? c.dim(' (optional)') : ''}`, `     ${c.dim(formatLocation(result.location))}`];
  for (const step of result.steps) {
    const title = `${suiteTitle} › ${result.title} › ${step.title ?? step.id}`;
    const problems = step.assertions.filter((a) => a.outcome !== 'passed');
    if (step.error && problems.every((a) => a.outcome === 'error')) {
      lines.push('', `     ${c.bold(title)}`, `     ${c.dim(formatLocation(step.error.location ?? step.location))}`, `     ${c.magenta(`${step.error.code}: ${step.error.message}`)}`);
      continue;
    }
    for (const assertion of problems) {
      lines.push('', `     ${c.bold(title)} ${c.dim(`› ${assertion.kind}`)}`, `     ${c.dim(formatLocation(assertion.source))}`);
      lines.push(...indent(assertion.message, 5).map((line) => (assertion.outcome === 'failed' ? c.red(line) : c.magenta(line))));
      if (assertion.expected !== undefined || assertion.actual !== undefined) {
        lines.push(`       ${c.green(`- expected: ${show(assertion.expected)}`)}`, `       ${c.red(`+ received: ${show(assertion.actual)}`)}`);
      }
      const serious = assertion.issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
      for (const issue of serious.slice(0, MAX_ISSUES)) lines.push(`       ${c.yellow('•')} ${formatIssue(issue)}`);
      if (serious.length > MAX_ISSUES) lines.push(`       ${c.dim(`… and ${serious.length - MAX_ISSUES} more issue(s) in the report`)}`);
      if (assertion.exchangeId) lines.push(`       ${c.dim(`exchange ${assertion.exchangeId}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `<severity> <message> (<path>) at response:<line>:<col>` — the house form for a validator issue. */
export function formatIssue(issue: Readonly<Issue>): string {
  const where = issue.line ? ` at response:${issue.line}${issue.column ? `:${issue.column}` : ''}` : '';
  return `${issue.severity} ${issue.code}: ${issue.message}${issue.path ? ` (${issue.path})` : ''}${where}`;
}

function indent(text: string, spaces: number): string[] {
  return text.split('\n').map((line) => `${' '.repeat(spaces)}${line}`);
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
