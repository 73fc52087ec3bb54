import { REPORT_SCHEMA_VERSION, type DqSection, type Report } from '../run/report-schema.js';

/**
 * The canonical report of a dq run: no suites, zero stats, outcome and approval from the DQ
 * verdict, input files as evidence — so every projection (JSON, HTML, merge) handles it unchanged.
 */
export function buildDqReport(input: { section: DqSection; evidence: { path: string; sha256: string }[]; tool: { name: string; version: string }; startedAt: string; durationMs: number }): Report {
  const { section } = input;
  const reasons: string[] = [];
  if (section.rows === 0) reasons.push('dq: no records were read');
  if (section.errorRate > section.thresholds.maxErrorRate) reasons.push(`dq: error rate ${(section.errorRate * 100).toFixed(2)} % is above the maximum ${(section.thresholds.maxErrorRate * 100).toFixed(2)} %`);
  if (section.score < section.thresholds.minScore) reasons.push(`dq: score ${section.score} is below the minimum ${section.thresholds.minScore}`);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    target: { name: 'dq', kind: 'embedded', urls: {}, variables: {} },
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    outcome: section.passed ? 'passed' : 'failed',
    suites: [],
    errors: [],
    stats: { passed: 0, failed: 0, error: 0, skipped: 0, total: 0 },
    evidence: { suites: [], files: input.evidence },
    approval: { verdict: section.passed ? 'approved' : 'not-approved', blocking: section.passed ? [] : ['data-quality'], reasons },
    dq: section,
  };
}
