import { open } from 'node:fs/promises';
import path from 'node:path';
import type { CanonicalField, DqKind } from '../dq-record.js';
import { keyLookup, mapColumns } from './column-map.js';
import { splitCsvRecord } from './split-csv-record.js';

/** Input layout as far as choosing a reader goes. */
export type InputLayout = 'csv' | 'ndjson' | 'json' | 'hl7v3';

/** What the first 64 KiB of a file say about its layout and kind. */
export interface Sniffed {
  layout: InputLayout;
  /** Undefined when the start of the file does not tell (no PHN/IPC column, no Patient/Practitioner…). */
  kind?: DqKind;
}

const PEEK_BYTES = 64 * 1024;

/**
 * Decide layout (extension first, then content) and kind (PHN column / Patient / HCIM message →
 * client; IPC or CPN column / Practitioner / PRPM message → provider) from the head of the file.
 */
export async function sniffInput(file: string, columns: Partial<Record<CanonicalField, string>>, delimiter?: string): Promise<Sniffed> {
  const handle = await open(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const ext = path.extname(file).toLowerCase();
  const start = head.trimStart();
  const firstLine = start.split('\n')[0]!.replace(/\r$/, '');
  let layout: InputLayout;
  if (ext === '.xml' || start.startsWith('<')) layout = 'hl7v3';
  else if (ext === '.ndjson' || ext === '.jsonl') layout = 'ndjson';
  else if (start.startsWith('[')) layout = 'json';
  else if (start.startsWith('{')) layout = isJsonObject(firstLine) ? 'ndjson' : 'json';
  else layout = 'csv';

  if (layout === 'hl7v3') {
    const client = /<(?:[\w.-]+:)?HCIM_IN_/.test(head);
    const provider = /<(?:[\w.-]+:)?PRPM_IN/.test(head);
    return { layout, ...(client !== provider ? { kind: client ? 'client' : 'provider' } : {}) };
  }
  if (layout === 'csv') {
    const header = splitCsvRecord(firstLine, delimiter ?? guess(firstLine)).fields;
    const mapped = mapColumns(header, columns);
    return { layout, ...kindOf(mapped.has('phn'), mapped.has('ipc') || mapped.has('cpn')) };
  }
  const patient = /"resourceType"\s*:\s*"Patient"/.test(head);
  const practitioner = /"resourceType"\s*:\s*"Practitioner"/.test(head);
  if (patient || practitioner) return { layout, ...kindOf(patient, practitioner) };
  if (layout === 'ndjson' && isJsonObject(firstLine)) {
    const lookup = keyLookup(columns);
    const fields = Object.keys(JSON.parse(firstLine) as object).map(lookup);
    return { layout, ...kindOf(fields.includes('phn'), fields.includes('ipc') || fields.includes('cpn')) };
  }
  return { layout };
}

function kindOf(client: boolean, provider: boolean): { kind?: DqKind } {
  return client === provider ? {} : { kind: client ? 'client' : 'provider' };
}

function isJsonObject(line: string): boolean {
  try {
    const value = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function guess(line: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}
