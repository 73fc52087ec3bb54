import type { ResponseView } from './response-view.js';
import { evaluateXPath } from '../hl7v3/xpath-eval.js';

/**
 * Every business response code a reply carries, in the places HCIM and PLR put them:
 * HL7v3 `queryAck/queryResponseCode/@code` (real HCIM writes "CODE | text", so the text after the
 * first `|` or space is dropped), `acknowledgement/acknowledgementDetail/code/@code`,
 * `controlActProcess/reasonOf/detectedIssueEvent/code/@code` of registration results
 * (HCIM_IN_PersonRevisedResult / …Accepted / …Rejected: their MCCI_MT000100 wrapper has no
 * acknowledgement, MFMI_MT700701 carries the outcome as a detected issue), the
 * `acceptAckCode/@code` that HCIM error replies abuse; FHIR `OperationOutcome.issue.details.coding.code`
 * anywhere in the resource (top level, Bundle entries, PLR's nested bundles).
 */
export function extractResponseCodes(view: ResponseView): { codes: string[]; format: 'xml' | 'json' | 'none' } {
  const body = view.body.trimStart();
  if (body.startsWith('{') || body.startsWith('[')) {
    const parsed = view.json();
    if (!parsed.ok) return { codes: [], format: 'none' };
    const codes: string[] = [];
    collectOperationOutcomeCodes(parsed.value, codes, 0);
    return { codes, format: 'json' };
  }
  const parsed = view.xml();
  if (!parsed.ok) return { codes: [], format: 'none' };
  const raw = [
    ...evaluateXPath(parsed.document, '//hl7:queryAck/hl7:queryResponseCode/@code'),
    ...evaluateXPath(parsed.document, '//hl7:acknowledgement/hl7:acknowledgementDetail/hl7:code/@code'),
    // Registration results (HCIM_IN_PersonRevisedAccepted/Rejected …) state theirs as a detected issue.
    ...evaluateXPath(parsed.document, '//hl7:controlActProcess/hl7:reasonOf/hl7:detectedIssueEvent/hl7:code/@code'),
    ...evaluateXPath(parsed.document, '//hl7:acceptAckCode/@code').filter((code) => /^BCHCIM\./.test(String(code))),
  ];
  return { codes: raw.map((code) => String(code).trim().split(/\s*\|\s*|\s+/)[0]!).filter(Boolean), format: 'xml' };
}

function collectOperationOutcomeCodes(value: unknown, codes: string[], depth: number): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectOperationOutcomeCodes(item, codes, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record.resourceType === 'OperationOutcome' && Array.isArray(record.issue)) {
    for (const issue of record.issue as { details?: { coding?: { code?: unknown }[] } }[]) {
      for (const coding of issue?.details?.coding ?? []) if (typeof coding?.code === 'string') codes.push(coding.code);
    }
    return;
  }
  for (const child of Object.values(record)) if (child && typeof child === 'object') collectOperationOutcomeCodes(child, codes, depth + 1);
}
