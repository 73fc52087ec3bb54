import type { Issue } from '../core/issue.js';
import type { SourceLocation } from '../core/source-location.js';

/** The result of one expectation against one Exchange. */
export interface AssertionResult {
  /** `status`, `xpath`, `xsd`, … — the expectation kind. */
  kind: string;
  outcome: 'passed' | 'failed' | 'error';
  message: string;
  expected?: unknown;
  actual?: unknown;
  issues: Issue[];
  exchangeId?: string;
  source: SourceLocation;
}
