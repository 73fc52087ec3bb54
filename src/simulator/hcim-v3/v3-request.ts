import type { Document, Element } from '@xmldom/xmldom';
import { parseXml } from '../../hl7v3/xml-document.js';

/** The transmission-wrapper facts of an incoming HL7v3 request the simulator answers to. */
export interface V3Request {
  document: Document;
  root: Element;
  rootName: string;
  messageId: { root: string; extension: string };
  senderDevice: string;
  senderOrganization: string;
  processingCode: string;
  /** `interactionId/@extension`, e.g. `HCIM_IN_GetDemographics.History`. */
  interactionId: string;
  /** `acceptAckCode/@code`: `AL`/`ER` ask for an accept ack now and the result later (async). */
  acceptAckCode: string;
  /** `controlActProcess/queryByParameter/queryByParameterPayload`, when present. */
  payload?: Element;
}

export type ParsedV3Request = { ok: true; request: V3Request } | { ok: false; reason: string };

/** Unwrap the SOAP 1.1/1.2 envelope and read the wrapper of the HL7v3 message inside. */
export function readV3Request(body: string): ParsedV3Request {
  const parsed = parseXml(body);
  if (!parsed.ok) return { ok: false, reason: parsed.issue.message };
  const document = parsed.document;
  let root = document.documentElement!;
  if (root.localName === 'Envelope') {
    const bodyElement = childElements(root).find((child) => child.localName === 'Body');
    const first = bodyElement ? childElements(bodyElement)[0] : undefined;
    if (!first) return { ok: false, reason: 'SOAP Body holds no element' };
    root = first;
  }
  if (root.namespaceURI !== 'urn:hl7-org:v3') return { ok: false, reason: `message root {${root.namespaceURI ?? ''}}${root.localName} is not in the HL7v3 namespace urn:hl7-org:v3` };
  // Local-name walks, not XPath: this runs on every request (bench/simulator.sh).
  const attr = (names: readonly string[], name: string) => childByPath(root, names)?.getAttribute(name) ?? '';
  const payload = childByPath(root, ['controlActProcess', 'queryByParameter', 'queryByParameterPayload']);
  return {
    ok: true,
    request: {
      document,
      root,
      rootName: root.localName!,
      messageId: { root: attr(['id'], 'root'), extension: attr(['id'], 'extension') },
      senderDevice: attr(['sender', 'device', 'id'], 'extension'),
      senderOrganization: attr(['sender', 'device', 'asAgent', 'representedOrganization', 'id'], 'extension'),
      processingCode: attr(['processingCode'], 'code') || 'P',
      interactionId: attr(['interactionId'], 'extension'),
      acceptAckCode: attr(['acceptAckCode'], 'code'),
      ...(payload ? { payload } : {}),
    },
  };
}

export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

export function childByPath(element: Element, names: readonly string[]): Element | undefined {
  let current: Element | undefined = element;
  for (const name of names) {
    current = current ? childElements(current).find((child) => child.localName === name) : undefined;
  }
  return current;
}

/** Every descendant-or-self element reached by the local-name path. */
export function elementsByPath(element: Element, names: readonly string[]): Element[] {
  let current: Element[] = [element];
  for (const name of names) current = current.flatMap((el) => childElements(el).filter((child) => child.localName === name));
  return current;
}
