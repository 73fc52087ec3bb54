import type { CaseResult, Report, SuiteResult } from './report-schema.js';

/** What reporters hear while a run goes on. All hooks optional; each gets read-only data. */
export interface RunListener {
  /** Once, before the first case; `total` is the number of selected cases. */
  onRunBegin?(info: { total: number; target: string; startedAt: string }): void;
  /** A case is about to start. */
  onCaseBegin?(info: { suite: { id: string; title: string }; case: { id: string; title: string } }): void;
  /** A case finished (its steps, exchanges and assertions are final). */
  onCaseEnd?(suite: Readonly<Pick<SuiteResult, 'id' | 'title' | 'file'>>, result: Readonly<CaseResult>): void;
  /** Once, with the complete report. */
  onRunEnd?(report: Readonly<Report>): void;
}
