import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../config/package-root.js';
import { HarnessError } from '../../core/errors.js';
import { mergeReports } from '../../report/merge-reports.js';
import { createReporters } from '../../report/reporter-registry.js';
import { ReporterMultiplexer } from '../../report/reporter-multiplexer.js';
import { replayReport } from '../../report/replay-report.js';
import { loadVerifyKey } from '../../report/report-signature.js';
import { stdoutScreen } from '../../report/screen.js';
import { verifyReport } from '../../report/verify-report.js';
import { ReportSchema, type Report } from '../../run/report-schema.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../print-error.js';

export interface ReportFlags {
  reporter?: string;
  out?: string;
  verify?: boolean;
  pub?: string;
  merge?: string[];
  color?: boolean;
}

/**
 * `hie-conform report`: regenerate projections (html, junit, testreport, console, github, …) from
 * a canonical report.json alone; `--verify --pub key.pem` checks its signature and re-hashes the
 * evidence files still on disk (exit 0 intact, 1 tampered); `--merge shard-*.json` joins the
 * reports of `run --shard i/n` into one report and one verdict (exit as `run`).
 */
export async function reportCommand(file: string | undefined, flags: ReportFlags): Promise<number> {
  try {
    if (flags.merge?.length) return mergeCommand([...(file ? [file] : []), ...flags.merge], flags);
    if (!file) throw new HarnessError('ERR_USAGE', 'report needs a report.json (or --merge <shard reports...>)');
    if (flags.verify || flags.pub) return verifyCommand(file, flags);
    const report = readReport(file);
    const names = (flags.reporter ?? 'console').split(',').map((n) => n.trim()).filter(Boolean);
    writeProjections(report, names, path.resolve(flags.out ?? path.dirname(path.resolve(file))), flags);
    return EXIT.ok;
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
}

function mergeCommand(files: string[], flags: ReportFlags): number {
  const reports = files.map(readReport);
  const merged = mergeReports(reports);
  const names = [...new Set([...(flags.reporter ?? 'console').split(',').map((n) => n.trim()).filter(Boolean), 'json'])];
  writeProjections(merged, names, path.resolve(flags.out ?? 'reports'), flags);
  if (merged.outcome === 'interrupted') return EXIT.interrupted;
  const requiredProblem = merged.suites.some((s) => s.cases.some((c) => !c.optional && (c.outcome === 'failed' || c.outcome === 'error')));
  return merged.errors.length > 0 || requiredProblem ? EXIT.failed : EXIT.ok;
}

function verifyCommand(file: string, flags: ReportFlags): number {
  if (!flags.verify || !flags.pub) throw new HarnessError('ERR_USAGE', '--verify needs --pub <public-key.pem> (the key to trust), and --pub needs --verify');
  const publicKey = loadVerifyKey(path.resolve(flags.pub));
  const json = readJson(file) as Record<string, unknown>;
  const reportDir = path.dirname(path.resolve(file));
  // Evidence paths are relative to the run's working folder (suites, bodies) or to fixtures/.
  const roots = [process.cwd(), path.dirname(reportDir), reportDir, packageRoot(), path.join(packageRoot(), 'fixtures'), path.join(packageRoot(), 'fixtures', 'schemas')];
  const result = verifyReport(json, publicKey, roots);
  const out: string[] = [`${file}: signature ${result.signature.ok ? 'ok (Ed25519)' : `INVALID: ${result.signature.problem}`}`];
  for (const check of result.files) {
    if (check.status === 'changed') out.push(`  changed   ${check.path} (${check.kind}): sha256 was ${check.expected}, is now ${check.actual}`);
    else if (check.status === 'not-found') out.push(`  not found ${check.path} (${check.kind}): not re-hashed`);
  }
  const same = result.files.filter((f) => f.status === 'same').length;
  out.push(`  ${same} of ${result.files.length} evidence file(s) re-hashed and unchanged${result.files.some((f) => f.status === 'changed') ? `, ${result.files.filter((f) => f.status === 'changed').length} changed` : ''}`);
  out.push(result.ok ? 'verified: the report is signed by the given key and its evidence is unchanged' : 'NOT VERIFIED: the report or its evidence was tampered with');
  (result.ok ? process.stdout : process.stderr).write(`${out.join('\n')}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}

function writeProjections(report: Report, names: string[], out: string, flags: ReportFlags): void {
  const mux = new ReporterMultiplexer(createReporters(names, stdoutScreen({ color: flags.color })));
  replayReport(mux, report);
  const written = mux.writeArtefacts(report, out);
  for (const error of [...report.errors, ...mux.errors].filter((e) => e.code === 'ERR_REPORTER')) process.stderr.write(`hie-conform: ${error.message}\n`);
  if (written.length) process.stdout.write(`  wrote ${written.map((f) => path.relative(process.cwd(), f) || f).join(', ')}\n`);
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new HarnessError('ERR_FILE_NOT_FOUND', `report file not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError('ERR_REPORT_READ', `${file} is not JSON: ${(error as Error).message}`);
  }
}

/** Read and validate a canonical report.json. */
export function readReport(file: string): Report {
  const parsed = ReportSchema.safeParse(readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HarnessError('ERR_REPORT_READ', `${file} is not a hie-conform report: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return parsed.data;
}
