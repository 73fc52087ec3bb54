/** A message body laid out for display: lines plus a map from positions in the raw body to them. */
export interface PrettyBody {
  format: 'xml' | 'json' | 'text';
  lines: string[];
  /** 0-based display line for a 1-based raw line/column (validator issues point at the raw body). */
  lineOf(rawLine: number, rawColumn?: number): number | undefined;
}

// Bodies already laid out on lines (as the simulator and most servers send them) are shown as
// they are, so validator line numbers stay exact; one-line bodies are pretty-printed.
const LONG_LINE = 200;

/** Pretty-print an XML or JSON body for the HTML report, keeping validator line numbers usable. */
export function prettyBody(body: string, contentType = ''): PrettyBody {
  const trimmed = body.trimStart();
  const format = /json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[') ? 'json' : /xml/i.test(contentType) || trimmed.startsWith('<') ? 'xml' : 'text';
  const rawLines = body.split(/\r?\n/);
  const laidOut = rawLines.length > 1 && rawLines.every((line) => line.length <= LONG_LINE * 4) && rawLines.length >= body.length / LONG_LINE;
  const identity = { format, lines: rawLines, lineOf: (line: number) => (line >= 1 && line <= rawLines.length ? line - 1 : undefined) } as PrettyBody;
  if (laidOut || format === 'text') return identity;
  if (format === 'json') {
    try {
      const lines = JSON.stringify(JSON.parse(body), null, 2).split('\n');
      // A one-line JSON body only has line 1; issues on it point at the top.
      return { format, lines, lineOf: (line) => (line === 1 ? 0 : undefined) };
    } catch {
      return identity;
    }
  }
  return prettyXml(body) ?? identity;
}

/** Indent XML one tag per line; text-only elements stay on one line. Tracks raw offsets. */
function prettyXml(body: string): PrettyBody | undefined {
  const tokens = [...body.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<[^>]+>|[^<]+/g)];
  if (tokens.length === 0) return undefined;
  const lines: string[] = [];
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const text = token[0];
    const offset = token.index!;
    if (!text.startsWith('<')) {
      if (text.trim() === '') continue;
      lines.push(`${'  '.repeat(depth)}${text.trim()}`);
      starts.push(offset);
      continue;
    }
    const closing = text.startsWith('</');
    const selfContained = text.endsWith('/>') || text.startsWith('<?') || text.startsWith('<!');
    if (closing) depth = Math.max(0, depth - 1);
    // <a>text</a> on one line.
    const next = tokens[i + 1]?.[0];
    const after = tokens[i + 2]?.[0];
    if (!closing && !selfContained && next !== undefined && !next.startsWith('<') && after?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${text}${next.trim()}${after}`);
      starts.push(offset);
      i += 2;
      continue;
    }
    lines.push(`${'  '.repeat(depth)}${text}`);
    starts.push(offset);
    if (!closing && !selfContained) depth += 1;
  }
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  return {
    format: 'xml',
    lines,
    lineOf: (line, column = 1) => {
      const base = lineStarts[line - 1];
      if (base === undefined) return undefined;
      const offset = base + Math.max(0, column - 1);
      let found = 0;
      for (let i = 0; i < starts.length && starts[i]! <= offset; i++) found = i;
      return found;
    },
  };
}
