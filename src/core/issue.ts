/** Severity words as in FHIR OperationOutcome.issue.severity. */
export type Severity = 'fatal' | 'error' | 'warning' | 'information';

/**
 * One validator finding. Findings are data, never exceptions: a validator returns `Issue[]` for
 * invalid content and throws only when it cannot run at all.
 */
export interface Issue {
  severity: Severity;
  /** Stable machine code, dotted, e.g. `xsd.cvc-pattern-valid`, `rule.phn-check-digit`. */
  code: string;
  message: string;
  /** Element path (`/HCIM_IN_GetDemographics/id`) or FHIRPath (`Bundle.entry[1].resource`). */
  path?: string;
  line?: number;
  column?: number;
  /** Which validator produced it: `xsd`, `rule`, `fhir-profile`, `xml`, `json`, … */
  validator: string;
}

/** An issue set is invalid iff an `error` or `fatal` remains. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error' || issue.severity === 'fatal');
}
