import type { Report } from './report-schema.js';

/** PHN: 10 digits starting with 9 (domain.md §d), not part of a longer number. */
const PHN = /(?<![\d.])9\d{9}(?![\d.])/g;
/** Person names in HL7v3 (`<family>`, `<given>`) and FHIR JSON (`"family"`, `"given"`, `"text"` of a name). */
const XML_NAME = /(<(?:\w+:)?(?:family|given|prefix|suffix)\b[^>]*>)([^<]*)(<\/)/g;
const JSON_FAMILY = /("family"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;
const JSON_GIVEN = /("given"\s*:\s*\[)([^\]]*)(\])/g;
const NAME_VARIABLE = /(family|given|surname|name)$/i;

/** `9876543218` → `98******18`: keeps enough to tell test records apart, not enough to identify. */
export function maskPhn(phn: string): string {
  return `${phn.slice(0, 2)}******${phn.slice(-2)}`;
}

function maskName(name: string): string {
  return name.length === 0 ? name : `${name[0]}***`;
}

/** Mask PHNs and the names found in name elements of `text`, plus any of `knownNames` anywhere in it. */
export function maskText(text: string, knownNames: ReadonlySet<string> = new Set()): string {
  let masked = text;
  for (const name of knownNames) masked = masked.split(name).join(maskName(name));
  return masked
    .replace(PHN, maskPhn)
    .replace(XML_NAME, (_m, open: string, name: string, close: string) => `${open}${maskName(name)}${close}`)
    .replace(JSON_FAMILY, (_m, open: string, name: string, close: string) => `${open}${maskName(name)}${close}`)
    .replace(JSON_GIVEN, (_m, open: string, list: string, close: string) => `${open}${list.replace(/"((?:[^"\\]|\\.)*)"/g, (_q, n: string) => `"${maskName(n)}"`)}${close}`);
}

/**
 * `--mask-phi`: a copy of the report safe to share outside the Ministry — PHNs and person names are
 * masked in every string (bodies, messages, expected/actual values, captures, target variables).
 * Hashes in `evidence` are kept: they identify files, not people.
 */
export function maskReportPhi(report: Report): Report {
  const names = collectNames(report);
  const masked = deepMask(report, '', names) as Report;
  masked.evidence = report.evidence;
  masked.signature = report.signature;
  for (const [name, value] of Object.entries(report.target.variables)) {
    masked.target.variables[name] = NAME_VARIABLE.test(name) ? maskName(value) : maskText(value, names);
  }
  return masked;
}

/** Values of name-like target variables (`phnFamily`, `fcSurname` …). */
export function namesFromVariables(variables: Record<string, string>): string[] {
  return Object.entries(variables).filter(([name, value]) => NAME_VARIABLE.test(name) && value.trim().length >= 2).map(([, value]) => value.trim());
}

/**
 * Names that appear in name elements of any body, or as name-like target variables: once known they
 * are masked everywhere (assertion messages, expected/actual values), not only inside the elements.
 */
export function collectNames(report: Report): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed.length >= 2) names.add(trimmed);
  };
  for (const name of namesFromVariables(report.target.variables)) add(name);
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(XML_NAME)) add(m[2]!);
      for (const m of value.matchAll(JSON_FAMILY)) add(m[2]!);
      for (const m of value.matchAll(JSON_GIVEN)) for (const q of m[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)) add(q[1]!);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(report.suites);
  // Longest first, so "ELAINE MARIE" is masked before "ELAINE".
  return new Set([...names].sort((a, b) => b.length - a.length));
}

function deepMask(value: unknown, key: string, names: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return key === 'sha256' ? value : maskText(value, names);
  if (Array.isArray(value)) return value.map((item) => deepMask(item, key, names));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMask(v, k, names)]));
  return value;
}
