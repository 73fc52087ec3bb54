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
  /**
   * `queryByParameterPayload/person.id/value` @root and @extension (absent attributes → ''); null
   * when there is no such element. Only set when the request was read without building the DOM
   * (undefined: read it from `payload`).
   */
  queryPersonId?: { root: string; extension: string } | null;
  /**
   * The payload as a reply echoes it, when serialised without the DOM (see `echoPayload`); not
   * enumerable, so a spread copy drops it together with `payload`.
   */
  payloadXml?: string;
}

/** The DOM-free part of {@link V3Request}: what one libxml2 pass reads (v3-request-libxml.ts). */
export interface V3RequestFacts extends Omit<V3Request, 'document' | 'root' | 'payload'> {
  /** Whether `queryByParameterPayload` is present. */
  hasPayload: boolean;
}

/**
 * A request read without a DOM: the facts are plain fields, and `document`, `root` and `payload`
 * parse `body` with xmldom on first use (handlers that walk the message pay for it; the
 * GetDemographics hot path does not).
 */
export function lazyV3Request(body: string, facts: V3RequestFacts): V3Request {
  return new LazyV3Request(body, facts);
}

/**
 * The DOM members and `payloadXml` are prototype getters, not own properties: a spread copy
 * (`{ ...request, payload: undefined }`, the context of an error reply that must not echo the
 * payload) drops `payloadXml` together with the payload.
 */
class LazyV3Request implements V3Request {
  readonly rootName: string;
  readonly messageId: { root: string; extension: string };
  readonly senderDevice: string;
  readonly senderOrganization: string;
  readonly processingCode: string;
  readonly interactionId: string;
  readonly acceptAckCode: string;
  readonly queryPersonId: { root: string; extension: string } | null;
  readonly #body: string;
  readonly #hasPayload: boolean;
  readonly #payloadXml: string | undefined;
  #dom: V3Request | undefined;

  constructor(body: string, facts: V3RequestFacts) {
    this.#body = body;
    this.#hasPayload = facts.hasPayload;
    this.#payloadXml = facts.payloadXml;
    this.rootName = facts.rootName;
    this.messageId = facts.messageId;
    this.senderDevice = facts.senderDevice;
    this.senderOrganization = facts.senderOrganization;
    this.processingCode = facts.processingCode;
    this.interactionId = facts.interactionId;
    this.acceptAckCode = facts.acceptAckCode;
    this.queryPersonId = facts.queryPersonId ?? null;
  }

  get document(): Document {
    return this.#read().document;
  }
  get root(): Element {
    return this.#read().root;
  }
  get payload(): Element | undefined {
    return this.#hasPayload ? this.#read().payload : undefined;
  }
  get payloadXml(): string | undefined {
    return this.#payloadXml;
  }

  #read(): V3Request {
    if (this.#dom === undefined) {
      const parsed = readV3Request(this.#body);
      // libxml2 parsed it; xmldom is not expected to disagree.
      if (!parsed.ok) throw new Error(`request parsed by libxml2 but not by xmldom: ${parsed.reason}`);
      this.#dom = parsed.request;
    }
    return this.#dom;
  }
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
