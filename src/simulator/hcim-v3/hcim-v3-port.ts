import { readFileSync } from 'node:fs';
import { interactionForRoot, INTERACTIONS, type Interaction } from '../../hl7v3/interactions.js';
import { defectOn } from '../defects.js';
import { respond, type SimRequest, type SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { findCandidates } from './find-candidates.js';
import { getDemographics } from './get-demographics.js';
import { getRelatedIdentifiers } from './get-related-identifiers.js';
import { personMerged, personNullified } from './person-merged.js';
import { personRevised } from './person-revised.js';
import { readHcimRequest } from './request-schema.js';
import { soapFault, soapReply } from './soap-reply.js';
import type { V3Handler } from './v3-answer.js';
import { mcciAck, queryResponse, UNKNOWN_REQUEST, type ReplyContext } from './v3-response.js';

/** Interactions the simulator answers, by request root. */
const HANDLERS: Record<string, V3Handler> = {
  HCIM_IN_GetDemographics: getDemographics,
  HCIM_IN_FindCandidates: findCandidates,
  HCIM_IN_GetRelatedIdentifiers: getRelatedIdentifiers,
  HCIM_IN_PersonRevised: personRevised,
  HCIM_IN_PersonMerged: personMerged,
  HCIM_IN_PersonNullified: personNullified,
};

/**
 * Request interactions with a handler, by port type and SOAPAction: what
 * `INTERACTIONS.find(port type, request, SOAPAction, handler)` gives (first match wins), looked up
 * once here instead of scanning the list on every request.
 */
const BY_ACTION = new Map<string, Map<string, Interaction>>();
for (const interaction of INTERACTIONS) {
  if (interaction.direction !== 'request' || !HANDLERS[interaction.root] || interaction.soapAction === undefined) continue;
  let byAction = BY_ACTION.get(interaction.portType);
  if (!byAction) BY_ACTION.set(interaction.portType, (byAction = new Map()));
  if (!byAction.has(interaction.soapAction)) byAction.set(interaction.soapAction, interaction);
}

/** SOAPAction without its surrounding quotes (`/^"|"$/g` removed, without a regex pass). */
function unquote(value: string): string {
  const start = value.startsWith('"') ? 1 : 0;
  const end = value.length > start && value.endsWith('"') ? value.length - 1 : value.length;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** HCIM port types served at `/hcim/<PortType>.asmx` (DESIGN.md §3a). */
export const HCIM_PORTS = ['QUPA_AR101102', 'PRPA_AR101202', 'PRPA_AR101002'] as const;

/**
 * One HCIM `.asmx` port: `GET ?wsdl` serves the WSDL (`?wsdl=async` the async one where both
 * exist); `POST` checks SOAPAction against the root element (WSDL binding), XSD-validates the
 * request (invalid → `BCHCIM.<area>.2.0006` carrying the validator's message, as HCIM does), then
 * dispatches to the interaction handler.
 */
export async function handleHcimV3(portType: string, request: SimRequest, state: SimulatorState, wsdlFile: (portType: string, flavour: string) => string | undefined): Promise<SimResponse> {
  if (request.method === 'GET' && request.query.has('wsdl')) {
    const file = wsdlFile(portType, request.query.get('wsdl') ?? '');
    return file ? respond(200, 'text/xml; charset=utf-8', readFileSync(file, 'utf8')) : respond(404, 'text/plain', `no WSDL for ${portType}`);
  }
  if (request.method !== 'POST') return respond(405, 'text/plain', 'HCIM SOAP ports accept POST only', { allow: 'POST' });
  const contentType = request.headers['content-type'] ?? '';
  if (!/^(text\/xml|application\/soap\+xml)/i.test(contentType)) return soapFault('Client', `Content-Type must be text/xml for SOAP 1.1, but received "${contentType}"`);
  const soapAction = unquote(request.headers.soapaction ?? '');
  const byAction = BY_ACTION.get(portType)?.get(soapAction);

  const { parsed, schemaProblem } = await readHcimRequest(request.body, request.bytes);
  if (!parsed.ok) {
    // Not even XML: answer as the interaction the SOAPAction names, if any (HCIM answers GD.2.0006 etc.).
    return byAction ? { ...soapReply(invalidReply(byAction, UNKNOWN_REQUEST, parsed.reason)), interaction: byAction.root } : soapFault('Client', parsed.reason);
  }
  const { rootName } = parsed.request;
  const interaction = interactionForRoot(rootName);
  const handler = HANDLERS[rootName];
  if (!interaction || !handler || interaction.portType !== portType) {
    const served = INTERACTIONS.filter((i) => i.portType === portType && HANDLERS[i.root]).map((i) => i.root);
    return soapFault('Client', `${portType} does not serve ${rootName}; it serves ${served.join(', ') || 'nothing'}`);
  }
  if (soapAction !== interaction.soapAction && !defectOn(state.defects, 'soapaction-not-checked', rootName)) {
    return soapFault('Client', `SOAPAction "${soapAction}" does not match ${rootName}; expected "${interaction.soapAction}"`);
  }
  const problem = await schemaProblem();
  if (problem) return soapReply(invalidReply(interaction, parsed.request, problem), rootName);
  const answer = handler(parsed.request, state);
  return soapReply(answer.message, rootName, answer.deliveries);
}

/** The `…2.0006` "HL7 message is invalid" reply of an interaction, in its own reply shape. */
function invalidReply(interaction: Interaction, request: ReplyContext, reason: string): string {
  // The payload of an invalid request may itself be what is invalid: do not echo it.
  const context: ReplyContext = { ...request, payload: undefined };
  const text = `Error: The HL7 message is invalid. Please correct the HL7 message, and resubmit it. ${reason}`;
  switch (interaction.root) {
    case 'HCIM_IN_PersonRevised':
      return mcciAck('HCIM_IN_PersonRevisedNak', context, { typeCode: 'AE', code: 'BCHCIM.RP.2.0006', text });
    case 'HCIM_IN_PersonMerged':
    case 'HCIM_IN_PersonNullified':
      return mcciAck('MCCI_IN000002', context, { typeCode: 'AE', code: 'BCHCIM.PM.2.0006', text });
    default: {
      const code = interaction.root === 'HCIM_IN_FindCandidates' ? 'BCHCIM.FC.2.0006' : 'BCHCIM.GD.2.0006';
      return queryResponse(interaction.responseRoot!, context, '', code, 0, { text });
    }
  }
}
