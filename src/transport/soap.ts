import type { Exchange } from './exchange.js';
import { sendHttp, type HttpRequest } from './http.js';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

/**
 * Wrap a bare HL7v3 message in a SOAP 1.1 envelope with an empty Header, as HCIM clients do
 * (bcgov/moh-hnweb V3MessageUtil). A body that already is an Envelope is sent unchanged.
 */
export function toSoap11Envelope(body: string): string {
  const withoutDeclaration = body.replace(/^\uFEFF?\s*<\?xml[^>]*\?>\s*/, '');
  if (/^\s*<([\w-]+:)?Envelope[\s>]/.test(withoutDeclaration)) return body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="${SOAP11_NS}">\n<soapenv:Header/>\n<soapenv:Body>\n${withoutDeclaration.trim()}\n</soapenv:Body>\n</soapenv:Envelope>\n`;
}

/** POST one SOAP 1.1 request: `text/xml`, quoted SOAPAction (WS-I BP 1.1 R2744). */
export function sendSoap(
  request: Omit<HttpRequest, 'method' | 'body'> & { soapAction: string; body: string },
  stepId: string,
): Promise<Exchange> {
  const { soapAction, body, headers, ...rest } = request;
  return sendHttp(
    {
      ...rest,
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"`, accept: 'text/xml', ...lower(headers) },
      body: toSoap11Envelope(body),
    },
    { stepId, protocol: 'soap' },
  );
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
