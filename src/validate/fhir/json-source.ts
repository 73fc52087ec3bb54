import type { Issue } from '../../core/issue.js';

/** Parsed JSON, or the issue explaining why the text cannot be validated. */
export type JsonSource = { kind: 'ok'; value: unknown } | { kind: 'failed'; issue: Issue };

/**
 * Parses message text as JSON; a syntax error becomes an issue with line and column. V8's
 * `JSON.parse` is iterative, so 10,000 levels of nesting parse safely; the validator bounds its
 * own recursion (engine `MAX_DEPTH`).
 */
export function parseJsonSource(text: string): JsonSource {
  try {
    return { kind: 'ok', value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    // Node 20's JSON.parse messages do not always carry a position: locate the error ourselves.
    const offset = syntaxErrorOffset(text);
    const at = lineColumn(text, offset < 0 ? text.length : offset);
    const received = text.trim() === '' ? 'an empty document' : offset < 0 || offset >= text.length ? 'the end of the text' : JSON.stringify(text.slice(offset, offset + 12));
    return {
      kind: 'failed',
      issue: { severity: 'fatal', code: 'json.syntax', message: `${at.line}:${at.column}: expected JSON, but received ${received}`, line: at.line, column: at.column, validator: 'json' },
    };
  }
}

/** Offset of the first JSON syntax error (iterative scanner, used on the failure path only); -1 if none. */
export function syntaxErrorOffset(text: string): number {
  const n = text.length;
  const stack: ('array' | 'object')[] = [];
  let state: 'value' | 'valueOrEnd' | 'afterValue' | 'keyOrEnd' | 'key' | 'colon' = 'value';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const literal = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null/y;
  const scanString = (start: number): number => {
    for (let j = start + 1; j < n; j++) {
      const code = text.charCodeAt(j);
      if (code === 0x5c) j++;
      else if (code === 0x22) return j + 1;
      else if (code < 0x20) return -j - 1;
    }
    return -n - 1;
  };
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return state === 'afterValue' && stack.length === 0 ? -1 : n;
    const c = text[i];
    if (state === 'value' || state === 'valueOrEnd') {
      if (state === 'valueOrEnd' && c === ']') {
        stack.pop();
        i++;
        state = 'afterValue';
      } else if (c === '{' || c === '[') {
        stack.push(c === '{' ? 'object' : 'array');
        i++;
        state = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      } else if (c === '"') {
        const end = scanString(i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'afterValue';
      } else {
        literal.lastIndex = i;
        const match = literal.exec(text);
        if (!match) return i;
        i += match[0].length;
        state = 'afterValue';
      }
    } else if (state === 'afterValue') {
      const top = stack[stack.length - 1];
      if (!top) return i;
      if (c === ',') {
        i++;
        state = top === 'array' ? 'value' : 'key';
      } else if ((c === ']' && top === 'array') || (c === '}' && top === 'object')) {
        stack.pop();
        i++;
      } else {
        return i;
      }
    } else if (state === 'keyOrEnd' && c === '}') {
      stack.pop();
      i++;
      state = 'afterValue';
    } else if (state === 'keyOrEnd' || state === 'key') {
      if (c !== '"') return i;
      const end = scanString(i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else {
      if (c !== ':') return i;
      i++;
      state = 'value';
    }
  }
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

/**
 * Maps element paths (`Bundle.entry[1].resource.name[0].use`, `_x` folded into `x`) to the line
 * and column where their value starts. Built on demand, only for documents with issues.
 */
export function pathPositions(text: string, root: string): Map<string, { line: number; column: number }> {
  const positions = new Map<string, { line: number; column: number }>();
  const stack: { path: string; index: number; isArray: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  let pendingKey: string | undefined;
  const record = (path: string, offset: number) => {
    if (!positions.has(path)) positions.set(path, { line, column: offset - lineStart + 1 });
  };
  const valuePath = (offset: number): string => {
    const top = stack[stack.length - 1];
    let path: string;
    if (!top) path = root;
    else if (top.isArray) path = `${top.path}[${top.index}]`;
    else path = `${top.path}.${pendingKey ?? ''}`;
    record(path, offset);
    return path;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (code === 0x22) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      const isKey = top && !top.isArray && pendingKey === undefined;
      if (isKey) {
        const raw = text.slice(i + 1, j);
        pendingKey = raw.startsWith('_') ? raw.slice(1) : raw;
      } else {
        valuePath(i);
      }
      i = j;
    } else if (code === 0x7b || code === 0x5b) {
      const path = valuePath(i);
      stack.push({ path, index: 0, isArray: code === 0x5b });
      pendingKey = undefined;
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
    } else if (code === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.isArray) top.index++;
      else pendingKey = undefined;
    } else if (code === 0x3a) {
      // key done; the value follows
    } else if (code > 0x20 && pendingKey !== undefined) {
      // a number/true/false/null value
      valuePath(i);
      while (i + 1 < text.length && !',}]\n'.includes(text[i + 1]!)) i++;
    } else if (code > 0x20) {
      const top = stack[stack.length - 1];
      if (top?.isArray) valuePath(i);
      while (i + 1 < text.length && !',}]\n'.includes(text[i + 1]!)) i++;
    }
  }
  return positions;
}

/** Position of a path, or of its nearest ancestor present in the document (missing elements). */
export function positionOf(positions: Map<string, { line: number; column: number }>, path: string): { line: number; column: number } | undefined {
  for (let candidate = path; candidate; ) {
    const hit = positions.get(candidate);
    if (hit) return hit;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    if (cut <= 0) return undefined;
    candidate = candidate.slice(0, cut);
  }
  return undefined;
}
