import type { CodeSystem, CodeSystemConcept, ValueSet, ValueSetInclude } from './definitions.js';

/** `'*'`: every code of the system is accepted (content not enumerable here, or a filter). */
export type SystemCodes = Set<string> | '*';

/** A ValueSet flattened to system → codes, for membership tests. */
export interface Expansion {
  url: string;
  title: string;
  systems: Map<string, SystemCodes>;
}

/** Looks up terminology resources by canonical URL (version suffix `|x` ignored). */
export interface TerminologySource {
  valueSet(url: string): ValueSet | undefined;
  codeSystem(url: string): CodeSystem | undefined;
}

/**
 * Expands a ValueSet's compose (include/exclude by system, concept list, nested valueSet). A filter
 * or a CodeSystem whose content is not available here makes that system open (`'*'`): codes of
 * that system cannot be refuted, codes of other systems still can. Returns undefined when the
 * ValueSet itself is not loaded.
 */
export function expandValueSet(url: string, source: TerminologySource, seen = new Set<string>()): Expansion | undefined {
  const canonical = url.split('|')[0]!;
  const valueSet = source.valueSet(canonical);
  if (!valueSet || seen.has(canonical)) return undefined;
  seen.add(canonical);
  const systems = new Map<string, SystemCodes>();
  const add = (system: string, codes: SystemCodes) => {
    const existing = systems.get(system);
    if (existing === '*' || codes === '*') systems.set(system, '*');
    else systems.set(system, new Set([...(existing ?? []), ...codes]));
  };
  if (valueSet.compose) {
    for (const include of valueSet.compose.include ?? []) {
      for (const [system, codes] of includeCodes(include, source, seen)) add(system, codes);
    }
    for (const exclude of valueSet.compose.exclude ?? []) {
      if (!exclude.system || !exclude.concept) continue;
      const codes = systems.get(exclude.system);
      if (codes instanceof Set) for (const concept of exclude.concept) codes.delete(concept.code);
    }
  } else {
    for (const contains of flattenContains(valueSet.expansion?.contains ?? [])) {
      if (contains.system && contains.code) add(contains.system, new Set([contains.code]));
    }
  }
  return { url: canonical, title: valueSet.title ?? valueSet.name ?? canonical, systems };
}

function includeCodes(include: ValueSetInclude, source: TerminologySource, seen: Set<string>): Map<string, SystemCodes> {
  let result: Map<string, SystemCodes> | undefined;
  if (include.system) {
    result = new Map();
    if (include.concept) result.set(include.system, new Set(include.concept.map((concept) => concept.code)));
    else if (include.filter?.length) result.set(include.system, '*');
    else result.set(include.system, codeSystemCodes(include.system, source));
  }
  for (const nested of include.valueSet ?? []) {
    const expansion = expandValueSet(nested, source, new Set(seen));
    if (!expansion) continue;
    // include.valueSet entries intersect with each other and with the system part (R4 ValueSet.compose).
    result = result ? intersect(result, expansion.systems) : new Map(expansion.systems);
  }
  return result ?? new Map();
}

function codeSystemCodes(url: string, source: TerminologySource): SystemCodes {
  const codeSystem = source.codeSystem(url);
  if (!codeSystem?.concept || (codeSystem.content && codeSystem.content !== 'complete')) return '*';
  const codes = new Set<string>();
  const walk = (concepts: CodeSystemConcept[]) => {
    for (const concept of concepts) {
      codes.add(concept.code);
      if (concept.concept) walk(concept.concept);
    }
  };
  walk(codeSystem.concept);
  return codes;
}

function intersect(a: Map<string, SystemCodes>, b: Map<string, SystemCodes>): Map<string, SystemCodes> {
  const result = new Map<string, SystemCodes>();
  for (const [system, codes] of a) {
    const other = b.get(system);
    if (!other) continue;
    if (codes === '*') result.set(system, other);
    else if (other === '*') result.set(system, codes);
    else result.set(system, new Set([...codes].filter((code) => other.has(code))));
  }
  return result;
}

function* flattenContains(contains: { system?: string; code?: string; contains?: unknown[] }[]): Generator<{ system?: string; code?: string }> {
  for (const item of contains) {
    yield item;
    if (item.contains) yield* flattenContains(item.contains as typeof contains);
  }
}

/** True if `code` (optionally within `system`) is in the expansion. */
export function expansionHas(expansion: Expansion, system: string | undefined, code: string): boolean {
  if (system === undefined) {
    for (const codes of expansion.systems.values()) if (codes === '*' || codes.has(code)) return true;
    return false;
  }
  const codes = expansion.systems.get(system);
  return codes !== undefined && (codes === '*' || codes.has(code));
}

/** Up to `limit` codes of the expansion, for messages (`usual, official, nickname`). */
export function sampleCodes(expansion: Expansion, limit = 12): string[] {
  const codes: string[] = [];
  for (const set of expansion.systems.values()) {
    if (set === '*') continue;
    for (const code of set) {
      if (codes.length >= limit) return codes;
      codes.push(code);
    }
  }
  return codes;
}
