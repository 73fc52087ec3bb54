import type { EngineIssue } from './engine.js';
import { HCIM_BASE } from './select-profile.js';

/** A known place where HCIM's FHIR interface breaks base R4 or its own IG, documented with evidence. */
export interface FhirDeviation {
  /** Stable id, `HCIM-FHIR-DEV-00x`; documented in docs/fhir-deviations.md. */
  id: string;
  title: string;
  /** Where the behaviour is seen (public artefacts). */
  evidence: string;
  matches(issue: EngineIssue): boolean;
}

/** HCIM add/revise/async responses are `collection` Bundles. */
const COLLECTION_RESPONSES = new Set(
  ['bc-add-response-bundle', 'bc-revise-response-bundle', 'bc-async-ack-response-bundle'].map((id) => `${HCIM_BASE}${id}`),
);

/** The known HCIM FHIR deviations (DESIGN.md §3: downgraded to warnings unless --strict). */
export const FHIR_DEVIATIONS: readonly FhirDeviation[] = [
  {
    id: 'HCIM-FHIR-DEV-001',
    title: 'HCIM add/revise response Bundles are type collection but carry entry.search (bdl-2)',
    evidence:
      'domain.md §c: add/revise return collection with the OperationOutcome marked search.mode=outcome and match scores in entry.search.score; ' +
      'bc-revise-response-bundle fixes type=collection; published valid samples Add-Patient-Response.json and Revise-Patient-Response-Sync-PHN-New.json ' +
      '(bcgov/MOH-HCIM-FHIR-HAPI-Validator @ c38bf9ea input-samples) have entry[1].search.mode=outcome in a collection Bundle.',
    matches: (issue) => issue.code === 'fhir.invariant.bdl-2' && issue.rootProfile !== undefined && COLLECTION_RESPONSES.has(issue.rootProfile),
  },
  {
    id: 'HCIM-FHIR-DEV-002',
    title: 'HCIM responses omit the sender parameter that bc-metadata-parameters-out requires (1..1)',
    evidence:
      'bc-metadata-parameters-out (IG 1.0.0) has parameter:sender min 1, yet none of the published valid response samples (Find-Candidates-Response, ' +
      'Get-Demographics-Response, Add-Patient-Response, Revise-Patient-Response-Sync-PHN-New) carries a sender parameter.',
    matches: (issue) => issue.code === 'fhir.slice' && issue.rule === 'slice:sender' && issue.profile === `${HCIM_BASE}bc-metadata-parameters-out`,
  },
];

/**
 * Downgrades issues matching a known deviation to `warning` (unless strict) and says so in the
 * message; genuine violations are never matched here.
 */
export function applyDeviations(issues: EngineIssue[], strict: boolean): EngineIssue[] {
  return issues.map((issue) => {
    if (issue.severity !== 'error') return issue;
    const deviation = FHIR_DEVIATIONS.find((candidate) => candidate.matches(issue));
    if (!deviation) return issue;
    const note = `known HCIM deviation ${deviation.id}: ${deviation.title}`;
    return strict
      ? { ...issue, message: `${issue.message} (${note})` }
      : { ...issue, severity: 'warning', message: `${issue.message} (${note}; downgraded to a warning, use --strict to keep it an error)` };
  });
}
