import { COLLEGE_BODIES } from '../../college-bodies.js';
import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/**
 * Default provider role codes: every type the licensing bodies license plus common unregulated
 * PLR roles. The PLR bc-practitioner-role value set is not public, so an unknown code is a
 * warning; pin the list with `codes.providerType` in the mapping file.
 */
export const DEFAULT_PROVIDER_TYPES = [...new Set([...COLLEGE_BODIES.flatMap((b) => b.providerTypes), 'MD', 'RES', 'STUDENT', 'PA', 'PARAMED'])];

/** Provider type present and known. */
export function checkProviderType(fields: DqFields, ctx: CheckContext): void {
  const value = fields.providerType;
  if (value === undefined) return;
  if (isBlank(value)) ctx.flag('provider-type-missing', 'providerType', value, 'provider type is required');
  else if (!ctx.codes.providerType.has(value.trim().toUpperCase())) ctx.flag('provider-type-code', 'providerType', value, 'provider type is not a known PLR provider role code (set codes.providerType in --map to pin the list)');
}
