const NEEDS_ESCAPE = /[&<>"']/;

/** Escape text for XML content and attribute values. */
export function xmlText(value: string | number): string {
  const text = String(value);
  // Most values (ids, codes, names) need no escaping: one scan instead of five replace passes.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
