import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../core/errors.js';
import { buildDqReport } from '../../dq/dq-report.js';
import { loadDqMapping, type DqMapping } from '../../dq/dq-mapping.js';
import { DEFAULT_THRESHOLDS } from '../../dq/dq-score.js';
import { FindingsCsv } from '../../dq/findings-csv.js';
import { runDq } from '../../dq/run-dq.js';
import { writeAtomic } from '../../report/write-atomic.js';
import { ReportSchema } from '../../run/report-schema.js';
import { EXIT } from '../exit-codes.js';
import { toolInfo } from '../tool-info.js';
import { printError } from '../print-error.js';

export interface DqFlags {
  kind?: string;
  map?: string;
  out?: string;
  maskPhi?: boolean;
  maxErrorRate?: string;
  minScore?: string;
  maxFindings?: string;
  debug?: boolean;
}

/**
 * `hie-conform dq <files...>`: data-quality checks of client (HCIM) or provider (PLR) extracts.
 * Writes reports/report.json (with the `dq` section) and reports/dq-findings.csv; exit 0 when the
 * thresholds are met, 1 when not, 2 for usage problems.
 */
export async function dqCommand(files: string[], flags: DqFlags): Promise<number> {
  const started = Date.now();
  try {
    if (flags.kind !== undefined && flags.kind !== 'client' && flags.kind !== 'provider') throw new HarnessError('ERR_USAGE', `--kind must be client or provider, but received "${flags.kind}"`);
    for (const file of files) if (!existsSync(file) || !statSync(file).isFile()) throw new HarnessError('ERR_FILE_NOT_FOUND', `file not found: ${file}`);
    const mapping: DqMapping = flags.map ? loadDqMapping(flags.map) : { columns: {}, thresholds: {}, codes: {} };
    const thresholds = {
      maxErrorRate: flags.maxErrorRate !== undefined ? parseRate(flags.maxErrorRate) : (mapping.thresholds.maxErrorRate ?? DEFAULT_THRESHOLDS.maxErrorRate),
      minScore: flags.minScore !== undefined ? parseNumber('--min-score', flags.minScore, 0, 100) : (mapping.thresholds.minScore ?? DEFAULT_THRESHOLDS.minScore),
    };
    const maxFindings = flags.maxFindings !== undefined ? parseNumber('--max-findings', flags.maxFindings, 0, 10_000_000) : 10_000;
    const out = path.resolve(flags.out ?? 'reports');
    const csv = new FindingsCsv(path.join(out, 'dq-findings.csv'));
    const { section, evidence } = await runDq({ files, ...(flags.kind ? { kind: flags.kind as 'client' | 'provider' } : {}), mapping, maskPhi: flags.maskPhi ?? false, thresholds, maxFindings, findingsCsv: csv, ...(process.env.HIE_DQ_TODAY ? { today: new Date(process.env.HIE_DQ_TODAY) } : {}) });
    csv.close();
    section.findingsCsv = 'dq-findings.csv';
    const report = ReportSchema.parse(buildDqReport({ section, evidence, tool: toolInfo(), startedAt: new Date(started).toISOString(), durationMs: Date.now() - started }));
    writeAtomic(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    printSummary(section, out);
    if (flags.debug || process.env.HIE_DQ_STATS) {
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`dq-stats rows=${section.rows} seconds=${seconds.toFixed(2)} rowsPerSecond=${Math.round(section.rows / seconds)} rssMB=${(process.memoryUsage().rss / 1048576).toFixed(0)} peakRssMB=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`);
    }
    return section.passed ? EXIT.ok : EXIT.failed;
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
}

function printSummary(section: import('../../run/report-schema.js').DqSection, out: string): void {
  const lines = [
    `dq ${section.kind}: ${section.rows} rows in ${section.files.length} file(s); ${section.rowsWithErrors} with errors, ${section.rowsWithWarnings} with warnings only`,
    ...section.checks.filter((c) => c.count > 0).map((c) => `  ${String(c.count).padStart(8)}  ${c.severity.padEnd(11)} ${c.rule}`),
    `score ${section.score} (min ${section.thresholds.minScore}), error rate ${(section.errorRate * 100).toFixed(2)} % (max ${(section.thresholds.maxErrorRate * 100).toFixed(2)} %): ${section.passed ? 'PASSED' : 'FAILED'}`,
    `  reports: ${path.relative(process.cwd(), path.join(out, 'report.json'))}, ${path.relative(process.cwd(), path.join(out, 'dq-findings.csv'))}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `0.02`, `2%` → 0.02. */
function parseRate(text: string): number {
  const percent = text.trim().endsWith('%');
  const value = Number(percent ? text.trim().slice(0, -1) : text);
  const rate = percent ? value / 100 : value;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new HarnessError('ERR_USAGE', `--max-error-rate must be a fraction 0-1 or a percentage (0.01, 1%), but received "${text}"`);
  return rate;
}

function parseNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new HarnessError('ERR_USAGE', `${flag} must be a number ${min}-${max}, but received "${text}"`);
  return value;
}
