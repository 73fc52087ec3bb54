import { DOMParser, type Document } from '@xmldom/xmldom';
import type { Issue } from '../core/issue.js';

export type ParsedXml = { ok: true; document: Document } | { ok: false; issue: Issue };

/**
 * Parse untrusted XML for XPath evaluation. A DOCTYPE is refused outright: SOAP 1.1 §3 forbids a
 * DTD in a SOAP message, and refusing it closes XXE and entity-expansion attacks before parsing.
 */
export function parseXml(text: string, validator = 'xml'): ParsedXml {
  if (text.trim() === '') return { ok: false, issue: { severity: 'error', code: 'xml.empty', message: 'body is empty, expected an XML document', validator } };
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const line = text.slice(0, doctype.index).split('\n').length;
    return { ok: false, issue: { severity: 'error', code: 'xml.doctype-forbidden', message: 'body contains a DOCTYPE declaration; SOAP messages must not (SOAP 1.1 §3) and it is not parsed, to rule out external entities and entity expansion', line, validator } };
  }
  let firstError: { message: string; line?: number; column?: number } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning' || firstError) return;
      const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
      firstError = { message: String(message).split('\n')[0]!, line: locator?.lineNumber, column: locator?.columnNumber };
    },
  });
  let document: Document | undefined;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    firstError ??= { message: (error as Error).message.split('\n')[0]! };
  }
  if (firstError || !document?.documentElement) {
    const where = /\[line:(\d+),col:(\d+)\]/.exec(firstError?.message ?? '');
    return {
      ok: false,
      issue: {
        severity: 'error',
        code: 'xml.not-well-formed',
        message: `body is not well-formed XML: ${(firstError?.message ?? 'no root element').replace(/^\[xmldom \w+\]\s*/, '')}`,
        line: firstError?.line ?? (where ? Number(where[1]) : undefined),
        column: firstError?.column ?? (where ? Number(where[2]) : undefined),
        validator,
      },
    };
  }
  return { ok: true, document };
}
