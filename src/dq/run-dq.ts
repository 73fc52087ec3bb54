import { HarnessError } from '../core/errors.js';
import type { DqFinding, DqSection } from '../run/report-schema.js';
import type { CheckContext, ResolvedCodes } from './checks/check-context.js';
import { DEFAULT_GENDER_CODES } from './checks/common/gender.js';
import { DEFAULT_STATUS_CODES } from './checks/provider/licence-status.js';
import { DEFAULT_PROVIDER_TYPES } from './checks/provider/provider-type.js';
import { RECORD_CHECKS } from './checks/record-checks.js';
import type { DqMapping } from './dq-mapping.js';
import { PHI_FIELDS, type DqFields, type DqKind } from './dq-record.js';
import { dqRule, rulesFor } from './dq-rules.js';
import { dqPassed, dqScore } from './dq-score.js';
import { PhnConflicts } from './duplicates/phn-conflicts.js';
import { ProbableDuplicates } from './duplicates/probable-duplicates.js';
import { ProviderDuplicates } from './duplicates/provider-duplicates.js';
import type { FindingsCsv } from './findings-csv.js';
import { readCsv } from './input/csv-reader.js';
import { readHl7v3Batch } from './input/hl7v3-reader.js';
import { readJsonDocument, readNdjson } from './input/json-reader.js';
import type { ReadNote, ReadSummary, RecordSink } from './input/record-sink.js';
import { sniffInput, type Sniffed } from './input/sniff-input.js';
import { maskValue } from './mask-phi.js';
import { dateNumber } from './parse-date.js';

/** Everything a dq run needs; the CLI builds it from flags and the mapping file. */
export interface DqOptions {
  files: readonly string[];
  kind?: DqKind;
  mapping: DqMapping;
  maskPhi: boolean;
  thresholds: { maxErrorRate: number; minScore: number };
  /** Findings kept in the JSON report (all go to the CSV). */
  maxFindings: number;
  findingsCsv?: FindingsCsv;
  today?: Date;
}

/** The DQ section plus what the report's evidence block needs. */
export interface DqRunResult {
  section: DqSection;
  evidence: { path: string; sha256: string }[];
}

const ERROR = 1;
const WARNING = 2;

/**
 * Read every file, run the record checks and duplicate detection, and tally the DQ section.
 * Streaming: memory is one read chunk, the duplicate indexes and at most `maxFindings` findings.
 * Throws HarnessError only for problems that stop the run (kind undecidable, mixed kinds).
 */
