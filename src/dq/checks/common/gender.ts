import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/**
 * Default allowed gender codes: HL7v3 AdministrativeGender as HCIM/PLR use it (M, F, UN, U, X)
 * and the FHIR words (male, female, other, unknown). Compared case-insensitively.
 */
export const DEFAULT_GENDER_CODES = ['M', 'F', 'U', 'UN', 'UNK', 'X', 'MALE', 'FEMALE', 'OTHER', 'UNKNOWN'];

/** Gender present and one of the allowed codes. */
export function checkGender(fields: DqFields, ctx: CheckContext): void {
  const value = fields.gender;
  if (value === undefined) return;
  if (isBlank(value)) ctx.flag('gender-missing', 'gender', value, 'gender is missing');
  else if (!ctx.codes.gender.has(value.trim().toUpperCase())) ctx.flag('gender-code', 'gender', value, `gender must be one of ${[...ctx.codes.gender].join(', ')}`);
}
