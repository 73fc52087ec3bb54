import type { CanonicalField, DqFields, DqKind } from '../dq-record.js';
import { EXPECTED_FIELDS } from '../field-aliases.js';
import { mapColumns } from './column-map.js';
import { readLines, type Line } from './line-reader.js';
import type { ReadNote, ReadSummary, RecordSink } from './record-sink.js';
import { opensQuote, splitCsvRecord } from './split-csv-record.js';

/** Options of {@link readCsv}. */
export interface CsvOptions {
  kind: DqKind;
  /** Field delimiter; default: the most frequent of , ; TAB | in the header line. */
  delimiter?: string;
  columns: Partial<Record<CanonicalField, string>>;
}

/**
 * A quoted field still open after this many lines is taken to be unterminated: the first line is
 * reported and the lines after it are read again as records, so one stray quote costs one row,
 * not the rest of the file, and memory stays bounded.
 */
const MAX_RECORD_LINES = 50;

/** Stream a CSV file with a header row into canonical records. */
export async function readCsv(file: string, options: CsvOptions, sink: RecordSink): Promise<ReadSummary> {
  let header: string[] | undefined;
  let delimiter = options.delimiter ?? ',';
  let columns: [CanonicalField, number][] = [];
  let phoneArea = -1;
  let phone = -1;
  let faxArea = -1;
  let fax = -1;
  let pending: Line[] = [];
  let open = false;

  const toRecord = (lines: Line[]) => {
    const first = lines[0]!;
    const text = lines.length === 1 ? first.text : lines.map((l) => l.text).join('\n');
    if (text === '') return; // blank lines are not records
    if (!header) {
      delimiter = options.delimiter ?? guessDelimiter(text);
      header = splitCsvRecord(text, delimiter).fields.map((h) => h.trim());
      const mapped = mapColumns(header, options.columns);
      columns = [...mapped].filter(([field]) => !['phoneArea', 'phone', 'faxArea', 'fax'].includes(field));
      phoneArea = mapped.get('phoneArea') ?? -1;
      phone = mapped.get('phone') ?? -1;
      faxArea = mapped.get('faxArea') ?? -1;
      fax = mapped.get('fax') ?? -1;
      for (const field of EXPECTED_FIELDS[options.kind]) {
        if (!mapped.has(field)) {
          sink.fileNote(first.lineNo, { rule: 'column-missing', field, value: '', message: `no column for ${field} in the header (map one with --map columns.${field}: <column>)` });
        }
      }
      return;
    }
    const notes: ReadNote[] = [];
    if (lines.some((l) => !l.validUtf8)) notes.push({ rule: 'encoding-invalid-utf8', field: '', value: '', message: 'row contains bytes that are not valid UTF-8 (shown as U+FFFD)' });
    const split = splitCsvRecord(text, delimiter);
    if (split.fields.length !== header.length) {
      sink.rejected(first.lineNo, { rule: 'csv-field-count', field: '', value: String(split.fields.length), message: `row has ${split.fields.length} fields, but the header has ${header.length}; row not checked` });
      return;
    }
    if (split.strayQuote) notes.push({ rule: 'csv-stray-quote', field: '', value: '', message: 'a " appears inside an unquoted field (RFC 4180 allows quotes only around whole fields)' });
    const fields: DqFields = {};
    for (const [field, i] of columns) fields[field] = split.fields[i];
    if (phone >= 0) fields.phone = joinArea(split.fields, phoneArea, phone);
    if (fax >= 0) fields.fax = joinArea(split.fields, faxArea, fax);
    sink.record(first.lineNo, fields, notes);
  };

  const onLine = (line: Line) => {
    if (open) {
      pending.push(line);
      open = opensQuote(line.text, delimiter, true);
      if (!open) {
        const lines = pending;
        pending = [];
        toRecord(lines);
      } else if (pending.length >= MAX_RECORD_LINES) giveUp();
      return;
    }
    if (opensQuote(line.text, header ? delimiter : options.delimiter ?? guessDelimiter(line.text), false)) {
      open = true;
      pending = [line];
      return;
    }
    toRecord([line]);
  };

  const giveUp = () => {
    const [first, ...rest] = pending;
    pending = [];
    open = false;
    sink.rejected(first!.lineNo, { rule: 'csv-unterminated-quote', field: '', value: '', message: `a quoted field opened on this line is not closed within ${Math.min(MAX_RECORD_LINES, rest.length + 1)} line(s); row not checked` });
    for (const line of rest) onLine(line);
  };

  const info = await readLines(file, onLine);
  while (open) giveUp();
  if (info.bom === 'utf8') sink.fileNote(1, { rule: 'encoding-bom', field: '', value: 'EF BB BF', message: 'file starts with a UTF-8 byte-order mark' });
  if (info.bom === 'utf16') sink.fileNote(1, { rule: 'encoding-invalid-utf8', field: '', value: 'UTF-16 BOM', message: 'file is UTF-16; dq reads UTF-8 only (re-export as UTF-8); file not read' });
  return { format: 'csv', sha256: info.sha256 };
}

/** PLR extracts split phones into area code and number columns; checks want one value. */
function joinArea(values: readonly string[], areaIndex: number, numberIndex: number): string {
  const number = values[numberIndex] ?? '';
  const area = areaIndex >= 0 ? (values[areaIndex] ?? '') : '';
  if (number.trim() === '') return area.trim() === '' ? '' : area;
  return area.trim() === '' ? number : `${area} ${number}`;
}

function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}
