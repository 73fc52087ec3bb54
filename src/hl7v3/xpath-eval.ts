import type { Document, Node } from '@xmldom/xmldom';
import xpath from 'xpath';

/** Prefixes usable in suite XPath expressions. */
export const XPATH_NAMESPACES: Readonly<Record<string, string>> = {
  hl7: 'urn:hl7-org:v3',
  v3: 'urn:hl7-org:v3',
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const select = xpath.useNamespaces(XPATH_NAMESPACES as Record<string, string>);

/** Evaluate an XPath 1.0 expression; node-sets become their string values. Throws on a bad expression. */
export function evaluateXPath(document: Document, expression: string): (string | number | boolean)[] {
  const result = select(expression, document as unknown as globalThis.Node) as unknown;
  if (Array.isArray(result)) return result.map((node) => stringValue(node as Node));
  if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') return [result];
  return [];
}

function stringValue(node: Node): string {
  if (node.nodeType === 2 /* attribute */) return (node as unknown as { value: string }).value;
  return node.textContent ?? '';
}
