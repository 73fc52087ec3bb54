import type { z } from 'zod';

export type ZodIssue = z.core.$ZodIssue;

/**
 * The predicate and evidence of a zod issue in the house wording, to follow the dotted key:
 * `must be number, but received "20O"`, `is required (string)`, `has unknown key(s) "colour"`.
 */
export function describeIssue(issue: ZodIssue, raw: unknown): string {
  const received = valueAt(raw, issue.path);
  const evidence = received === undefined ? 'but it is missing' : `but received ${JSON.stringify(received)}`;
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, ${evidence}`;
    case 'too_small':
      return typeof received === 'number' || typeof received === 'undefined'
        ? `must be ≥ ${String(issue.minimum)}, ${evidence}`
        : `must have at least ${String(issue.minimum)} item(s), ${evidence}`;
    case 'too_big':
      return `must be ≤ ${String(issue.maximum)}, ${evidence}`;
    case 'unrecognized_keys':
      return `has unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${evidence}`;
    case 'invalid_union':
      return issue.message && issue.message !== 'Invalid input' ? `${issue.message}, ${evidence}` : `is not valid here, ${evidence}`;
    default:
      return `${issue.message}, ${evidence}`;
  }
}

/** The value at a zod path inside the raw (pre-validation) document. */
export function valueAt(raw: unknown, keys: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
