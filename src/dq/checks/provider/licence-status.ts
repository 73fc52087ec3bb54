import { isBlank, type DqFields } from '../../dq-record.js';
import { parseDate } from '../../parse-date.js';
import type { CheckContext } from '../check-context.js';

/** Default licence status codes (PLR extract and HL7v3 statusCode; compared upper-cased). */
export const DEFAULT_STATUS_CODES = ['ACTIVE', 'INACTIVE', 'SUSPENDED', 'TERMINATED', 'RETIRED', 'DECEASED', 'CANCELLED', 'PENDING', 'EXPIRED'];

/** Status present and allowed; start and expiry dates valid and in order (9999 open-ended expiry is fine). */
export function checkLicenceStatus(fields: DqFields, ctx: CheckContext): void {
  const status = fields.statusCode;
  if (status !== undefined) {
    if (isBlank(status)) ctx.flag('status-missing', 'statusCode', status, 'licence status is required');
    else if (!ctx.codes.statusCode.has(status.trim().toUpperCase())) ctx.flag('status-code', 'statusCode', status, `licence status must be one of ${[...ctx.codes.statusCode].join(', ')}`);
  }
  const start = dateOf(fields.statusStart, 'statusStart', ctx);
  const expiry = dateOf(fields.statusExpiry, 'statusExpiry', ctx);
  if (start !== undefined && expiry !== undefined && start > expiry) ctx.flag('status-dates-order', 'statusStart', fields.statusStart!, 'licence status start date is after its expiry date');
}

function dateOf(value: string | undefined, field: string, ctx: CheckContext): number | undefined {
  if (value === undefined || isBlank(value)) return undefined;
  const date = parseDate(value, ctx.dateFormat);
  if (date === undefined) ctx.flag('status-date-invalid', field, value, `${field} is not a valid date`);
  return date;
}
