import type { DqFields } from '../dq-record.js';

/** A finding a reader makes about how a row or file was read; the runner adds file and severity. */
export interface ReadNote {
  rule: string;
  field: string;
  value: string;
  message: string;
}

/** Where format readers push what they read. Readers never throw for bad content. */
export interface RecordSink {
  /** A data record in canonical form; `notes` are problems met while reading it (e.g. invalid UTF-8). */
  record(row: number, fields: DqFields, notes?: readonly ReadNote[]): void;
  /** A row that could not be turned into a record (wrong field count, bad JSON…); counts as a row in error. */
  rejected(row: number, note: ReadNote): void;
  /** A finding about the file rather than one record (BOM, missing column). */
  fileNote(row: number, note: ReadNote): void;
}

/** What a reader reports back about one file. */
export interface ReadSummary {
  format: 'csv' | 'ndjson' | 'fhir-bundle' | 'fhir-ndjson' | 'hl7v3';
  sha256: string;
}
