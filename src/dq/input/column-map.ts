import { CANONICAL_FIELDS, type CanonicalField } from '../dq-record.js';
import { DEFAULT_ALIASES, normaliseHeader } from '../field-aliases.js';

/**
 * Resolve header names to canonical fields: an explicit `--map` column wins, else the first
 * default alias present. Returns field → column index for the fields the header carries.
 */
export function mapColumns(header: readonly string[], explicit: Partial<Record<CanonicalField, string>>): Map<CanonicalField, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (!index.has(key)) index.set(key, i);
  });
  const result = new Map<CanonicalField, number>();
  for (const field of CANONICAL_FIELDS) {
    const wanted = explicit[field];
    const names = wanted !== undefined ? [wanted] : DEFAULT_ALIASES[field];
    for (const name of names) {
      const i = index.get(normaliseHeader(name));
      if (i !== undefined) {
        result.set(field, i);
        break;
      }
    }
  }
  return result;
}

/** Canonical field for one flat-object key (NDJSON of plain records), or undefined. */
export function keyLookup(explicit: Partial<Record<CanonicalField, string>>): (key: string) => CanonicalField | undefined {
  const lookup = new Map<string, CanonicalField>();
  for (const field of CANONICAL_FIELDS) for (const alias of DEFAULT_ALIASES[field]) if (!lookup.has(normaliseHeader(alias))) lookup.set(normaliseHeader(alias), field);
  // Explicit mappings override aliases and the canonical names themselves always match.
  for (const field of CANONICAL_FIELDS) lookup.set(normaliseHeader(field), field);
  for (const [field, column] of Object.entries(explicit)) lookup.set(normaliseHeader(column), field as CanonicalField);
  return (key) => lookup.get(normaliseHeader(key));
}
