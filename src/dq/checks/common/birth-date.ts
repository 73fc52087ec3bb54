import { isBlank, type DqFields } from '../../dq-record.js';
import { parseDate } from '../../parse-date.js';
import type { CheckContext } from '../check-context.js';

/** A person older than this is almost certainly a data-entry error (or a missing death date). */
export const MAX_AGE_YEARS = 120;

/** Birth date valid, not in the future, not over 120 years ago; `required` adds the missing check (clients). */
export function checkBirthDate(fields: DqFields, ctx: CheckContext, required: boolean): void {
  const value = fields.birthDate;
  if (value === undefined) return;
  if (isBlank(value)) {
    if (required) ctx.flag('birth-date-missing', 'birthDate', value, 'birth date is required');
    return;
  }
  const date = parseDate(value, ctx.dateFormat);
  if (date === undefined) ctx.flag('birth-date-invalid', 'birthDate', value, `birth date is not a valid date (${ctx.dateFormat === 'auto' ? 'YYYY-MM-DD, YYYYMMDD or MM-DD-YYYY' : ctx.dateFormat})`);
  else if (date > ctx.today) ctx.flag('birth-date-future', 'birthDate', value, 'birth date is in the future');
  else if (date < ctx.today - MAX_AGE_YEARS * 10000) ctx.flag('birth-date-too-old', 'birthDate', value, `birth date is more than ${MAX_AGE_YEARS} years ago`);
}
