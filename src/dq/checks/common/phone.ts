import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/**
 * True for a 10-digit North American (NANP) number, after dropping `tel:`/`fax:`, punctuation,
 * an optional leading 1 or +1 and an `x123` extension: area and exchange start with 2–9 and the
 * area code is not an N11 service code (911, 411…).
 */
export function isNanpNumber(value: string): boolean {
  let text = value.trim().replace(/^(?:tel|fax):/i, '').replace(/\s*(?:x|ext\.?)\s*\d+$/i, '');
  if (/[^\d\s().+-]/.test(text)) return false;
  text = text.replace(/\D/g, '');
  if (text.length === 11 && text.startsWith('1')) text = text.slice(1);
  return /^[2-9]\d\d[2-9]\d{6}$/.test(text) && !/^[2-9]11/.test(text);
}

/** Phone (and, for providers, fax) numbers in NANP format. */
export function checkPhones(fields: DqFields, ctx: CheckContext): void {
  if (fields.phone !== undefined && !isBlank(fields.phone) && !isNanpNumber(fields.phone)) ctx.flag('phone-format', 'phone', fields.phone, 'phone must be a 10-digit North American number (area and exchange 2-9XX, area not N11)');
  if (fields.fax !== undefined && !isBlank(fields.fax) && !isNanpNumber(fields.fax)) ctx.flag('fax-format', 'fax', fields.fax, 'fax must be a 10-digit North American number (area and exchange 2-9XX, area not N11)');
}
