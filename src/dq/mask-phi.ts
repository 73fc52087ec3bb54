/**
 * Mask a personal value for reports: keep the first two and last two characters so a reviewer can
 * still find the record in the source system, hide the rest (`9735353315` → `97******15`). Values
 * of four characters or fewer are hidden entirely — two-and-two would reveal all of them.
 */
export function maskValue(value: string): string {
  const chars = [...value];
  if (chars.length === 0) return '';
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}
