import { readFileSync } from 'node:fs';
import { interactionForRoot, INTERACTIONS } from '../../hl7v3/interactions.js';
import type { PersonStore } from '../person-store.js';
import { respond, type SimRequest, type SimResponse } from '../sim-http.js';
import { findCandidates } from './find-candidates.js';
import { getDemographics } from './get-demographics.js';
import { soapFault, soapReply } from './soap-reply.js';
import { readV3Request, type V3Request } from './v3-request.js';

type Handler = (request: V3Request, store: PersonStore) => string;

/** Interactions the simulator answers, by request root. */
const HANDLERS: Record<string, Handler> = {
  HCIM_IN_GetDemographics: getDemographics,
  HCIM_IN_FindCandidates: findCandidates,
};

/**
 * One HCIM `.asmx` port: `GET ?wsdl` serves the WSDL; `POST` checks SOAPAction against the root
 * element (WSDL binding), then dispatches to the interaction handler.
 */
export function handleHcimV3(portType: string, request: SimRequest, store: PersonStore, wsdlFile: (portType: string) => string | undefined): SimResponse {
  if (request.method === 'GET' && request.query.has('wsdl')) {
    const file = wsdlFile(portType);
    return file ? respond(200, 'text/xml; charset=utf-8', readFileSync(file, 'utf8')) : respond(404, 'text/plain', `no WSDL for ${portType}`);
  }
  if (request.method !== 'POST') return respond(405, 'text/plain', 'HCIM SOAP ports accept POST only', { allow: 'POST' });
  const contentType = request.headers['content-type'] ?? '';
  if (!/^(text\/xml|application\/soap\+xml)/i.test(contentType)) return soapFault('Client', `Content-Type must be text/xml for SOAP 1.1, but received "${contentType}"`);
  const parsed = readV3Request(request.body);
  if (!parsed.ok) return soapFault('Client', parsed.reason);
  const { rootName } = parsed.request;
  const interaction = interactionForRoot(rootName);
  const handler = HANDLERS[rootName];
  if (!interaction || !handler || interaction.portType !== portType) {
    const served = INTERACTIONS.filter((i) => i.portType === portType && HANDLERS[i.root]).map((i) => i.root);
    return soapFault('Client', `${portType} does not serve ${rootName}; it serves ${served.join(', ') || 'nothing yet'}`);
  }
  const soapAction = (request.headers.soapaction ?? '').replace(/^"|"$/g, '');
  if (soapAction !== interaction.soapAction) {
    return soapFault('Client', `SOAPAction "${soapAction}" does not match ${rootName}; expected "${interaction.soapAction}"`);
  }
  return soapReply(handler(parsed.request, store));
}
