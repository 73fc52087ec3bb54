import type { Issue } from '../core/issue.js';

/**
 * Largest message the HL7v3 validator parses. Real HCIM/PLR messages are a few kB to a few
 * hundred kB; anything larger is refused as an Issue instead of being handed to the parser.
 */
export const MAX_XML_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Checks a message must pass before any XML parser sees it: not empty, not oversized, and no
 * document type declaration. SOAP 1.1 §3 and SOAP 1.2 Part 1 §5 forbid a DTD in a SOAP message,
 * and HL7v3 XML ITS messages never carry one, so refusing the DOCTYPE outright closes XXE
 * (external entities) and entity-expansion bombs without relying on parser flags alone.
 *
 * @returns fatal `xml.*` issues; empty when the content may be parsed.
 */
export function guardXmlContent(content: string, maxBytes: number = MAX_XML_MESSAGE_BYTES): Issue[] {
  // Cheap upper bound first: UTF-8 needs at most 3 bytes per UTF-16 code unit.
  if (content.length > maxBytes || (content.length * 3 > maxBytes && Buffer.byteLength(content, 'utf8') > maxBytes)) {
    const bytes = Buffer.byteLength(content, 'utf8');
    return [fatal('xml.too-large', `message: size must be at most ${maxBytes} bytes, but received ${bytes} bytes`)];
  }
  if (!/\S/.test(content)) {
    return [fatal('xml.empty', 'message: content must be an XML document, but received an empty file')];
  }
  const doctype = findDoctype(content);
  if (doctype !== undefined) {
    return [
      fatal(
        'xml.doctype-forbidden',
        `line ${doctype.line}: <!DOCTYPE> must not appear in an HL7v3/SOAP message (SOAP 1.1 §3, SOAP 1.2 §5), but the message declares one; it was not parsed, so no entity was expanded or loaded`,
        doctype.line,
      ),
    ];
  }
  return [];
}

/**
 * Position of a `<!DOCTYPE` in the prolog (before the first element), skipping the XML
 * declaration, processing instructions, comments and whitespace. A DOCTYPE anywhere else is not
 * well-formed and the parser reports it.
 */
function findDoctype(content: string): { line: number } | undefined {
  let i = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = content.length;
  while (i < n) {
    const c = content[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (content.startsWith('<?', i)) {
      const end = content.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
      continue;
    }
    if (content.startsWith('<!--', i)) {
      const end = content.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
      continue;
    }
    if (content.startsWith('<!DOCTYPE', i) || content.startsWith('<!doctype', i)) {
      return { line: lineAt(content, i) };
    }
    return undefined;
  }
  return undefined;
}

function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

function fatal(code: string, message: string, line?: number): Issue {
  return { severity: 'fatal', code, message, ...(line !== undefined ? { line } : {}), validator: 'xml' };
}
