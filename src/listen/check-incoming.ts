import type { Issue } from '../core/issue.js';
import { HCIM_FHIR } from '../fhir/hcim-systems.js';
import { interactionForRoot } from '../hl7v3/interactions.js';
import { isValidPhn } from '../hl7v3/phn.js';
import { validateFhir } from '../validate/fhir-profile.js';
import { validateHl7v3 } from '../validate/hl7v3.js';
import { checkFhirFindCandidates, checkV3FindCandidates } from './find-candidates-parameters.js';
import { childAt, type IncomingRequest } from './incoming-request.js';
import type { MessageIdRegister } from './message-id-register.js';

/** The verdict on one incoming request: every issue found, plus the schemas/profiles used (evidence). */
export interface IncomingVerdict {
  issues: Issue[];
  evidence: { path: string; sha256: string }[];
  /** The message id the request carried (HL7v3 `id/@extension`, FHIR `messageId` parameter). */
  messageId?: string;
}

export interface CheckOptions {
  /** Keep known HCIM deviations as errors (`--strict`). */
  strict?: boolean;
  /** Session-wide message ids, for the duplicate check. */
  messageIds: MessageIdRegister;
}

/** Legacy PHN system of older IG builds (domain.md §d) — still a PHN. */
const LEGACY_PHN_SYSTEM = 'http://hlth.gov.bc.ca/fhir/client/id-issuer/BC';

/** The request Bundle profile each HCIM FHIR operation takes (domain.md §c). */
const REQUEST_PROFILE: Record<string, string> = {
  'Patient/$FindCandidates': `${HCIM_FHIR.profileBase}bc-find-candidates-request-bundle`,
  'Patient/$GetDemographics': `${HCIM_FHIR.profileBase}bc-get-demographics-request-bundle`,
};

/**
 * Everything the registry would check on a request a partner sends, as Issue[] (never throws for
 * bad content). SOAP: method, Content-Type, SOAP 1.1 envelope, port ↔ root, SOAPAction ↔ root
 * (WSDL binding), XSD + HL7v3 rules (OIDs, creationTime, interactionId, PHN check digit),
 * processingCode, a fresh message id, BCHCIM.SCH.2.5107/2.5017. FHIR: Content-Type, PLR headers,
 * JSON, profile of the request resource, a fresh messageId, PHN check digits, BCHCIM.SCH.2.5107.
 */
export async function checkIncoming(request: IncomingRequest, options: CheckOptions): Promise<IncomingVerdict> {
  if (request.kind === 'soap') return checkSoap(request, options);
  if (request.kind === 'fhir') return checkFhir(request, options);
  if (request.kind === 'support') return { issues: [], evidence: [] };
  return { issues: [listenIssue('listen.unknown-endpoint', `${request.label}: no HCIM or PLR endpoint at this path; the registry endpoints are /hcim/<PortType>.asmx, /hcim/fhir/…, /plr/<PortType>.asmx, /plr/fhir/…`)], evidence: [] };
}

