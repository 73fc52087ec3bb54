import type { NativeInspection, NativeXsdAddon } from './xsd-engine.js';

// The addon (native/xsd-native.c, compact_result) resolves the usual inspection, a parsed message
// without findings, as one string rather than an object: building the object through N-API took
// about twenty calls of roughly a thousand instructions each on the JavaScript thread, the
// simulator's bottleneck under load, while V8 splits a string and builds an object literal in a
// fraction of that. Here the string becomes the NativeInspection every caller sees.

/** What the addon resolves per message: a {@link NativeInspection}, or its compact record. */
export type RawNativeInspection = NativeInspection | string;

/** The addon module as loaded: `inspect` gives raw inspections. */
export type RawNativeXsdAddon = Omit<NativeXsdAddon, 'inspect'> & {
  inspect(input: Buffer | string | (Buffer | string)[], options: object): Promise<RawNativeInspection | RawNativeInspection[]>;
};

/** Between fields of a record (XML 1.0 allows neither control character in a document). */
const SEPARATOR = '\x01';
/** A null XPath value. */
const NULL_VALUE = '\x02';

/** A record — name, namespace ("" for none), line, flags (`v` validated, `x` values follow), values — as the inspection it stands for. */
export function decodeInspection(raw: RawNativeInspection): NativeInspection {
  if (typeof raw !== 'string') return raw;
  const fields = raw.split(SEPARATOR);
  const flags = fields[3] ?? '';
  const inspection: Extract<NativeInspection, { status: 'ok' }> = { status: 'ok', name: fields[0]!, line: Number(fields[2]) };
  if (fields[1]) inspection.ns = fields[1];
  if (flags.includes('v')) inspection.findings = [];
  if (flags.includes('x')) inspection.values = fields.slice(4).map((value) => (value === NULL_VALUE ? null : value));
  return inspection;
}

/** The loaded addon with `inspect` resolving decoded inspections, as {@link NativeXsdAddon} promises. */
export function withDecodedInspections(raw: RawNativeXsdAddon): NativeXsdAddon {
  const inspect = (input: Buffer | string | (Buffer | string)[], options: object): Promise<NativeInspection | NativeInspection[]> =>
    raw.inspect(input, options).then((result) => (Array.isArray(result) ? result.map(decodeInspection) : decodeInspection(result)));
  return { ...raw, inspect } as NativeXsdAddon;
}
