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
  /** sha256 of the schemas/profiles a validator used (xsd, rule, fhir-profile), for report evidence. */
  evidence?: { path: string; sha256: string }[];
}
