import { respond, type Delivery, type SimResponse } from '../sim-http.js';
import { xmlText } from '../xml-text.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

const ENVELOPE_START = `<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="${SOAP11}">\n<s:Body>\n`;
const ENVELOPE_END = '\n</s:Body>\n</s:Envelope>\n';

/**
 * A SOAP 1.1 envelope around an HL7v3 reply (`text/xml`, HTTP 200: HCIM reports business errors in
 * the body), with the deliveries to make after it, if any. One object per HCIM answer, with the
 * keys in the order respond() plus spreads used to give them.
 */
export function soapReply(message: string, interaction?: string, deliveries?: Delivery[]): SimResponse {
  const response: SimResponse = { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: ENVELOPE_START + message + ENVELOPE_END };
  if (interaction) response.interaction = interaction;
  if (deliveries?.length) response.deliveries = deliveries;
  return response;
}

/** The SOAP 1.1 envelope text around one body element. */
export function soapEnvelope(message: string): string {
  return ENVELOPE_START + message + ENVELOPE_END;
}

/** A SOAP 1.1 Fault, HTTP 500 (SOAP 1.1 §6.2), for requests HCIM cannot even read. */
export function soapFault(faultCode: 'Client' | 'Server', reason: string): SimResponse {
  return respond(500, 'text/xml; charset=utf-8', soapEnvelope(`<s:Fault><faultcode>s:${faultCode}</faultcode><faultstring>${xmlText(reason)}</faultstring></s:Fault>`));
}
