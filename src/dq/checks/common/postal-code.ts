import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

// Canada Post: letters D F I O Q U are never used; W and Z never as the first letter.
const POSTAL = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/;

/** Canadian postal code `A9A 9A9` and agreement with the province (BC ⇔ starts with V). */
export function checkPostalCode(fields: DqFields, ctx: CheckContext): void {
  const value = fields.postalCode;
  if (value === undefined || isBlank(value)) return;
  const country = (fields.country ?? '').trim().toUpperCase();
  if (country !== '' && !['CA', 'CAN', 'CANADA'].includes(country)) return; // foreign addresses have their own formats
  const code = value.trim().toUpperCase();
  if (!POSTAL.test(code)) {
    ctx.flag('postal-code-format', 'postalCode', value, 'postal code must be a Canadian postal code A9A 9A9 (no D, F, I, O, Q, U; no leading W or Z)');
    return;
  }
  const province = (fields.province ?? '').trim().toUpperCase();
  if (province === '') return;
  const bc = province === 'BC' || province === 'BRITISH COLUMBIA';
  if (bc !== code.startsWith('V')) ctx.flag('postal-code-province', 'postalCode', value, bc ? 'province is BC, but the postal code does not start with V' : `postal code starts with V (BC), but the province is ${province}`);
}
