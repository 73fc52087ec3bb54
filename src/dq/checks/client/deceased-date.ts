import { isBlank, type DqFields } from '../../dq-record.js';
import { parseDate } from '../../parse-date.js';
import type { CheckContext } from '../check-context.js';

/** Deceased date valid, not in the future, not before the birth date. */
export function checkDeceasedDate(fields: DqFields, ctx: CheckContext): void {
  const value = fields.deceasedDate;
  if (value === undefined || isBlank(value)) return;
  const death = parseDate(value, ctx.dateFormat);
  if (death === undefined) {
    ctx.flag('deceased-date-invalid', 'deceasedDate', value, 'deceased date is not a valid date');
    return;
  }
  if (death > ctx.today) ctx.flag('deceased-date-future', 'deceasedDate', value, 'deceased date is in the future');
  const birth = fields.birthDate ? parseDate(fields.birthDate, ctx.dateFormat) : undefined;
  if (birth !== undefined && death < birth) ctx.flag('deceased-before-birth', 'deceasedDate', value, 'deceased date is before the birth date');
}
