import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/** Longest name HCIM/PLR extracts are expected to carry (common registry column width). */
export const MAX_NAME_LENGTH = 40;
const DIGIT = /\d/;
// Letters of any script, combining marks, space, hyphen, apostrophes, period.
const ALLOWED = /^[\p{L}\p{M} '’.-]*$/u;

/** Family required, given recommended; no digits, no stray spaces, only name characters, ≤ 40 chars. */
export function checkNames(fields: DqFields, ctx: CheckContext): void {
  if (fields.family !== undefined && isBlank(fields.family)) ctx.flag('family-missing', 'family', fields.family, 'family name is required');
  if (fields.given !== undefined && isBlank(fields.given)) ctx.flag('given-missing', 'given', fields.given, 'a given name is expected');
  for (const field of ['family', 'given', 'middle'] as const) {
    const value = fields[field];
    if (value === undefined || isBlank(value)) continue;
    if (DIGIT.test(value)) ctx.flag('name-digits', field, value, `${field} name must not contain digits`);
    else if (!ALLOWED.test(value)) ctx.flag('name-characters', field, value, `${field} name has characters other than letters, space, hyphen, apostrophe or period`);
    if (value !== value.trim() || value.includes('  ')) ctx.flag('name-whitespace', field, value, `${field} name has leading, trailing or repeated spaces`);
    if ([...value.trim()].length > MAX_NAME_LENGTH) ctx.flag('name-length', field, value, `${field} name is ${[...value.trim()].length} characters, more than ${MAX_NAME_LENGTH}`);
  }
}
