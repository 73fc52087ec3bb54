import type { DqFinding } from '../run/report-schema.js';

/** Severity of a data-quality rule (no `fatal`: a record can always be read or reported as unreadable). */
export type DqSeverity = DqFinding['severity'];
/** Which data a rule applies to. `any` = structural rules (encoding, CSV syntax) and shared field rules. */
export type DqRuleScope = 'client' | 'provider' | 'any';

/** One data-quality rule: stable kebab-case id, fixed severity, one-line description for reports and --help. */
export interface DqRule {
  readonly id: string;
  readonly severity: DqSeverity;
  readonly scope: DqRuleScope;
  readonly description: string;
}

const rule = (id: string, severity: DqSeverity, scope: DqRuleScope, description: string): DqRule => ({ id, severity, scope, description });

/**
 * The rule catalogue. Checks refer to rules by id; severity lives here only so per-check counts,
 * the score and the docs can never disagree with what a check emits.
 */
export const DQ_RULES: readonly DqRule[] = [
  // Structure and encoding (any input)
  rule('encoding-bom', 'information', 'any', 'file starts with a UTF-8 byte-order mark (tolerated, but some loaders reject it)'),
  rule('encoding-invalid-utf8', 'error', 'any', 'row contains bytes that are not valid UTF-8'),
  rule('column-missing', 'warning', 'any', 'an expected column is absent from the header, so its checks were skipped'),
  rule('csv-field-count', 'error', 'any', 'row has a different number of fields than the header'),
  rule('csv-unterminated-quote', 'error', 'any', 'a quoted field is never closed'),
  rule('csv-stray-quote', 'warning', 'any', 'a double quote appears inside an unquoted field'),
  rule('json-invalid', 'error', 'any', 'line or file is not valid JSON'),
  rule('xml-invalid', 'error', 'any', 'HL7v3 message is not well-formed XML'),
  rule('record-unsupported', 'information', 'any', 'resource or message type is not a Patient/Practitioner (or HCIM/PLR person message); skipped'),
  // Shared person fields
  rule('family-missing', 'error', 'any', 'family name (surname) is missing'),
  rule('given-missing', 'warning', 'any', 'given name is missing'),
  rule('name-digits', 'error', 'any', 'name contains digits'),
  rule('name-whitespace', 'warning', 'any', 'name has leading, trailing or repeated spaces'),
  rule('name-characters', 'warning', 'any', 'name contains characters other than letters, space, hyphen, apostrophe or period'),
  rule('name-length', 'error', 'any', 'name is longer than 40 characters'),
  rule('birth-date-missing', 'error', 'client', 'birth date is missing'),
  rule('birth-date-invalid', 'error', 'any', 'birth date is not a valid calendar date in the expected format'),
  rule('birth-date-future', 'error', 'any', 'birth date is in the future'),
  rule('birth-date-too-old', 'error', 'any', 'birth date is more than 120 years ago'),
  rule('gender-missing', 'warning', 'any', 'gender is missing'),
  rule('gender-code', 'error', 'any', 'gender is not an allowed code'),
  rule('postal-code-format', 'error', 'any', 'postal code is not a Canadian postal code A9A 9A9 (letters D F I O Q U never used, W Z never first)'),
  rule('postal-code-province', 'error', 'any', 'postal code and province disagree (BC postal codes start with V)'),
  rule('address-line-missing', 'warning', 'any', 'address line 1 is missing'),
  rule('phone-format', 'error', 'any', 'phone is not a 10-digit North American number (area and exchange 2-9XX, area not N11)'),
  rule('fax-format', 'error', 'provider', 'fax is not a 10-digit North American number'),
  rule('email-format', 'error', 'any', 'email address is malformed'),
  // Client (HCIM)
  rule('phn-missing', 'error', 'client', 'PHN is missing'),
  rule('phn-format', 'error', 'client', 'PHN is not 10 digits starting with 9'),
  rule('phn-check-digit', 'error', 'client', 'PHN check digit is wrong (HCIM answers BCHCIM.BRV.2.0003)'),
  rule('name-swapped', 'warning', 'client', 'given and family names look swapped'),
  rule('deceased-date-invalid', 'error', 'client', 'deceased date is not a valid calendar date'),
  rule('deceased-before-birth', 'error', 'client', 'deceased date is before the birth date'),
  rule('deceased-date-future', 'error', 'client', 'deceased date is in the future'),
  rule('phn-conflict', 'error', 'client', 'the same PHN appears with different family name, birth date or gender'),
  rule('phn-repeated', 'warning', 'client', 'the same PHN appears again with the same demographics (duplicate record)'),
  rule('probable-duplicate', 'warning', 'client', 'probable duplicate person without a PHN (same surname and birth date, similar given name and address)'),
  // Provider (PLR)
  rule('ipc-missing', 'error', 'provider', 'IPC is missing'),
  rule('ipc-format', 'error', 'provider', 'IPC is not IPC.########.BC.PRS'),
  rule('ipc-duplicate', 'error', 'provider', 'IPC appears on more than one record'),
  rule('cpn-missing', 'warning', 'provider', 'CPN is missing'),
  rule('cpn-format', 'error', 'provider', 'CPN is not CPN.########.BC.PRS'),
  rule('cpn-duplicate', 'error', 'provider', 'CPN appears on more than one record'),
  rule('college-id-type', 'error', 'provider', 'college identifier type is missing or not a known licensing body'),
  rule('college-id-missing', 'error', 'provider', 'college id (licence number) is missing'),
  rule('college-id-format', 'error', 'provider', 'college id does not match the format of its licensing body'),
  rule('college-id-duplicate', 'error', 'provider', 'the same college id of the same licensing body appears on more than one record'),
  rule('college-type-mismatch', 'warning', 'provider', 'provider type does not belong to the licensing body of the college id'),
  rule('provider-type-missing', 'error', 'provider', 'provider type (role) is missing'),
  rule('provider-type-code', 'warning', 'provider', 'provider type is not a known PLR provider role code'),
  rule('status-missing', 'error', 'provider', 'licence status is missing'),
  rule('status-code', 'error', 'provider', 'licence status is not an allowed code'),
  rule('status-date-invalid', 'error', 'provider', 'licence status start or expiry date is not a valid calendar date'),
  rule('status-dates-order', 'error', 'provider', 'licence status start date is after its expiry date'),
];

const BY_ID = new Map(DQ_RULES.map((r) => [r.id, r]));

/** The rule with this id; throws for an unknown id because that is a programming error in a check. */
export function dqRule(id: string): DqRule {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown dq rule "${id}"`);
  return found;
}

/** Rules that can fire for this kind of data, in catalogue order (for per-check counts, including zeros). */
export function rulesFor(kind: 'client' | 'provider'): DqRule[] {
  return DQ_RULES.filter((r) => r.scope === 'any' || r.scope === kind);
}
