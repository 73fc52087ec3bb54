import type { Issue } from '../../core/issue.js';

/** Nesting deeper than any FHIR resource needs; deeper input is refused before parsing or walking. */
export const MAX_JSON_DEPTH = 256;

/** Parsed JSON, or the issue explaining why the text cannot be validated. */
export type JsonSource = { kind: 'ok'; value: unknown } | { kind: 'failed'; issue: Issue };

/**
 * Parses message text as JSON without risking the stack: nesting depth is measured by a linear
 * scan first (10,000 levels of `[` would otherwise overflow the recursive validator), then
 * `JSON.parse`; a syntax error becomes an issue with line and column.
 */
export function parseJsonSource(text: string): JsonSource {
  const depth = maxDepth(text);
  if (depth.depth > MAX_JSON_DEPTH) {
    const { line, column } = lineColumn(text, depth.at);
    return {
      kind: 'failed',
      issue: { severity: 'fatal', code: 'json.too-deep', message: `${line}:${column}: JSON nesting must be at most ${MAX_JSON_DEPTH} levels, but received more than ${MAX_JSON_DEPTH}`, line, column, validator: 'json' },
    };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+) column (\d+)/.exec(message);
    const at = position ? lineColumn(text, Number(position[1])) : lineMatch ? { line: Number(lineMatch[1]), column: Number(lineMatch[2]) } : text.trim() === '' ? { line: 1, column: 1 } : lineColumn(text, text.length);
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return {
      kind: 'failed',
      issue: { severity: 'fatal', code: 'json.syntax', message: `${at.line}:${at.column}: expected JSON, but ${text.trim() === '' ? 'received an empty document' : reason}`, line: at.line, column: at.column, validator: 'json' },
    };
  }
}

function maxDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return { depth, at: i };
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return { depth: 0, at: 0 };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
