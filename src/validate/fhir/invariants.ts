import fhirpath from 'fhirpath';
import * as r4Namespace from 'fhirpath/fhir-context/r4/index.js';
import type { Constraint } from '../../fhir/definitions.js';

type Json = Record<string, unknown>;

// The R4 model is a CommonJS module: under ESM its exports sit on `default`.
const r4Model = (r4Namespace as unknown as { default?: unknown }).default ?? r4Namespace;
type Native = (node: Json) => boolean;

const has = (node: Json | undefined, key: string) => node !== undefined && node[key] !== undefined;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Json[];
const hasChoice = (node: Json, prefix: string) => Object.keys(node).some((key) => key.startsWith(prefix) && key.length > prefix.length && /[A-Z]/.test(key[prefix.length]!));
const entries = (bundle: Json) => list(bundle.entry);

/**
 * Base R4 invariants implemented natively: fhirpath.js costs 20–80 µs per expression and these run
 * on every element of their type, which alone would cap throughput far below 1,000 bundles/s.
 * Each mirrors the R4 expression quoted beside it.
 */
const NATIVE: Record<string, Native> = {
  // extension.exists() != value.exists()
  'ext-1': (node) => has(node, 'extension') !== hasChoice(node, 'value'),
  // start.hasValue().not() or end.hasValue().not() or (start <= end)
  'per-1': (node) => typeof node.start !== 'string' || typeof node.end !== 'string' || comparableDates(node.start, node.end),
  // value.empty() or system.exists()
  'cpt-2': (node) => !has(node, 'value') || has(node, 'system'),
  // Parameters.parameter: (part.exists() and value.empty() and resource.empty()) or (part.empty() and (value.exists() xor resource.exists()))
  'inv-1': (node) =>
    has(node, 'part') ? !hasChoice(node, 'value') && !has(node, 'resource') : hasChoice(node, 'value') !== has(node, 'resource'),
  'dom-2': (node) => list(node.contained).every((contained) => !has(contained, 'contained')),
  'dom-4': (node) => list(node.contained).every((contained) => !has(contained.meta as Json, 'versionId') && !has(contained.meta as Json, 'lastUpdated')),
  'dom-5': (node) => list(node.contained).every((contained) => !has(contained.meta as Json, 'security')),
  // total.empty() or (type = 'searchset') or (type = 'history')
  'bdl-1': (node) => !has(node, 'total') || node.type === 'searchset' || node.type === 'history',
  // entry.search.empty() or (type = 'searchset')
  'bdl-2': (node) => node.type === 'searchset' || entries(node).every((entry) => !has(entry, 'search')),
  // entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))
  'bdl-3': (node) => entries(node).every((entry) => has(entry, 'request') === ['batch', 'transaction', 'history'].includes(node.type as string)),
  // entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))
  'bdl-4': (node) => entries(node).every((entry) => has(entry, 'response') === ['batch-response', 'transaction-response', 'history'].includes(node.type as string)),
  // Bundle.entry: resource.exists() or request.exists() or response.exists()
  'bdl-5': (node) => has(node, 'resource') || has(node, 'request') || has(node, 'response'),
  // entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()
  'bdl-7': (node) => {
    const keys = entries(node)
      .filter((entry) => typeof entry.fullUrl === 'string')
      .map((entry) => `${entry.fullUrl as string}|${String(((entry.resource as Json | undefined)?.meta as Json | undefined)?.versionId ?? '')}`);
    return new Set(keys).size === keys.length;
  },
  // Bundle.entry: fullUrl.contains('/_history/').not()
  'bdl-8': (node) => typeof node.fullUrl !== 'string' || !node.fullUrl.includes('/_history/'),
  // type = 'document' implies (identifier.system.exists() and identifier.value.exists())
  'bdl-9': (node) => node.type !== 'document' || (has(node.identifier as Json, 'system') && has(node.identifier as Json, 'value')),
  // type = 'document' implies (timestamp.hasValue())
  'bdl-10': (node) => node.type !== 'document' || has(node, 'timestamp'),
  // type = 'document' implies entry.first().resource.is(Composition)
  'bdl-11': (node) => node.type !== 'document' || (entries(node)[0]?.resource as Json | undefined)?.resourceType === 'Composition',
  // type = 'message' implies entry.first().resource.is(MessageHeader)
  'bdl-12': (node) => node.type !== 'message' || (entries(node)[0]?.resource as Json | undefined)?.resourceType === 'MessageHeader',
};

/**
 * Base invariants not evaluated: ele-1 (checked structurally as empty-element rules), dom-3 and
 * txt-1/txt-2 (narrative XHTML content and references), dom-6 (best-practice narrative advice),
 * ref-1 (checked by reference resolution).
 */
const SKIPPED = new Set(['ele-1', 'dom-3', 'dom-6', 'txt-1', 'txt-2', 'ref-1']);

function comparableDates(start: string, end: string): boolean {
  const a = Date.parse(start.length === 4 ? `${start}-01-01` : start);
  const b = Date.parse(end.length === 4 ? `${end}-12-31` : end);
  return Number.isNaN(a) || Number.isNaN(b) || a <= b;
}

type Compiled = (node: unknown, env: Record<string, unknown>) => unknown[];
const compiledCache = new Map<string, Compiled>();

function compiled(expression: string, base: string): Compiled {
  const key = `${base}\0${expression}`;
  let fn = compiledCache.get(key);
  if (!fn) {
    fn = fhirpath.compile({ base, expression }, r4Model as never) as unknown as Compiled;
    compiledCache.set(key, fn);
  }
  return fn;
}

/** Outcome of one invariant: `true` holds, `false` violated, a string: could not evaluate (why). */
export type InvariantResult = boolean | string;

/**
 * Evaluates an invariant on one node: natively for the common base R4 keys, else with fhirpath.js
 * (compiled once per expression). `base` is the element path (`Bundle`, `Patient.contact`).
 */
export function evaluateInvariant(constraint: Constraint, node: Json, base: string, resource: Json, rootResource: Json): InvariantResult | undefined {
  const native = NATIVE[constraint.key];
  if (native && (!constraint.source || constraint.source.startsWith('http://hl7.org/fhir/StructureDefinition/'))) return native(node);
  if (SKIPPED.has(constraint.key) || !constraint.expression) return undefined;
  try {
    const result = compiled(constraint.expression, base.replace(/\[x\]/g, ''))(node, { resource, rootResource });
    // FHIRPath: an empty result or a single true means the invariant holds (R4 conformance-rules §5.1.0.6).
    return result.length === 0 || (result.length === 1 && result[0] === true) || result.every((value) => value === true);
  } catch (error) {
    return (error as Error).message;
  }
}
