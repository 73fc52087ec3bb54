import type { Document, Element } from '@xmldom/xmldom';
import type { Issue } from '../core/issue.js';
import { parseXml } from '../hl7v3/xml-document.js';
import type { Exchange } from '../transport/exchange.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const HL7V3 = 'urn:hl7-org:v3';

/**
 * What an incoming request is, read from its path and body (DESIGN.md §3a layout):
 * `/hcim|plr/<PortType>.asmx` → soap, `/hcim|plr/fhir/…` → fhir; token, WSDL and admin
 * requests are `support` (part of a normal client's flow, not messages under test).
 */
export interface IncomingRequest {
  exchange: Exchange;
  kind: 'soap' | 'fhir' | 'support' | 'other';
  registry?: 'hcim' | 'plr';
  /** soap: the `.asmx` port the request was sent to, e.g. `QUPA_AR101102`. */
  portType?: string;
  /** soap: root element of the HL7v3 message (inside the SOAP Body when enveloped). */
  root?: string;
  /** soap: the parsed document and its HL7v3 message element (undefined when not XML). */
  xml?: { document: Document; message?: Element; enveloped: boolean };
  /** soap: why the body could not be read as XML. */
  xmlIssue?: Issue;
  /** fhir: `Patient/$FindCandidates`, `Practitioner/$entityQuery`, `Patient` (search), `Patient/[id]` (read). */
  operation?: string;
  /** fhir: the parsed JSON body, when there is one and it parses. */
  json?: unknown;
  /** fhir: why a non-empty body is not JSON. */
  jsonIssue?: Issue;
  /** One line naming it for console and report titles: `POST /hcim/QUPA_AR101102.asmx HCIM_IN_GetDemographics`. */
  label: string;
}

/** Classify and parse one incoming exchange (recorded by the simulator). Never throws. */
export function readIncoming(exchange: Exchange): IncomingRequest {
  const url = new URL(exchange.request.url, 'http://listen.invalid');
  const pathname = url.pathname;
  const method = exchange.request.method.toUpperCase();
  const base = `${method} ${pathname}`;
  const soap = /^\/(hcim|plr)\/(\w+)\.asmx$/i.exec(pathname);
  if (pathname === '/oauth/token' || pathname.startsWith('/admin/') || pathname === '/' || (soap && method === 'GET' && url.searchParams.has('wsdl'))) {
    return { exchange, kind: 'support', label: `${base}${url.search}` };
  }
  if (soap) {
    const registry = soap[1]!.toLowerCase() as 'hcim' | 'plr';
    const body = exchange.request.body ?? '';
    const parsed = parseXml(body);
    if (!parsed.ok) return { exchange, kind: 'soap', registry, portType: soap[2]!, xmlIssue: parsed.issue, label: base };
    const top = parsed.document.documentElement!;
    const enveloped = top.localName === 'Envelope' && top.namespaceURI === SOAP11;
    const message = enveloped ? firstElement(childElements(top).find((child) => child.localName === 'Body' && child.namespaceURI === SOAP11)) : top;
    const root = message && message.namespaceURI === HL7V3 ? message.localName ?? undefined : undefined;
    return {
      exchange,
      kind: 'soap',
      registry,
      portType: soap[2]!,
      ...(root ? { root } : {}),
      xml: { document: parsed.document, ...(message ? { message } : {}), enveloped },
      label: `${base}${root ? ` ${root}` : message ? ` {${message.namespaceURI ?? ''}}${message.localName}` : ''}`,
    };
  }
  const fhir = /^\/(hcim|plr)\/fhir(\/.*)?$/i.exec(pathname);
  if (fhir) {
    const registry = fhir[1]!.toLowerCase() as 'hcim' | 'plr';
    const operation = fhirOperation(fhir[2] ?? '/');
    const body = exchange.request.body ?? '';
    let json: unknown;
    let jsonIssue: Issue | undefined;
    if (body.trim() !== '') {
      try {
        json = JSON.parse(body);
      } catch (error) {
        jsonIssue = { severity: 'error', code: 'json.not-json', message: `request body is not JSON: ${(error as Error).message}`, validator: 'json' };
      }
    }
    return { exchange, kind: 'fhir', registry, operation, ...(json !== undefined ? { json } : {}), ...(jsonIssue ? { jsonIssue } : {}), label: `${base}${url.search}` };
  }
  return { exchange, kind: 'other', label: `${base}${url.search}` };
}

/** `/Practitioner/IPC.1.BC.PRS/$entityQuery` → `Practitioner/$entityQuery`; `/Patient/9876` → `Patient/[id]`. */
export function fhirOperation(subPath: string): string {
  const segments = subPath.split('/').filter(Boolean);
  if (segments.length === 0) return '';
  const type = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (last.startsWith('$')) return segments.length === 1 ? last : `${type}/${last}`;
  if (segments.length === 1) return type;
  return [type, ...segments.slice(1).map((segment) => (segment.startsWith('_') ? segment : '[id]'))].join('/');
}

export function childElements(element: Element | undefined): Element[] {
  const out: Element[] = [];
  for (let node = element?.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

function firstElement(element: Element | undefined): Element | undefined {
  return childElements(element)[0];
}

/** Child element of `element` by local-name path (HL7v3 elements are all in one namespace). */
export function childAt(element: Element | undefined, names: readonly string[]): Element | undefined {
  let current = element;
  for (const name of names) current = childElements(current).find((child) => child.localName === name);
  return current;
}
