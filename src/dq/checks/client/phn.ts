import { isValidPhn } from '../../../hl7v3/phn.js';
import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/** PHN present, 10 digits starting with 9, check digit valid (domain.md §d). */
export function checkPhn(fields: DqFields, ctx: CheckContext): void {
  const value = fields.phn;
  if (value === undefined) return;
  if (isBlank(value)) {
    ctx.flag('phn-missing', 'phn', value, 'PHN is missing');
    return;
  }
  const phn = value.trim().replace(/[\s-]/g, '');
  if (!/^9\d{9}$/.test(phn)) ctx.flag('phn-format', 'phn', value, 'PHN must be 10 digits starting with 9');
  else if (!isValidPhn(phn)) ctx.flag('phn-check-digit', 'phn', value, 'PHN check digit is wrong (HCIM would answer BCHCIM.BRV.2.0003)');
}
