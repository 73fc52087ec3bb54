import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '../core/issue.js';
import type { MessageValidation, MessageValidator, ValidationOptions } from './contract.js';
import { applyKnownDeviations } from './deviations.js';
import { allowedSchemaRoots, hl7v3Result, isKnownRoot, noSchemaIssue, refFor, resolveSchema, schemaForRoot, unknownRootIssue, xsdIssue, type SchemaRef } from './schema-ref.js';
import { guardXmlContent, MAX_XML_MESSAGE_BYTES } from './xml-guard.js';
import { nativeXsdAddon, type NativeInspectOptions, type NativeInspection, type NativeXsdAddon } from './xsd-engine.js';

// `validate --only xsd` on the native XSD engine (native/xsd-native.c, system libxml2): the same
// steps, checks and issues as validateHl7v3 (hl7v3.ts) restricted to the xsd layer, without loading
// the WebAssembly libxml2. The addon reads, parses and validates on libuv's worker threads, so
// several messages are validated at once. Content the native parser does not turn into a message
// element (not well-formed, a DTD, a SOAP envelope without a usable Body) and schemas it cannot
// compile are handed to the WebAssembly engine, whose issues and errors for those cases are the
// reference.

/** A schema compiled by the addon, shared by every validation in this thread. */
interface NativeSchema {
  ref: SchemaRef;
  evidence: { path: string; sha256: string }[];
  handle: object;
}

const compiled = new Map<string, NativeSchema | undefined>();
/** Root names whose schema is registered with the addon (setRootSchema), with that schema. */
const registered = new Map<string, NativeSchema | undefined>();