export async function runDq(options: DqOptions): Promise<DqRunResult> {
  const sniffed: Sniffed[] = [];
  for (const file of options.files) {
    try {
      sniffed.push(await sniffInput(file, options.mapping.columns, options.mapping.delimiter));
    } catch (error) {
      throw new HarnessError('ERR_DQ_INPUT', `${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  const kind = resolveKind(options, sniffed);

  const codes: ResolvedCodes = {
    gender: upperSet(options.mapping.codes.gender ?? DEFAULT_GENDER_CODES),
    providerType: upperSet(options.mapping.codes.providerType ?? DEFAULT_PROVIDER_TYPES),
    statusCode: upperSet(options.mapping.codes.statusCode ?? DEFAULT_STATUS_CODES),
  };
  const counts = new Map<string, number>(rulesFor(kind).map((r) => [r.id, 0]));
  const findings: DqFinding[] = [];
  let findingsTotal = 0;
  const tally = { rows: 0, rowsWithErrors: 0, rowsWithWarnings: 0 };
  const state = { file: '', fileIndex: 0, row: 0, rowFlags: 0 };

  const emit = (row: number, rule: string, field: string, value: string, message: string, related?: { file: string; row: number }) => {
    const { severity } = dqRule(rule);
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
    if (row === state.row) state.rowFlags |= severity === 'error' ? ERROR : severity === 'warning' ? WARNING : 0;
    const finding: DqFinding = {
      file: state.file,
      row,
      field,
      value: options.maskPhi && PHI_FIELDS.has(field) ? maskValue(value) : value,
      rule,
      severity,
      message,
      ...(related ? { relatedFile: related.file, relatedRow: related.row } : {}),
    };
    findingsTotal += 1;
    if (findings.length < options.maxFindings) findings.push(finding);
    options.findingsCsv?.write(finding);
  };

  const ctx: CheckContext = {
    today: dateNumber(options.today ?? new Date()),
    dateFormat: options.mapping.dateFormat ?? 'auto',
    codes,
    flag: (rule, field, value, message, related) => emit(state.row, rule, field, value, message, related),
  };
  const checks = RECORD_CHECKS[kind];
  const files = [...options.files];
  const phnConflicts = kind === 'client' ? new PhnConflicts(files) : undefined;
  const probable = kind === 'client' ? new ProbableDuplicates(files) : undefined;
  const providerDuplicates = kind === 'provider' ? new ProviderDuplicates(files) : undefined;

  const startRow = (row: number) => {
    state.row = row;
    state.rowFlags = 0;
    tally.rows += 1;
  };
  const endRow = () => {
    if (state.rowFlags & ERROR) tally.rowsWithErrors += 1;
    else if (state.rowFlags & WARNING) tally.rowsWithWarnings += 1;
    state.row = 0;
  };
  const note = (row: number, n: ReadNote) => emit(row, n.rule, n.field, n.value, n.message);
  const sink: RecordSink = {
    record(row: number, fields: DqFields, notes?: readonly ReadNote[]) {
      startRow(row);
      if (notes) for (const n of notes) note(row, n);
      for (const check of checks) check(fields, ctx);
      phnConflicts?.check(fields, row, state.fileIndex, ctx);
      probable?.check(fields, row, state.fileIndex, ctx);
      providerDuplicates?.check(fields, row, state.fileIndex, ctx);
      endRow();
    },
    rejected(row: number, n: ReadNote) {
      startRow(row);
      note(row, n);
      endRow();
    },
    fileNote(row: number, n: ReadNote) {
      note(row, n);
    },
  };

  const fileSummaries: DqSection['files'] = [];
  const evidence: DqRunResult['evidence'] = [];
  for (const [i, file] of files.entries()) {
    state.file = file;
    state.fileIndex = i;
    const rowsBefore = tally.rows;
    const layout = sniffed[i]!.layout;
    let summary: ReadSummary;
    try {
      if (layout === 'csv') summary = await readCsv(file, { kind, columns: options.mapping.columns, ...(options.mapping.delimiter ? { delimiter: options.mapping.delimiter } : {}) }, sink);
      else if (layout === 'ndjson') summary = await readNdjson(file, { kind, columns: options.mapping.columns }, sink);
      else if (layout === 'json') summary = await readJsonDocument(file, { kind, columns: options.mapping.columns }, sink);
      else summary = await readHl7v3Batch(file, { kind }, sink);
    } catch (error) {
      // Content problems are findings; only I/O failures (permissions, a file vanishing) get here.
      if ((error as NodeJS.ErrnoException).code) throw new HarnessError('ERR_DQ_INPUT', `${file}: ${(error as Error).message}`, { cause: error });
      throw error;
    }
    fileSummaries.push({ file, format: summary.format, rows: tally.rows - rowsBefore });
    if (summary.sha256) evidence.push({ path: file, sha256: summary.sha256 });
  }

  const { score, errorRate } = dqScore(tally);
  const section: DqSection = {
    kind,
    files: fileSummaries,
    ...tally,
    checks: rulesFor(kind).map((r) => ({ rule: r.id, severity: r.severity, description: r.description, count: counts.get(r.id) ?? 0 })),
    findings,
    findingsTotal,
    findingsTruncated: findingsTotal > findings.length,
    score,
    errorRate,
    thresholds: options.thresholds,
    passed: dqPassed(tally, score, errorRate, options.thresholds),
    maskPhi: options.maskPhi,
  };
  return { section, evidence };
}

function resolveKind(options: DqOptions, sniffed: readonly Sniffed[]): DqKind {
  const explicit = options.kind ?? options.mapping.kind;
  if (explicit) return explicit;
  const kinds = new Set(sniffed.map((s) => s.kind));
  if (kinds.has(undefined)) {
    const file = options.files[sniffed.findIndex((s) => s.kind === undefined)];
    throw new HarnessError('ERR_USAGE', `cannot tell whether ${file} holds client or provider data (no PHN or IPC/CPN column, Patient/Practitioner resource or HCIM/PLR message at its start); pass --kind client|provider`);
  }
  if (kinds.size > 1) throw new HarnessError('ERR_USAGE', `the files mix client and provider data (${options.files.map((f, i) => `${f}: ${sniffed[i]!.kind}`).join(', ')}); run dq once per kind or pass --kind`);
  return [...kinds][0]!;
}

function upperSet(values: readonly string[]): ReadonlySet<string> {
  return new Set(values.map((v) => v.trim().toUpperCase()));
}
