import type { RunListener } from '../run/run-events.js';
import type { Report } from '../run/report-schema.js';

/**
 * Play a finished report back to listeners as if it were running (`report` regenerating the
 * console or github output from report.json): run begin, each case's end in report order, run end.
 * No case-begin events: there is no progress to show.
 */
export function replayReport(listener: RunListener, report: Readonly<Report>): void {
  listener.onRunBegin?.({ total: report.stats.total, target: report.target.name, startedAt: report.startedAt });
  for (const suite of report.suites) {
    for (const result of suite.cases) listener.onCaseEnd?.({ id: suite.id, title: suite.title, file: suite.file }, result);
  }
  listener.onRunEnd?.(report);
}