async function checkSoap(request: IncomingRequest, options: CheckOptions): Promise<IncomingVerdict> {
  const { exchange } = request;
  const issues: Issue[] = [];
  if (exchange.request.method.toUpperCase() !== 'POST') issues.push(listenIssue('listen.method', `Unexpected method: expected POST for a SOAP request, but received ${exchange.request.method}`));
  const contentType = exchange.request.headers['content-type'] ?? '';
  // SOAP 1.1 is text/xml (domain.md §a Transport); application/soap+xml would be SOAP 1.2.
  if (!/^text\/xml\b/i.test(contentType)) issues.push(listenIssue('listen.content-type', `Unexpected Content-Type: expected text/xml (SOAP 1.1), but received "${contentType}"`));
  if (request.xmlIssue) return { issues: [...issues, request.xmlIssue], evidence: [] };
  if (!request.xml?.enveloped) issues.push(listenIssue('listen.soap-envelope', 'Unexpected body: expected a SOAP 1.1 Envelope (http://schemas.xmlsoap.org/soap/envelope/) holding the HL7v3 message in its Body, but received a bare or SOAP 1.2 document'));
  const message = request.xml?.message;
  if (!request.root || !message) {
    issues.push(listenIssue('listen.hl7v3-root', 'Unexpected SOAP Body: expected an HL7v3 message element in namespace urn:hl7-org:v3, but found none'));
    return { issues, evidence: [] };
  }
  const interaction = interactionForRoot(request.root);
  if (!interaction || interaction.direction !== 'request' || interaction.registry !== request.registry) {
    issues.push(listenIssue('listen.not-a-request', `/${request.root}: Unexpected root element: expected a ${request.registry?.toUpperCase()} request interaction, but received ${request.root}`, `/${request.root}`));
  } else {
    if (interaction.portType !== request.portType) {
      issues.push(listenIssue('listen.port', `/${request.root}: Unexpected port: expected ${request.root} at /${request.registry}/${interaction.portType}.asmx, but it was sent to /${request.registry}/${request.portType}.asmx`, `/${request.root}`));
    }
    const soapAction = (exchange.request.headers.soapaction ?? '').trim().replace(/^"|"$/g, '');
    if (soapAction !== interaction.soapAction) {
      issues.push(listenIssue('listen.soapaction', `Unexpected SOAPAction: expected "${interaction.soapAction}" for ${request.root} (WSDL binding), but received ${exchange.request.headers.soapaction === undefined ? 'no SOAPAction header' : `"${soapAction}"`}`, `/${request.root}`));
    }
  }
  const validation = await validateHl7v3(exchange.request.body ?? '', { strict: options.strict ?? false });
  issues.push(...validation.issues);
  const processingCode = childAt(message, ['processingCode'])?.getAttribute('code') ?? '';
  // domain.md "Transmission wrapper": P in production, T/D allowed by HL7.
  if (!['P', 'T', 'D'].includes(processingCode)) {
    issues.push(listenIssue('listen.processing-code', `/${request.root}/processingCode: Unexpected processingCode/@code: expected P, T or D, but received ${processingCode ? `"${processingCode}"` : 'none'}`, `/${request.root}/processingCode`));
  }
  const messageId = childAt(message, ['id'])?.getAttribute('extension') ?? '';
  if (messageId === '') {
    issues.push(listenIssue('listen.message-id', `/${request.root}/id: Unexpected message id: expected id/@extension (a GUID or epoch-millis), but it is empty or missing`, `/${request.root}/id`));
  } else {
    const previous = options.messageIds.claim(messageId, exchange.id);
    if (previous) issues.push(listenIssue('listen.duplicate-message-id', `/${request.root}/id: Unexpected message id: expected an id not used before in this session, but "${messageId}" was already sent in exchange ${previous} (HCIM rejects re-used ids, BCHCIM.RP.2.0032)`, `/${request.root}/id`));
  }
  if (request.root === 'HCIM_IN_FindCandidates') issues.push(...checkV3FindCandidates(message));
  if (request.root === 'HCIM_IN_GetDemographics') {
    const value = childAt(message, ['controlActProcess', 'queryByParameter', 'queryByParameterPayload', 'person.id', 'value']);
    if (!value?.getAttribute('extension')) {
      issues.push(listenIssue('listen.get-demographics-id', `/${request.root}/controlActProcess/queryByParameter/queryByParameterPayload/person.id/value: Unexpected identifier: expected an id with a non-empty extension (BCHCIM.SCH.2.5017), but received none`));
    }
  }
  return { issues, evidence: validation.evidence ?? [], ...(messageId ? { messageId } : {}) };
}

