import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

// Pragmatic shape check (one @, dotted domain, no spaces), not RFC 5322.
const EMAIL = /^[^\s@"<>()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Email address well-formed. */
export function checkEmail(fields: DqFields, ctx: CheckContext): void {
  const value = fields.email;
  if (value === undefined || isBlank(value)) return;
  if (!EMAIL.test(value.trim().replace(/^mailto:/i, ''))) ctx.flag('email-format', 'email', value, 'email must look like name@domain.tld');
}
