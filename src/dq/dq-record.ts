/** Kind of registry data a dq run checks: HCIM clients (persons) or PLR providers. */
export type DqKind = 'client' | 'provider';

/**
 * Canonical field names every input format is mapped to. Checks only ever see these; `--map`
 * maps them to CSV column (or flat NDJSON key) names.
 */
export const CANONICAL_FIELDS = [
  'phn', 'family', 'given', 'middle', 'birthDate', 'gender', 'deceasedDate',
  'addressLine1', 'addressLine2', 'city', 'province', 'postalCode', 'country',
  'phoneArea', 'phone', 'faxArea', 'fax', 'email',
  'ipc', 'cpn', 'identifierType', 'collegeId', 'providerType', 'mspId',
  'statusCode', 'statusReason', 'statusStart', 'statusExpiry',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/**
 * One input record in canonical form. `undefined` = the input does not carry the field at all
 * (column absent: its checks are skipped); `''` = carried but blank.
 */
export type DqFields = Partial<Record<CanonicalField, string>>;

/** Fields that identify or describe a person; masked in findings with --mask-phi. */
export const PHI_FIELDS: ReadonlySet<string> = new Set<string>([
  'phn', 'family', 'given', 'middle', 'birthDate', 'deceasedDate', 'addressLine1', 'addressLine2',
  'city', 'postalCode', 'phone', 'fax', 'email', 'person',
]);

/** True when the value is absent or only whitespace. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
