/**
 * FHIR R4 primitive types: JSON representation and lexical rules (R4 datatypes.html §2.24.0.1 and
 * json.html §2.6.2). Returns undefined when the value conforms, else what was expected.
 */
const DATE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
const DATE_TIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const INSTANT =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$/;
const CODE = /^[^\s]+( [^\s]+)*$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const OID = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;
const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const URI = /^\S*$/;
// Linear-time check (a grouped repetition backtracks badly on multi-megabyte attachments).
const BASE64 = /^[0-9a-zA-Z+/=\s]+$/;

const STRING_RULES: Record<string, { pattern?: RegExp; label: string }> = {
  string: { label: 'string' },
  markdown: { label: 'markdown string' },
  xhtml: { label: 'xhtml string' },
  code: { pattern: CODE, label: 'code (no leading, trailing or double whitespace)' },
  id: { pattern: ID, label: 'id (1-64 of A-Z a-z 0-9 - .)' },
  uri: { pattern: URI, label: 'uri (no whitespace)' },
  url: { pattern: URI, label: 'url (no whitespace)' },
  canonical: { pattern: URI, label: 'canonical (no whitespace)' },
  oid: { pattern: OID, label: 'oid (urn:oid:…)' },
  uuid: { pattern: UUID, label: 'uuid (urn:uuid:…, lower case)' },
  date: { pattern: DATE, label: 'date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  dateTime: { pattern: DATE_TIME, label: 'dateTime (YYYY[-MM[-DD[Thh:mm:ss[.f]±zz:zz]]])' },
  instant: { pattern: INSTANT, label: 'instant (YYYY-MM-DDThh:mm:ss[.f]±zz:zz)' },
  time: { pattern: TIME, label: 'time (hh:mm:ss)' },
  base64Binary: { pattern: BASE64, label: 'base64Binary' },
};

/** R4 primitive type codes (lower-case first letter). */
export const PRIMITIVE_TYPES = new Set([...Object.keys(STRING_RULES), 'boolean', 'integer', 'positiveInt', 'unsignedInt', 'decimal']);

/** Maps FHIRPath system types used for `id`/`url` elements (`http://hl7.org/fhirpath/System.String`). */
export function primitiveOfSystemType(code: string, fhirType?: string): string {
  if (fhirType) return fhirType;
  const system = code.slice('http://hl7.org/fhirpath/System.'.length);
  return { String: 'string', Boolean: 'boolean', Integer: 'integer', Decimal: 'decimal', Date: 'date', DateTime: 'dateTime', Time: 'time' }[system] ?? 'string';
}

/** Checks one primitive value; returns the expectation it fails, or undefined. */
export function primitiveMismatch(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'a JSON boolean';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a JSON number (decimal)';
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) <= 2147483647 ? undefined : 'a JSON integer';
    case 'positiveInt':
      return Number.isInteger(value) && (value as number) >= 1 ? undefined : 'a JSON integer ≥ 1 (positiveInt)';
    case 'unsignedInt':
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : 'a JSON integer ≥ 0 (unsignedInt)';
    default: {
      const rule = STRING_RULES[type] ?? STRING_RULES.string!;
      if (typeof value !== 'string') return `a JSON string (${rule.label})`;
      if (value.length === 0 || (type !== 'xhtml' && value.trim().length === 0)) return `a non-empty ${rule.label}`;
      return rule.pattern && !rule.pattern.test(value) ? `a ${rule.label}` : undefined;
    }
  }
}
