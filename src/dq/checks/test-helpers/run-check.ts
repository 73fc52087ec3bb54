import type { DqFields } from '../../dq-record.js';
import type { CheckContext, RecordCheck } from '../check-context.js';
import { DEFAULT_GENDER_CODES } from '../common/gender.js';
import { DEFAULT_STATUS_CODES } from '../provider/licence-status.js';
import { DEFAULT_PROVIDER_TYPES } from '../provider/provider-type.js';

/** A finding as a check reported it. */
export interface Flagged {
  rule: string;
  field: string;
  value: string;
  message: string;
  related?: { file: string; row: number };
}

/** A context for 2026-01-01 with default codes that records what is flagged. */
export function testContext(): CheckContext & { flagged: Flagged[] } {
  const flagged: Flagged[] = [];
  return {
    today: 20260101,
    dateFormat: 'auto',
    codes: { gender: new Set(DEFAULT_GENDER_CODES), providerType: new Set(DEFAULT_PROVIDER_TYPES), statusCode: new Set(DEFAULT_STATUS_CODES) },
    flagged,
    flag: (rule, field, value, message, related) => flagged.push({ rule, field, value, message, ...(related ? { related } : {}) }),
  };
}

/** Rule ids a check flags for these fields. */
export function rulesOf(check: RecordCheck, fields: DqFields): string[] {
  const ctx = testContext();
  check(fields, ctx);
  return ctx.flagged.map((f) => f.rule);
}
