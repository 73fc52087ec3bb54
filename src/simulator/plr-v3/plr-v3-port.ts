import { interactionForRoot } from '../../hl7v3/interactions.js';
import { defectOn } from '../defects.js';
import { readV3Request } from '../hcim-v3/v3-request.js';
import { soapFault, soapReply } from '../hcim-v3/soap-reply.js';
import { respond, type SimRequest, type SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { providerQuery } from './provider-query.js';

/** PLR port types served at `/plr/<PortType>.asmx` (no public PLR WSDL; pan-Canadian names). */
export const PLR_PORTS = ['PRPM_AR306010CA'] as const;

/** `/plr/PRPM_AR306010CA.asmx`: provider details query over SOAP 1.1. */
export async function handlePlrV3(portType: string, request: SimRequest, state: SimulatorState): Promise<SimResponse> {
  if (request.method !== 'POST') return respond(405, 'text/plain', 'PLR SOAP ports accept POST only', { allow: 'POST' });
  const contentType = request.headers['content-type'] ?? '';
  if (!/^(text\/xml|application\/soap\+xml)/i.test(contentType)) return soapFault('Client', `Content-Type must be text/xml for SOAP 1.1, but received "${contentType}"`);
  const parsed = readV3Request(request.body);
  if (!parsed.ok) return soapFault('Client', parsed.reason);
  const { rootName } = parsed.request;
  const interaction = interactionForRoot(rootName);
  if (rootName !== 'PRPM_IN306010CA' || interaction?.portType !== portType) return soapFault('Client', `${portType} does not serve ${rootName}; it serves PRPM_IN306010CA`);
  const soapAction = (request.headers.soapaction ?? '').replace(/^"|"$/g, '');
  if (soapAction !== interaction.soapAction && !defectOn(state.defects, 'soapaction-not-checked', rootName)) return soapFault('Client', `SOAPAction "${soapAction}" does not match ${rootName}; expected "${interaction.soapAction}"`);
  return soapReply(providerQuery(parsed.request, state.providers), rootName);
}
