import { rollUp } from '../core/outcome.js';
import { HarnessError, type SerializedError } from '../core/errors.js';
import { computeApproval } from '../run/approval.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type Report, type SuiteResult } from '../run/report-schema.js';

/**
 * Merge the reports of `run --shard i/n` into one report with one verdict (`report --merge`).
 * Suites with the same id are joined and their cases put back in suite-file order; stats, outcome
 * and approval are recomputed from the merged cases. A shard missing from a complete `i/n` set, or
 * evidence hashes that disagree between shards, become run-level errors, so such a merge is never
 * approved. Signatures are dropped (the merge is a new document; sign shards individually).
 */
export function mergeReports(reports: readonly Readonly<Report>[]): Report {
  if (reports.length === 0) throw new HarnessError('ERR_USAGE', 'report --merge needs at least one report');
  const errors: SerializedError[] = reports.flatMap((r) => r.errors);
  const targets = new Set(reports.map((r) => r.target.name));
  if (targets.size > 1) throw new HarnessError('ERR_USAGE', `report --merge: the reports are of different targets (${[...targets].join(', ')}); merge only shards of one run`);

  const suites = new Map<string, { suite: SuiteResult; cases: Map<string, CaseResult> }>();
  for (const report of reports) {
    for (const suite of report.suites) {
      const entry = suites.get(suite.id) ?? { suite, cases: new Map<string, CaseResult>() };
      if (entry.suite.sha256 !== suite.sha256) errors.push({ code: 'ERR_REPORT_READ', message: `suite ${suite.id} (${suite.file}) has different sha256 in the merged reports; the shards ran different versions of it` });
      for (const result of suite.cases) {
        if (entry.cases.has(result.id)) throw new HarnessError('ERR_USAGE', `report --merge: case ${suite.id}/${result.id} is in more than one report; the shards overlap`);
        entry.cases.set(result.id, result);
      }
      suites.set(suite.id, entry);
    }
  }
  const mergedSuites: SuiteResult[] = [...suites.values()]
    .sort((a, b) => a.suite.file.localeCompare(b.suite.file) || a.suite.id.localeCompare(b.suite.id))
    .map(({ suite, cases }) => {
      const ordered = [...cases.values()].sort((a, b) => a.location.line - b.location.line);
      return { ...suite, cases: ordered, outcome: rollUp(ordered.map((c) => c.outcome)), durationMs: ordered.reduce((sum, c) => sum + c.durationMs, 0) };
    });

  const shards = reports.map((r) => r.shard).filter((s): s is NonNullable<Report['shard']> => s !== undefined);
  const total = shards[0]?.total;
  if (total !== undefined) {
    const seen = new Set(shards.filter((s) => s.total === total).map((s) => s.index));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0) errors.push({ code: 'ERR_USAGE', message: `report --merge: shard(s) ${missing.map((i) => `${i}/${total}`).join(', ')} missing; the merged verdict covers only part of the run` });
    if (shards.some((s) => s.total !== total)) errors.push({ code: 'ERR_USAGE', message: `report --merge: the reports come from different shard counts (${[...new Set(shards.map((s) => s.total))].join(', ')})` });
  }

  const evidence = { suites: new Map<string, Report['evidence']['suites'][number]>(), files: new Map<string, string>() };
  for (const report of reports) {
    for (const s of report.evidence.suites) evidence.suites.set(s.id, s);
    for (const f of report.evidence.files) {
      const known = evidence.files.get(f.path);
      if (known !== undefined && known !== f.sha256) errors.push({ code: 'ERR_REPORT_READ', message: `evidence file ${f.path} has different sha256 in the merged reports` });
      evidence.files.set(f.path, f.sha256);
    }
  }

  const cases = mergedSuites.flatMap((s) => s.cases);
  const stats = { passed: 0, failed: 0, error: 0, skipped: 0, total: cases.length };
  for (const result of cases) stats[result.outcome] += 1;
  const starts = reports.map((r) => Date.parse(r.startedAt));
  const ends = reports.map((r) => Date.parse(r.startedAt) + r.durationMs);
  const startedAt = Math.min(...starts);
  const interrupted = reports.some((r) => r.outcome === 'interrupted');
  const first = reports[0]!;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: first.tool,
    target: first.target,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.max(...ends) - startedAt,
    outcome: interrupted ? 'interrupted' : errors.length > 0 ? 'error' : rollUp(mergedSuites.map((s) => s.outcome)),
    suites: mergedSuites,
    errors,
    stats,
    evidence: {
      suites: [...evidence.suites.values()].sort((a, b) => a.file.localeCompare(b.file)),
      files: [...evidence.files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, sha256]) => ({ path, sha256 })),
    },
    approval: computeApproval(mergedSuites, errors.length, interrupted),
    mergedFrom: reports.map((r) => ({ startedAt: r.startedAt, ...(r.shard ? { shard: r.shard } : {}), cases: r.stats.total })),
  };
}
