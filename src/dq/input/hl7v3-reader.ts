import { DOMParser } from '@xmldom/xmldom';
import type { DqKind } from '../dq-record.js';
import { HL7V3_ROOTS, healthCareProviderFields, personRevisedFields } from './hl7v3-fields.js';
import { readLines } from './line-reader.js';
import type { ReadSummary, RecordSink } from './record-sink.js';

/** A message still open after this many characters is reported and dropped, bounding memory. */
const MAX_MESSAGE_CHARS = 16 * 1024 * 1024;

const START = /<(?:([\w.-]+):)?((?:HCIM|PRPA|PRPM|MCCI|QUPA)_IN\w+)[\s>/]/;
const NAMESPACES = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"';

/**
 * A batch of HL7v3 messages (bare, concatenated, or in SOAP envelopes): each message root is cut
 * out of the stream as text and parsed on its own, so the file is never held whole. Row = line of
 * the message's start tag.
 */
export async function readHl7v3Batch(file: string, options: { kind: DqKind }, sink: RecordSink): Promise<ReadSummary> {
  let buffer = '';
  let current: { name: string; prefix: string; row: number; end: string } | undefined;
  let seen = 0;

  const scan = (text: string, lineNo: number) => {
    let rest = text;
    while (rest.length > 0) {
      if (!current) {
        const match = START.exec(rest);
        if (!match) return;
        const prefix = match[1] ?? '';
        current = { name: match[2]!, prefix, row: lineNo, end: `</${prefix ? `${prefix}:` : ''}${match[2]}>` };
        rest = rest.slice(match.index);
        buffer = '';
      }
      const endAt = rest.indexOf(current.end);
      if (endAt < 0) {
        buffer += `${rest}\n`;
        if (buffer.length > MAX_MESSAGE_CHARS) {
          sink.rejected(current.row, { rule: 'xml-invalid', field: '', value: current.name, message: `${current.name} is not closed within ${MAX_MESSAGE_CHARS} characters; message not checked` });
          current = undefined;
          buffer = '';
        }
        return;
      }
      const message = buffer + rest.slice(0, endAt + current.end.length);
      rest = rest.slice(endAt + current.end.length);
      handle(message, current.name, current.row);
      current = undefined;
      buffer = '';
    }
  };

  const handle = (message: string, name: string, row: number) => {
    seen += 1;
    if (!HL7V3_ROOTS[options.kind].test(name)) {
      sink.fileNote(row, { rule: 'record-unsupported', field: 'interaction', value: name, message: `${name} is not checked (a ${options.kind} run reads ${options.kind === 'client' ? 'HCIM_IN_PersonRevised' : 'PRPM_IN301030CA/PRPM_IN303030CA'})` });
      return;
    }
    // Wrap so prefixes declared on a stripped SOAP envelope still resolve.
    let fatal: string | undefined;
    const parser = new DOMParser({ onError: (level, msg) => { if (level === 'fatalError' || (level === 'error' && !fatal)) fatal = msg; } });
    let doc: Document | undefined;
    try {
      doc = parser.parseFromString(`<dq-wrap ${NAMESPACES}>${message}</dq-wrap>`, 'text/xml') as unknown as Document;
    } catch (error) {
      fatal = (error as Error).message;
    }
    const root = doc?.documentElement?.firstChild ? firstElement(doc.documentElement) : undefined;
    if (fatal || !root) {
      sink.rejected(row, { rule: 'xml-invalid', field: '', value: name, message: `${name} is not well-formed XML: ${(fatal ?? 'no root element').split('\n')[0]}` });
      return;
    }
    sink.record(row, options.kind === 'client' ? personRevisedFields(root) : healthCareProviderFields(root));
  };

  const info = await readLines(file, (line) => {
    if (!line.validUtf8 && current) sink.fileNote(line.lineNo, { rule: 'encoding-invalid-utf8', field: '', value: '', message: 'line contains bytes that are not valid UTF-8' });
    scan(line.text, line.lineNo);
  });
  if (current) sink.rejected(current.row, { rule: 'xml-invalid', field: '', value: current.name, message: `${current.name} is not closed before the end of the file; message not checked` });
  if (info.bom === 'utf8') sink.fileNote(1, { rule: 'encoding-bom', field: '', value: 'EF BB BF', message: 'file starts with a UTF-8 byte-order mark' });
  if (seen === 0) sink.fileNote(1, { rule: 'record-unsupported', field: '', value: '', message: 'no HL7v3 message (HCIM_IN_…/PRPM_IN…) found in the file' });
  return { format: 'hl7v3', sha256: info.sha256 };
}

function firstElement(parent: Element): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) return node as Element;
  return undefined;
}
