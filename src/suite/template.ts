import { randomUUID } from 'node:crypto';
import { HarnessError } from '../core/errors.js';
import type { SourceLocation } from '../core/source-location.js';

/** Variables visible to a template: target variables < suite < case < captures < per-step builtins. */
export type Variables = Readonly<Record<string, string>>;

const PLACEHOLDER = /\$\$\{|\$\{([^}]*)\}/g;

/** HL7v3 TS timestamp `yyyyMMddHHmmss` (UTC), as HCIM's creationTime. */
export function hl7Timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Builtins evaluated per step: `${now}` (HL7 yyyyMMddHHmmss), `${nowIso}` (FHIR instant),
 * `${today}` (yyyyMMdd), `${messageId}` (one UUID per step, so a body and a later expectation can
 * refer to the same id), `${uuid}` (a fresh UUID at each use).
 */
export function stepBuiltins(date: Date = new Date()): Record<string, string> {
  return {
    now: hl7Timestamp(date),
    nowIso: date.toISOString(),
    today: hl7Timestamp(date).slice(0, 8),
    messageId: randomUUID().toUpperCase(),
  };
}

/**
 * Replace `${name}` with its value; `$${` is a literal `${`. A `$` not followed by `{` is left as
 * is, so FHIR operation names (`Patient/$GetDemographics`) need no escaping. An unknown name is a
 * suite error that names the variable, where it was used and the names that exist.
 */
export function renderTemplate(text: string, variables: Variables, context: { location?: SourceLocation; key: string }): string {
  return text.replace(PLACEHOLDER, (match, name: string | undefined) => {
    if (match === '$${') return '${';
    const key = (name ?? '').trim();
    if (key === 'uuid') return randomUUID();
    const value = variables[key];
    if (value === undefined) {
      const known = Object.keys(variables).sort();
      throw new HarnessError('ERR_TEMPLATE_VARIABLE', `${context.key} uses unknown variable "\${${key}}"; known variables: ${known.join(', ') || '(none)'}, uuid`, { location: context.location });
    }
    return value;
  });
}
