/** A tiny XML tree for reporters that emit XML (JUnit); serialised with proper escaping. */
export interface XmlEntry {
  name: string;
  attributes?: Record<string, string | number | undefined>;
  children?: XmlEntry[];
  text?: string;
}

// XML 1.0 forbids most C0 controls even escaped; drop them rather than emit an unparsable file.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function serializeXml(entry: XmlEntry, indent = ''): string {
  const attributes = Object.entries(entry.attributes ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const children = entry.children ?? [];
  if (children.length === 0 && entry.text === undefined) return `${indent}<${entry.name}${attributes}/>`;
  if (children.length === 0) return `${indent}<${entry.name}${attributes}>${escapeXml(entry.text ?? '')}</${entry.name}>`;
  return `${indent}<${entry.name}${attributes}>\n${children.map((child) => serializeXml(child, `${indent}  `)).join('\n')}\n${indent}</${entry.name}>`;
}