async function checkFhir(request: IncomingRequest, options: CheckOptions): Promise<IncomingVerdict> {
  const { exchange } = request;
  const issues: Issue[] = [];
  const method = exchange.request.method.toUpperCase();
  const headers = exchange.request.headers;
  if (['POST', 'PUT'].includes(method) && !/^application\/fhir\+json\b/i.test(headers['content-type'] ?? '')) {
    issues.push(listenIssue('listen.content-type', `Unexpected Content-Type: expected application/fhir+json (the IGs are JSON only), but received "${headers['content-type'] ?? ''}"`));
  }
  if (request.registry === 'plr') {
    // PLR techdetails (domain.md §c headers): Keycloak bearer token and the versioned Accept header.
    if (!headers.authorization) issues.push(listenIssue('listen.authorization', 'Unexpected request: expected an Authorization: Bearer <token> header (PLR FHIR), but received none'));
    if (!/application\/fhir\+json\s*;.*fhirVersion=4.*BCPLRVersion=\d/i.test(headers.accept ?? '')) {
      issues.push(listenIssue('listen.accept', `Unexpected Accept: expected "application/fhir+json;fhirVersion=4.0;BCPLRVersion=1", but received "${headers.accept ?? ''}"`));
    }
  }
  if (request.jsonIssue) return { issues: [...issues, request.jsonIssue], evidence: [] };
  const operation = request.operation ?? '';
  const needsBody = method === 'POST' || method === 'PUT';
  if (needsBody && request.json === undefined) {
    issues.push(listenIssue('listen.body', `Unexpected body: expected a FHIR resource for ${method} ${operation}, but the body is empty`));
    return { issues, evidence: [] };
  }
  if (request.json === undefined) return { issues, evidence: [] };
  let validation;
  try {
    validation = await validateFhir(exchange.request.body ?? '', { strict: options.strict ?? false, ...(REQUEST_PROFILE[operation] ? { profile: REQUEST_PROFILE[operation] } : {}) });
  } catch {
    // The operation's profile is not loaded: fall back to meta.profile / shape inference.
    validation = await validateFhir(exchange.request.body ?? '', { strict: options.strict ?? false });
  }
  issues.push(...validation.issues);
  const messageId = metadataMessageId(request.json);
  if (messageId !== undefined) {
    const previous = options.messageIds.claim(messageId, exchange.id);
    if (previous) issues.push(listenIssue('listen.duplicate-message-id', `Parameters.parameter[messageId]: Unexpected messageId: expected an id not used before in this session, but "${messageId}" was already sent in exchange ${previous}`, 'Parameters.parameter.where(name=\'messageId\')'));
  }
  issues.push(...phnIssues(request.json));
  if (operation.startsWith('Patient/$FindCandidates')) issues.push(...checkFhirFindCandidates(request.json));
  return { issues, evidence: validation.evidence ?? [], ...(messageId !== undefined ? { messageId } : {}) };
}

/** `messageId` of the bc-metadata-parameters-in Parameters (the body itself or a Bundle entry). */
function metadataMessageId(json: unknown): string | undefined {
  const resources = [json, ...(Array.isArray((json as { entry?: unknown })?.entry) ? (json as { entry: { resource?: unknown }[] }).entry.map((e) => e?.resource) : [])];
  for (const resource of resources) {
    if ((resource as { resourceType?: unknown })?.resourceType !== 'Parameters') continue;
    const parameter = ((resource as { parameter?: unknown }).parameter as { name?: unknown; valueString?: unknown }[] | undefined)?.find?.((p) => p?.name === 'messageId');
    if (typeof parameter?.valueString === 'string' && parameter.valueString !== '') return parameter.valueString;
  }
  return undefined;
}

/** Every identifier with the PHN system must carry a PHN with a valid check digit (domain.md §d). */
function phnIssues(json: unknown): Issue[] {
  const issues: Issue[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.system === HCIM_FHIR.phnSystem || record.system === LEGACY_PHN_SYSTEM) && typeof record.value === 'string' && !isValidPhn(record.value)) {
      issues.push({ severity: 'error', code: 'rule.phn-check-digit', message: `${path}: Unexpected PHN: expected 10 digits starting with 9 with a valid check digit, but received "${record.value}"`, path, validator: 'rule' });
    }
    for (const [key, value] of Object.entries(record)) visit(value, path ? `${path}.${key}` : key);
  };
  visit(json, String((json as { resourceType?: unknown })?.resourceType ?? ''));
  return issues;
}

function listenIssue(code: string, message: string, path?: string): Issue {
  return { severity: 'error', code, message, ...(path ? { path } : {}), validator: 'listen' };
}
