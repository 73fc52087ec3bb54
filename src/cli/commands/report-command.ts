import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../core/errors.js';
import { createReporters } from '../../report/reporter-registry.js';
import { ReporterMultiplexer } from '../../report/reporter-multiplexer.js';
import { stdoutScreen } from '../../report/screen.js';
import { ReportSchema, type Report } from '../../run/report-schema.js';
import { EXIT } from '../exit-codes.js';
import { printError } from './run-command.js';

/** `hie-conform report <report.json>`: regenerate projections (junit, console, …) from the canonical JSON alone. */
export async function reportCommand(file: string, flags: { reporter?: string; out?: string }): Promise<number> {
  try {
    const report = readReport(file);
    const names = (flags.reporter ?? 'console').split(',').map((n) => n.trim()).filter(Boolean);
    const mux = new ReporterMultiplexer(createReporters(names, stdoutScreen()));
    mux.onRunEnd(report);
    const out = path.resolve(flags.out ?? path.dirname(path.resolve(file)));
    const written = mux.writeArtefacts(report, out);
    for (const error of report.errors.filter((e) => e.code === 'ERR_REPORTER')) process.stderr.write(`hie-conform: ${error.message}\n`);
    if (written.length) process.stdout.write(`  wrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
    return EXIT.ok;
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
}

export function readReport(file: string): Report {
  if (!existsSync(file)) throw new HarnessError('ERR_FILE_NOT_FOUND', `report file not found: ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError('ERR_REPORT_READ', `${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HarnessError('ERR_REPORT_READ', `${file} is not a hie-conform report: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return parsed.data;
}
