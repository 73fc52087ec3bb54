import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CanonicalField, DqFields, DqKind } from '../dq-record.js';
import { keyLookup } from './column-map.js';
import { patientFields, practitionerFields } from './fhir-fields.js';
import { readLines } from './line-reader.js';
import type { ReadNote, ReadSummary, RecordSink } from './record-sink.js';

/** Options of the JSON readers. */
export interface JsonOptions {
  kind: DqKind;
  columns: Partial<Record<CanonicalField, string>>;
}

/** Bundles are parsed whole (JSON has no streaming boundary); beyond this, export NDJSON instead. */
const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

/**
 * NDJSON, one object per line: FHIR resources (Patient/Practitioner) or flat records whose keys
 * are mapped like CSV headers. Streams line by line.
 */
export async function readNdjson(file: string, options: JsonOptions, sink: RecordSink): Promise<ReadSummary> {
  const lookup = keyLookup(options.columns);
  let sawFhir = false;
  const info = await readLines(file, (line) => {
    if (line.text.trim() === '') return;
    const notes: ReadNote[] = line.validUtf8 ? [] : [{ rule: 'encoding-invalid-utf8', field: '', value: '', message: 'line contains bytes that are not valid UTF-8 (shown as U+FFFD)' }];
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      sink.rejected(line.lineNo, { rule: 'json-invalid', field: '', value: '', message: `line is not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (value && typeof value === 'object' && 'resourceType' in value) sawFhir = true;
    resourceOrRecord(value, line.lineNo, options.kind, lookup, sink, notes);
  });
  if (info.bom === 'utf8') sink.fileNote(1, { rule: 'encoding-bom', field: '', value: 'EF BB BF', message: 'file starts with a UTF-8 byte-order mark' });
  return { format: sawFhir ? 'fhir-ndjson' : 'ndjson', sha256: info.sha256 };
}

/** A JSON document: a FHIR Bundle (row = entry index), a single resource, or an array of records. */
export async function readJsonDocument(file: string, options: JsonOptions, sink: RecordSink): Promise<ReadSummary> {
  const size = (await stat(file)).size;
  if (size > MAX_BUNDLE_BYTES) {
    sink.rejected(1, { rule: 'json-invalid', field: '', value: String(size), message: `JSON document is larger than ${MAX_BUNDLE_BYTES} bytes; export NDJSON (one resource per line) instead` });
    return { format: 'fhir-bundle', sha256: '' };
  }
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    sink.fileNote(1, { rule: 'encoding-bom', field: '', value: 'EF BB BF', message: 'file starts with a UTF-8 byte-order mark' });
  }
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sink.rejected(1, { rule: 'json-invalid', field: '', value: '', message: `file is not valid JSON: ${(error as Error).message}` });
    return { format: 'fhir-bundle', sha256 };
  }
  const lookup = keyLookup(options.columns);
  if (value?.resourceType === 'Bundle') {
    const entries: any[] = Array.isArray(value.entry) ? value.entry : [];
    entries.forEach((entry, i) => resourceOrRecord(entry?.resource, i + 1, options.kind, lookup, sink, []));
  } else if (Array.isArray(value)) value.forEach((item, i) => resourceOrRecord(item, i + 1, options.kind, lookup, sink, []));
  else resourceOrRecord(value, 1, options.kind, lookup, sink, []);
  return { format: 'fhir-bundle', sha256 };
}

function resourceOrRecord(value: any, row: number, kind: DqKind, lookup: (key: string) => CanonicalField | undefined, sink: RecordSink, notes: ReadNote[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    sink.rejected(row, { rule: 'json-invalid', field: '', value: '', message: 'expected a JSON object' });
    return;
  }
  if (typeof value.resourceType === 'string') {
    const wanted = kind === 'client' ? 'Patient' : 'Practitioner';
    if (value.resourceType !== wanted) {
      // OperationOutcome / Parameters / PractitionerRole entries are normal in BC Bundles: note, don't count.
      sink.fileNote(row, { rule: 'record-unsupported', field: 'resourceType', value: value.resourceType, message: `${value.resourceType} is not checked (a ${kind} run checks ${wanted} resources)` });
      return;
    }
    sink.record(row, kind === 'client' ? patientFields(value) : practitionerFields(value), notes);
    return;
  }
  const fields: DqFields = {};
  for (const [key, raw] of Object.entries(value)) {
    const field = lookup(key);
    if (field) fields[field] = raw === null || raw === undefined ? '' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }
  sink.record(row, fields, notes);
}
