import { randomUUID } from 'node:crypto';
import { HCIM_FHIR, hcimProfile } from '../../fhir/hcim-systems.js';

export type Severity = 'information' | 'warning' | 'error';

/** Texts of the bc-oo-codes the simulator uses. */
const CODE_TEXT: Record<string, string> = {
  'BCHCIM.GD.0.0013': 'The get demographics query completed successfully.',
  'BCHCIM.GD.1.0015': 'The queried identifier was merged; the surviving record is returned.',
  'BCHCIM.GD.0.0018': 'No results were found for the get demographics query.',
  'BCHCIM.FC.0.0012': 'The find candidates query completed successfully.',
  'BCHCIM.FC.0.0017': 'The maximum number of results was returned; refine the search.',
  'BCHCIM.FC.0.0018': 'No candidates were found.',
  'BCHCIM.SCH.2.5017': 'The identifier value is empty.',
  'BCHCIM.SCH.2.5107': 'Insufficient search parameters: a surname and one of birth date, address line 1, phone or postal code are required.',
  'BCHCIM.BRV.2.0003': 'The PHN check digit is invalid.',
  'BCHCIM.GD.2.0006': 'The request message is invalid.',
};

export function severityOf(code: string): Severity {
  const digit = /^BCHCIM\.[A-Z]+\.(\d)\./.exec(code)?.[1];
  return digit === '2' ? 'error' : digit === '1' ? 'warning' : 'information';
}

export function operationOutcome(code: string, detail?: string): Record<string, unknown> {
  const severity = severityOf(code);
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code: severity === 'error' ? 'business-rule' : 'informational', details: { coding: [{ system: HCIM_FHIR.ooCodes, code }], text: detail ?? CODE_TEXT[code] ?? code } }],
  };
}

/** Metadata of the request bundle's bc-metadata-parameters-in, echoed into the reply. */
export interface RequestMetadata {
  messageId?: string;
  sender?: string;
  history?: boolean;
  identifiersOnly?: boolean;
}

/** A bc-search-response-bundle: MetadataParametersOut, exactly one OperationOutcome, then matches. */
export function searchResponseBundle(request: RequestMetadata, code: string, matches: { patient: Record<string, unknown>; score?: number }[], selfUrl: string): Record<string, unknown> {
  const outcomeId = randomUUID();
  const parameters = [
    { name: 'messageId', valueString: randomUUID() },
    { name: 'messageDateTime', valueDateTime: new Date().toISOString() },
    ...(request.history !== undefined ? [{ name: 'history', valueBoolean: request.history }] : []),
    ...(request.identifiersOnly !== undefined ? [{ name: 'identifiersOnly', valueBoolean: request.identifiersOnly }] : []),
    ...(request.messageId ? [{ name: 'requestMessageId', valueString: request.messageId }] : []),
    { name: 'sender', valueIdentifier: { system: HCIM_FHIR.senderSystem, value: 'HCIM' } },
  ];
  return {
    resourceType: 'Bundle',
    meta: { profile: [hcimProfile('bc-search-response-bundle')] },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    type: 'searchset',
    timestamp: new Date().toISOString(),
    total: matches.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: { resourceType: 'Parameters', meta: { profile: [hcimProfile('bc-metadata-parameters-out')] }, parameter: parameters } },
      { fullUrl: `urn:uuid:${outcomeId}`, resource: operationOutcome(code), search: { mode: 'outcome' } },
      ...matches.map(({ patient, score }) => ({
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: patient,
        search: { mode: 'match', ...(score !== undefined ? { score } : {}) },
      })),
    ],
  };
}
