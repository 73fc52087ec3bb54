import { respond, type SimResponse } from '../sim-http.js';
import { xmlText } from '../xml-text.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP 1.1 envelope around an HL7v3 reply (`text/xml`, HTTP 200: HCIM reports business errors in the body). */
export function soapReply(message: string, interaction?: string): SimResponse {
  const response = respond(200, 'text/xml; charset=utf-8', soapEnvelope(message));
  return interaction ? { ...response, interaction } : response;
}

/** The SOAP 1.1 envelope text around one body element. */
export function soapEnvelope(message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="${SOAP11}">\n<s:Body>\n${message}\n</s:Body>\n</s:Envelope>\n`;
}

/** A SOAP 1.1 Fault, HTTP 500 (SOAP 1.1 §6.2), for requests HCIM cannot even read. */
export function soapFault(faultCode: 'Client' | 'Server', reason: string): SimResponse {
  return respond(500, 'text/xml; charset=utf-8', soapEnvelope(`<s:Fault><faultcode>s:${faultCode}</faultcode><faultstring>${xmlText(reason)}</faultstring></s:Fault>`));
}
