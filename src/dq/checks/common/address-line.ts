import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/** Address line 1 present (HCIM FindCandidates and PLR addresses are matched on it). */
export function checkAddressLine(fields: DqFields, ctx: CheckContext): void {
  if (fields.addressLine1 !== undefined && isBlank(fields.addressLine1)) ctx.flag('address-line-missing', 'addressLine1', fields.addressLine1, 'address line 1 is missing');
}
