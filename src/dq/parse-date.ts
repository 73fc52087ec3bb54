/** Date layouts a dq input may use. `auto` accepts YYYY-MM-DD, YYYYMMDD[hhmmss…] and MM-DD-YYYY. */
export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'YYYYMMDD', 'MM-DD-YYYY', 'DD-MM-YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{0,6}(?:\.\d+)?(?:[+-]\d{4})?)?$/;
const DASHED = /^(\d{2})[-/](\d{2})[-/](\d{4})$/;

/**
 * Parse a date to the integer `yyyymmdd` (comparable with `<`), or `undefined` when it is not a
 * real calendar date in the format. MM-DD-YYYY is `auto`'s reading of `nn-nn-yyyy` because that is
 * the PLR extract's layout (DATE_OF_BIRTH (MM-DD-YYYY)); use DD-MM-YYYY in the mapping otherwise.
 */
export function parseDate(value: string, format: DateFormat = 'auto'): number | undefined {
  // Checks and duplicate indexes parse the same birth date back to back: remember the last one.
  if (value === last.value && format === last.format) return last.result;
  const result = parseUncached(value, format);
  last.value = value;
  last.format = format;
  last.result = result;
  return result;
}

const last: { value: string | undefined; format: DateFormat; result: number | undefined } = { value: undefined, format: 'auto', result: undefined };

function parseUncached(value: string, format: DateFormat): number | undefined {
  const text = value.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((format === 'auto' || format === 'YYYY-MM-DD') && (match = ISO.exec(text))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((format === 'auto' || format === 'YYYYMMDD') && (match = COMPACT.exec(text))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((format === 'auto' || format === 'MM-DD-YYYY') && (match = DASHED.exec(text))) [m, d, y] = [+match[1]!, +match[2]!, +match[3]!];
  else if (format === 'DD-MM-YYYY' && (match = DASHED.exec(text))) [d, m, y] = [+match[1]!, +match[2]!, +match[3]!];
  else return undefined;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return y * 10000 + m * 100 + d;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `yyyymmdd` of a JS date (UTC), the same scale parseDate returns. */
export function dateNumber(date: Date): number {
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