/** Compiles a schema once per thread; undefined when the addon cannot compile it (the WebAssembly engine then reports why). */
function compileNative(addon: NativeXsdAddon, ref: SchemaRef): NativeSchema | undefined {
  if (compiled.has(ref.path)) return compiled.get(ref.path);
  allowedSchemaRoots.add(path.dirname(ref.path));
  const result = addon.compileSchema(ref.path, [...allowedSchemaRoots]);
  let entry: NativeSchema | undefined;
  if (result.handle !== undefined) {
    const served = new Set<string>([ref.path, ...result.served]);
    const evidence = [...served].sort().map((file) => ({ path: refFor(file).name, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') }));
    entry = { ref, evidence, handle: result.handle };
  }
  compiled.set(ref.path, entry);
  return entry;
}

/**
 * The schema of a message root (the interaction catalogue's, schema-ref.ts), compiled and registered
 * with the addon so that `inspect` validates such messages; undefined when the root has no schema or
 * it does not compile natively.
 */
function registerRoot(addon: NativeXsdAddon, root: string): NativeSchema | undefined {
  if (registered.has(root)) return registered.get(root);
  const ref = schemaForRoot(root);
  const schema = ref ? compileNative(addon, ref) : undefined;
  if (schema) addon.setRootSchema(root, schema.handle);
  registered.set(root, schema);
  return schema;
}

/** Frees every natively compiled schema (tests); the next use recompiles. */
export function disposeNativeSchemas(): void {
  const addon = nativeXsdAddon();
  for (const entry of compiled.values()) if (entry && addon) addon.freeSchema(entry.handle);
  compiled.clear();
  registered.clear();
}

/**
 * `addon.inspect` with `validate`, registering the schema of a message's root on first sight: the
 * addon learns which schema a root needs only from us, so a message whose root it had no schema for
 * is inspected once more after registering (once per root and thread).
 */
export async function inspectAndValidate(addon: NativeXsdAddon, input: Buffer | string, options: NativeInspectOptions): Promise<NativeInspection> {
  return (await inspectAndValidateMany(addon, [input], options))[0]!;
}

/** {@link inspectAndValidate} of several messages as one job of the addon. */
export async function inspectAndValidateMany(addon: NativeXsdAddon, inputs: (Buffer | string)[], options: NativeInspectOptions): Promise<NativeInspection[]> {
  const withValidation = { ...options, validate: true };
  const results = await addon.inspect(inputs, withValidation);
  if (options.schema !== undefined) return results;
  const again: number[] = [];
  results.forEach((result, i) => {
    if (result.status === 'ok' && result.findings === undefined && registerRoot(addon, result.name) !== undefined) again.push(i);
  });
  if (again.length > 0) (await addon.inspect(again.map((i) => inputs[i]!), withValidation)).forEach((result, k) => (results[again[k]!] = result));
  return results;
}

let wasmModule: Promise<typeof import('./hl7v3.js')> | undefined;
async function viaWasm(content: string, options: ValidationOptions): Promise<MessageValidation> {
  const { validateHl7v3 } = await (wasmModule ??= import('./hl7v3.js'));
  return validateHl7v3(content, options);
}

/** The override schema (`--schema`) compiled natively; `failed` when it does not compile (the WebAssembly engine throws why). */
function overrideSchema(addon: NativeXsdAddon, options: ValidationOptions): NativeSchema | 'failed' | undefined {
  if (options.schema === undefined) return undefined;
  return compileNative(addon, resolveSchema(options.schema)) ?? 'failed';
}

/**
 * The validation of an inspected message element, as validateHl7v3's xsd layer words it; undefined
 * when the caller must take the reference path (a schema that did not compile natively).
 */
function xsdOnlyResult(inspection: Extract<NativeInspection, { status: 'ok' }>, override: NativeSchema | undefined, options: ValidationOptions): MessageValidation | undefined {
  const root = inspection.name;
  const issues: Issue[] = [];
  const known = isKnownRoot(root);
  if (!known && override === undefined) issues.push(unknownRootIssue(root, inspection.line));
  const schema = override ?? (known ? registered.get(root) : undefined);
  if (override === undefined && known && schemaForRoot(root) !== undefined && schema === undefined) return undefined;
  if (schema) {
    if (inspection.findings === undefined) return undefined;
    issues.push(...applyKnownDeviations(inspection.findings.map(xsdIssue), root, options.strict === true));
    return { ...hl7v3Result(issues, schema.ref), evidence: schema.evidence };
  }
  if (known) issues.push(noSchemaIssue(root, inspection.line));
  return hl7v3Result(issues, undefined);
}

/**
 * validateHl7v3 for `only: ['xsd']` on the native engine. Falls back to the WebAssembly engine
 * (hl7v3.ts) for what the addon leaves to it, and entirely when the addon is not available.
 */
export const validateHl7v3XsdNative: MessageValidator = async (content: string, options: ValidationOptions = {}): Promise<MessageValidation> => {
  const addon = nativeXsdAddon();
  if (addon === undefined) return viaWasm(content, options);
  const override = overrideSchema(addon, options);
  if (override === 'failed') return viaWasm(content, options); // throws the schema's compile error
  const guarded = guardXmlContent(content);
  if (guarded.length > 0) return hl7v3Result(guarded, override?.ref);
  const inspection = await inspectAndValidate(addon, Buffer.from(content, 'utf8'), { maxBytes: MAX_XML_MESSAGE_BYTES, ...(override ? { schema: override.handle } : {}) });
  const result = inspection.status === 'ok' ? xsdOnlyResult(inspection, override, options) : undefined;
  return result ?? viaWasm(content, options);
};

/**
 * {@link validateHl7v3XsdNative} of files the addon reads itself (no JavaScript strings, one job
 * for all of them); per file undefined when it needs the reading path (`validateMessageFile`): not
 * an XML message the addon handles, larger than the message limit, unreadable, or a schema that
 * fails to compile.
 */
export async function validateHl7v3XsdNativeFiles(files: string[], options: ValidationOptions): Promise<(MessageValidation | undefined)[]> {
  const addon = nativeXsdAddon();
  if (addon === undefined) return files.map(() => undefined);
  const override = overrideSchema(addon, options);
  if (override === 'failed') return files.map(() => undefined);
  const inspections = await inspectAndValidateMany(addon, files, { file: true, maxBytes: MAX_XML_MESSAGE_BYTES, ...(override ? { schema: override.handle } : {}) });
  return inspections.map((inspection, i) => {
    const result = inspection.status === 'ok' ? xsdOnlyResult(inspection, override, options) : undefined;
    return result ? { ...result, file: files[i]! } : undefined;
  });
}
