import { isMap, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { SourceLocation } from '../core/source-location.js';

/** Resolves dotted paths (`cases[3].steps[0]`) of a parsed YAML document to file:line:column. */
export class YamlPositions {
  constructor(
    private readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Location of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): SourceLocation {
    let node: unknown = this.document.contents;
    let best = this.offsetLocation(this.rangeStart(node) ?? 0);
    for (const key of path) {
      const next = this.child(node, key);
      if (next === undefined) break;
      node = next.value;
      const start = this.rangeStart(next.keyNode) ?? this.rangeStart(next.value);
      if (start !== undefined) best = this.offsetLocation(start);
    }
    return best;
  }

  private child(node: unknown, key: string | number): { keyNode?: unknown; value: unknown } | undefined {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      return pair ? { keyNode: pair.key, value: pair.value } : undefined;
    }
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      return item === undefined ? undefined : { value: item };
    }
    return undefined;
  }

  private rangeStart(node: unknown): number | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range ? range[0] : undefined;
  }

  private offsetLocation(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }
}

/** `cases[3].steps[0].expect[1].status` from a zod/yaml path. */
export function dottedPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
