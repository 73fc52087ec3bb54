import type { DqFields } from '../dq-record.js';
import type { DateFormat } from '../parse-date.js';

/** Allowed code lists after defaults and `--map codes:` overrides (upper-cased). */
export interface ResolvedCodes {
  gender: ReadonlySet<string>;
  providerType: ReadonlySet<string>;
  statusCode: ReadonlySet<string>;
}

/** What a check may use and how it reports. Checks return nothing: findings are pushed to `flag`. */
export interface CheckContext {
  /** Today as yyyymmdd (injectable so tests are stable). */
  today: number;
  dateFormat: DateFormat;
  codes: ResolvedCodes;
  /**
   * Report a finding on the current record. Messages must not contain the value: the value is
   * carried separately so --mask-phi can mask it.
   */
  flag(rule: string, field: string, value: string, message: string, related?: { file: string; row: number }): void;
}

/** One record-level check (stateless). Stateful, cross-record checks (duplicates) are classes. */
export type RecordCheck = (fields: DqFields, ctx: CheckContext) => void;
