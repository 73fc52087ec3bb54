import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '../core/issue.js';
import type { MessageValidation, MessageValidator, ValidationOptions } from './contract.js';
import { applyKnownDeviations } from './deviations.js';
import { allowedSchemaRoots, hl7v3Result, isKnownRoot, noSchemaIssue, refFor, resolveSchema, schemaForRoot, unknownRootIssue, xsdIssue, type SchemaRef } from './schema-ref.js';
import { guardXmlContent } from './xml-guard.js';
import { nativeXsdAddon, type NativeXsdAddon } from './xsd-engine.js';

// `validate --only xsd` on the native XSD engine (native/xsd-native.c, system libxml2): the same
// steps, checks and issues as validateHl7v3 (hl7v3.ts) restricted to the xsd layer, without loading
// the WebAssembly libxml2. Content the native parser does not turn into a message element (not
// well-formed, a DTD, a SOAP envelope without a usable Body) and schemas it cannot compile are
// handed to the WebAssembly engine, whose issues and errors for those cases are the reference.

/** A schema compiled by the addon, shared by every validation in this thread. */
interface NativeSchema {
  ref: SchemaRef;
  evidence: { path: string; sha256: string }[];
  handle: object;
}

const compiled = new Map<string, NativeSchema | undefined>();

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

/** Frees every natively compiled schema (tests); the next use recompiles. */
export function disposeNativeSchemas(): void {
  const addon = nativeXsdAddon();
  for (const entry of compiled.values()) if (entry && addon) addon.freeSchema(entry.handle);
  compiled.clear();
}

let wasmModule: Promise<typeof import('./hl7v3.js')> | undefined;
async function viaWasm(content: string, options: ValidationOptions): Promise<MessageValidation> {
  const { validateHl7v3 } = await (wasmModule ??= import('./hl7v3.js'));
  return validateHl7v3(content, options);
}

/**
 * validateHl7v3 for `only: ['xsd']` on the native engine. Falls back to the WebAssembly engine
 * (hl7v3.ts) for what the addon leaves to it, and entirely when the addon is not available.
 */
export const validateHl7v3XsdNative: MessageValidator = async (content: string, options: ValidationOptions = {}): Promise<MessageValidation> => {
  const addon = nativeXsdAddon();
  if (addon === undefined) return viaWasm(content, options);
  const override = options.schema !== undefined ? resolveSchema(options.schema) : undefined;
  const overrideSchema = override ? compileNative(addon, override) : undefined;
  if (override && overrideSchema === undefined) return viaWasm(content, options); // throws the schema's compile error

  const guarded = guardXmlContent(content);
  if (guarded.length > 0) return hl7v3Result(guarded, override);
  const parsed = addon.parse(Buffer.from(content, 'utf8'));
  if (parsed.status !== 'ok') return viaWasm(content, options);
  try {
    const root = parsed.name;
    const issues: Issue[] = [];
    const known = isKnownRoot(root);
    if (!known && override === undefined) issues.push(unknownRootIssue(root, parsed.line));
    let schemaRef = override;
    let evidence: MessageValidation['evidence'];
    const ref = override ?? (known ? schemaForRoot(root) : undefined);
    const schema = overrideSchema ?? (ref ? compileNative(addon, ref) : undefined);
    if (ref && schema === undefined) return viaWasm(content, options); // throws the schema's compile error
    if (schema) {
      schemaRef = schema.ref;
      evidence = schema.evidence;
      const findings = addon.validate(schema.handle, parsed.doc);
      issues.push(...applyKnownDeviations(findings.map(xsdIssue), root, options.strict === true));
    } else if (known) {
      issues.push(noSchemaIssue(root, parsed.line));
    }
    return { ...hl7v3Result(issues, schemaRef), ...(evidence ? { evidence } : {}) };
  } finally {
    addon.freeDoc(parsed.doc);
  }
};

