import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { DqFinding } from '../run/report-schema.js';

const COLUMNS = ['file', 'row', 'field', 'value', 'rule', 'severity', 'message', 'related_file', 'related_row'] as const;
const FLUSH_CHARS = 1 << 20;

/**
 * `dq-findings.csv`, written as findings arrive (a million-row input can have a million findings;
 * they never sit in memory) to a temp file renamed into place on close, like every report artefact.
 */
export class FindingsCsv {
  private readonly fd: number;
  private readonly temp: string;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.temp, 'w');
    this.push(`${COLUMNS.join(',')}\r\n`);
  }

  write(finding: DqFinding): void {
    const cells = [finding.file, String(finding.row), finding.field, finding.value, finding.rule, finding.severity, finding.message, finding.relatedFile ?? '', finding.relatedRow === undefined ? '' : String(finding.relatedRow)];
    this.push(`${cells.map(csvCell).join(',')}\r\n`);
  }

  /** Flush and move into place; returns the final path. */
  close(): string {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temp, this.file);
    return this.file;
  }

  private push(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
