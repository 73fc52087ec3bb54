import { randomUUID } from 'node:crypto';
import { HCIM_FHIR, hcimProfile } from '../../fhir/hcim-systems.js';
import { responseText, severityDigit } from '../response-codes.js';

export type Severity = 'information' | 'warning' | 'error';

/** CodeSystem of HCIM change-distribution event types (domain.md §c). */
export const EVENT_SYSTEM = 'https://terminology.hlth.gov.bc.ca/ClientRegistry/CodeSystem/bc-client-registry-patient-change-notification-events';

export function severityOf(code: string): Severity {
  const digit = severityDigit(code);
  return digit === '2' ? 'error' : digit === '1' ? 'warning' : 'information';
}

/** An OperationOutcome with one bc-oo-codes issue (the IG samples' shape). */
export function operationOutcome(code: string, detail?: string): Record<string, unknown> {
  const severity = severityOf(code);
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code: 'business-rule', details: { coding: [{ system: HCIM_FHIR.ooCodes, code }], text: detail ?? responseText(code) } }],
  };
}

/** Metadata of the request bundle's bc-metadata-parameters-in, echoed into the reply. */
export interface RequestMetadata {
  messageId?: string;
  sender?: string;
  history?: boolean;
  identifiersOnly?: boolean;
}

function metadataOut(request: RequestMetadata): Record<string, unknown> {
  const parameters = [
    { name: 'messageId', valueString: randomUUID() },
    { name: 'messageDateTime', valueDateTime: new Date().toISOString() },
    ...(request.history !== undefined ? [{ name: 'history', valueBoolean: request.history }] : []),
    ...(request.identifiersOnly !== undefined ? [{ name: 'identifiersOnly', valueBoolean: request.identifiersOnly }] : []),
    ...(request.messageId ? [{ name: 'requestMessageId', valueString: request.messageId }] : []),
    { name: 'sender', valueIdentifier: { system: HCIM_FHIR.senderSystem, value: 'HCIM' } },
  ];
  return { resourceType: 'Parameters', meta: { profile: [hcimProfile('bc-metadata-parameters-out')] }, parameter: parameters };
}

type Match = { patient: Record<string, unknown>; score?: number };

/** A bc-search-response-bundle: MetadataParametersOut, exactly one OperationOutcome, then matches. */
export function searchResponseBundle(request: RequestMetadata, code: string, matches: Match[], selfUrl: string, detail?: string): Record<string, unknown> {
  return {
    ...bundleHeader('bc-search-response-bundle', 'searchset'),
    total: matches.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: metadataOut(request) },
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: operationOutcome(code, detail), search: { mode: 'outcome' } },
      ...matches.map(({ patient, score }) => ({
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: patient,
        search: { mode: 'match', ...(score !== undefined ? { score } : {}) },
      })),
    ],
  };
}

/**
 * bc-add-response-bundle / bc-revise-response-bundle (`collection`, Add-Patient-Response sample):
 * MetadataParametersOut, one OperationOutcome, then the Patient when there is one.
 */
export function operationResponseBundle(profile: 'bc-add-response-bundle' | 'bc-revise-response-bundle', request: RequestMetadata, code: string, patient: Record<string, unknown> | undefined, canonicalUrl: string, detail?: string): Record<string, unknown> {
  return {
    ...bundleHeader(profile, 'collection'),
    link: [{ relation: 'canonical', url: canonicalUrl }],
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: metadataOut(request) },
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: operationOutcome(code, detail) },
      ...(patient ? [{ fullUrl: `urn:uuid:${randomUUID()}`, resource: patient }] : []),
    ],
  };
}

/** bc-async-ack-response-bundle: exactly bc-metadata-parameters-out-async + OperationOutcome. */
export function asyncAckBundle(request: RequestMetadata, code: string): Record<string, unknown> {
  return {
    ...bundleHeader('bc-async-ack-response-bundle', 'collection'),
    entry: [
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Parameters',
          meta: { profile: [hcimProfile('bc-metadata-parameters-out-async')] },
          parameter: [
            { name: 'messageId', valueString: randomUUID() },
            // FHIR strings are never empty: a request without a messageId gets no requestMessageId.
            ...(request.messageId ? [{ name: 'requestMessageId', valueString: request.messageId }] : []),
            { name: 'messageDateTime', valueDateTime: new Date().toISOString() },
          ],
        },
      },
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: operationOutcome(code) },
    ],
  };
}

/** bc-merge-response-parameters (Merge-Response-Sync sample): outcome + result Patient. */
export function mergeResponseParameters(code: string, patient: Record<string, unknown> | undefined, detail?: string): Record<string, unknown> {
  return {
    resourceType: 'Parameters',
    meta: { profile: [hcimProfile('bc-merge-response-parameters')] },
    parameter: [{ name: 'outcome', resource: operationOutcome(code, detail) }, ...(patient ? [{ name: 'result', resource: patient }] : [])],
  };
}

/** bc-subscription-notification-bundle (Distribution-*.json samples): event metadata + Patient. */
export function notificationBundle(event: string, patient: Record<string, unknown>, baseUrl: string): Record<string, unknown> {
  return {
    ...bundleHeader('bc-subscription-notification-bundle', 'collection'),
    entry: [
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Parameters',
          meta: { profile: [hcimProfile('bc-metadata-parameters-subscription')] },
          parameter: [
            { name: 'messageId', valueString: randomUUID().replace(/-/g, '') },
            { name: 'messageDateTime', valueDateTime: new Date().toISOString() },
            { name: 'eventType', valueCodeableConcept: { coding: [{ system: EVENT_SYSTEM, code: event }] } },
          ],
        },
      },
      { fullUrl: `${baseUrl}/hcim/fhir/Patient/${String(patient.id)}`, resource: patient },
    ],
  };
}

/** The fields every HCIM reply Bundle starts with: profile, a fresh identifier, type and timestamp. */
function bundleHeader(profileId: string, type: 'searchset' | 'collection'): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    meta: { profile: [hcimProfile(profileId)] },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    type,
    timestamp: new Date().toISOString(),
  };
}
