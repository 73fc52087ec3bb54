import { XmlElement, type XmlDocument } from 'libxml2-wasm';
import type { Issue } from '../core/issue.js';

/** SOAP envelope namespaces (SOAP 1.1 §4, SOAP 1.2 Part 1 §5). */
export const SOAP_ENVELOPE_NS = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
} as const;

/** The HL7v3 message element of a document: the root, or the first element child of a SOAP Body. */
export type MessageElement =
  | { ok: true; element: XmlElement; soap?: keyof typeof SOAP_ENVELOPE_NS }
  | { ok: false; issues: Issue[] };

/**
 * Finds the HL7v3 message in a parsed document: HCIM and PLR send it as the single child of a
 * document/literal SOAP Body (domain.md, Transport), files on disk are often bare.
 */
export function findMessageElement(doc: XmlDocument): MessageElement {
  const root = doc.root;
  const soap = soapVersion(root);
  if (soap === undefined) return { ok: true, element: root };
  const body = elementChildren(root).find((child) => child.name === 'Body' && child.namespaceUri === SOAP_ENVELOPE_NS[soap]);
  if (body === undefined) {
    return { ok: false, issues: [issue('hl7v3.soap-body-missing', `/Envelope: a SOAP ${soap} Envelope must contain a Body, but none was found`, root.line)] };
  }
  const message = elementChildren(body)[0];
  if (message === undefined) {
    return { ok: false, issues: [issue('hl7v3.soap-body-empty', `/Envelope/Body: the SOAP Body must contain an HL7v3 message element, but it is empty`, body.line)] };
  }
  if (message.name === 'Fault' && message.namespaceUri === SOAP_ENVELOPE_NS[soap]) {
    const reason = message.content.replace(/\s+/g, ' ').trim().slice(0, 200);
    return { ok: false, issues: [issue('hl7v3.soap-fault', `/Envelope/Body/Fault: expected an HL7v3 message, but the SOAP Body carries a Fault: "${reason}"`, message.line)] };
  }
  return { ok: true, element: message, soap };
}

function soapVersion(root: XmlElement): keyof typeof SOAP_ENVELOPE_NS | undefined {
  if (root.name !== 'Envelope') return undefined;
  if (root.namespaceUri === SOAP_ENVELOPE_NS['1.1']) return '1.1';
  if (root.namespaceUri === SOAP_ENVELOPE_NS['1.2']) return '1.2';
  return undefined;
}

/** Element children of an element, in document order. */
export function elementChildren(element: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  for (let node = element.firstChild; node !== null; node = node.next) {
    if (node instanceof XmlElement) children.push(node);
  }
  return children;
}

function issue(code: string, message: string, line: number): Issue {
  return { severity: 'error', code, message, line, validator: 'hl7v3' };
}
