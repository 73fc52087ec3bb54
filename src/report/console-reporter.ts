import { formatFailureBlock } from './console-failure-block.js';
import type { Outcome } from '../core/outcome.js';
import type { CaseResult, Report, SuiteResult } from '../run/report-schema.js';
import type { Reporter } from './reporter.js';
import type { Screen } from './screen.js';

const MARK: Record<Outcome, string> = { passed: '✓', failed: '✗', error: '!', skipped: '-' };

/**
 * Console output: on a TTY a live progress line (done/total, current case, elapsed), otherwise one
 * compact line per case; then a block per failed/errored case (title path, suite location, message,
 * expected/actual, issues) and the summary with the approval verdict.
 */
export class ConsoleReporter implements Reporter {
  readonly name = 'console';
  private total = 0;
  private done = 0;
  private started = 0;
  private readonly failures: { suite: string; result: CaseResult }[] = [];

  constructor(private readonly screen: Screen) {}

  onRunBegin(info: { total: number; target: string }): void {
    this.total = info.total;
    this.started = performance.now();
    this.screen.write(`Running ${info.total} case(s) against target ${info.target}\n`);
  }

  onCaseBegin(info: { suite: { title: string }; case: { title: string } }): void {
    if (this.screen.isTTY) this.progress(`${info.suite.title} › ${info.case.title}`);
  }

  onCaseEnd(suite: Pick<SuiteResult, 'title'>, result: CaseResult): void {
    this.done += 1;
    if (result.outcome === 'failed' || result.outcome === 'error') this.failures.push({ suite: suite.title, result });
    const c = this.screen.colors;
    const paint = { passed: c.green, failed: c.red, error: c.magenta, skipped: c.yellow }[result.outcome];
    const line = `  ${paint(MARK[result.outcome])} ${suite.title} › ${result.title}${result.optional ? c.dim(' (optional)') : ''} ${c.dim(`(${result.durationMs} ms)`)}`;
    if (this.screen.isTTY) this.screen.write('\r\u001b[2K');
    this.screen.write(`${line}\n`);
  }

  onRunEnd(report: Readonly<Report>): void {
    const c = this.screen.colors;
    if (this.screen.isTTY) this.screen.write('\r\u001b[2K');
    if (this.failures.length > 0) this.screen.write('\n');
    this.failures.forEach(({ suite, result }, index) => this.screen.write(`\n${formatFailureBlock(index + 1, suite, result, c)}`));
    for (const error of report.errors) this.screen.write(`\n  ${c.magenta('run error')} ${error.code}: ${error.message}\n`);
    const s = report.stats;
    this.screen.write(`\n  ${c.green(`${s.passed} passed`)}, ${c.red(`${s.failed} failed`)}, ${c.magenta(`${s.error} error`)}, ${c.yellow(`${s.skipped} skipped`)} (${s.total} cases, ${(report.durationMs / 1000).toFixed(2)} s)\n`);
    const verdict = report.approval.verdict === 'approved' ? c.green.bold('APPROVED') : c.red.bold('NOT APPROVED');
    this.screen.write(`  verdict: ${verdict}${report.approval.blocking.length ? ` — blocking requirements: ${report.approval.blocking.join(', ')}` : ''}${report.outcome === 'interrupted' ? ' (run interrupted)' : ''}\n`);
  }

  private progress(current: string): void {
    const elapsed = ((performance.now() - this.started) / 1000).toFixed(1);
    this.screen.write(`\r\u001b[2K  [${this.done}/${this.total}] ${elapsed}s ${current}`.slice(0, 200));
  }
}

