import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlElement, XmlLibError, XsdValidator, xmlRegisterInputProvider, type ErrorDetail, type XmlInputProvider } from 'libxml2-wasm';
import { HarnessError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { allowedSchemaRoots, refFor, xsdIssue, type SchemaRef } from './schema-ref.js';

// Schema references and issue wording are shared with the native engine (schema-ref.ts).
export { FIXTURE_SCHEMAS_DIR, fixtureSchema, resolveSchema, xsdIssueId, type SchemaRef } from './schema-ref.js';

/** A compiled schema, shared by every validation in this process. */
export interface CompiledSchema {
  ref: SchemaRef;
  /** sha256 of the schema file and every file it includes/imports, for report evidence. */
  evidence: { path: string; sha256: string }[];
  /** Validates one element subtree of a parsed document with libxml2 (same engine as xmllint). */
  validate(element: XmlElement): ErrorDetail[];
}


// ---------------------------------------------------------------------------------------------
// Schema file access. libxml2 resolves xs:include/xs:import through this provider only: it serves
// files under fixtures/schemas and under the folder of a schema given explicitly, and nothing else
// (no network, no other files), and records what it served for the evidence hashes.

const allowedRoots = allowedSchemaRoots;
const openFiles = new Map<number, number>();
let nextHandle = 1;
let servedDuringCompile: Set<string> | undefined;
let refusedDuringCompile: string[] | undefined;

const schemaFileProvider: XmlInputProvider = {
  match: () => true,
  open(filename) {
    const absolute = toPath(filename);
    if (absolute === undefined || ![...allowedRoots].some((root) => absolute === root || absolute.startsWith(root + path.sep))) {
      refusedDuringCompile?.push(filename);
      return undefined;
    }
    try {
      const fd = fs.openSync(absolute, 'r');
      const handle = nextHandle++;
      openFiles.set(handle, fd);
      servedDuringCompile?.add(absolute);
      return handle;
    } catch {
      return undefined;
    }
  },
  read(handle, buffer) {
    const fd = openFiles.get(handle);
    if (fd === undefined) return -1;
    try {
      return fs.readSync(fd, buffer, 0, buffer.byteLength, null);
    } catch {
      return -1;
    }
  },
  close(handle) {
    const fd = openFiles.get(handle);
    openFiles.delete(handle);
    if (fd !== undefined) fs.closeSync(fd);
    return true;
  },
};
xmlRegisterInputProvider(schemaFileProvider);

function toPath(filename: string): string | undefined {
  if (filename.startsWith('file://')) {
    try {
      return path.resolve(fileURLToPath(filename));
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(filename)) return undefined; // http:, ftp:, … never
  return path.resolve(filename);
}

// ---------------------------------------------------------------------------------------------

const compiled = new Map<string, CompiledSchema>();
/** Frees a compiled schema's wasm memory; the schema document backs the compiled schema until then. */
const disposers = new Map<string, () => void>();

/** Frees every compiled schema (wasm memory) and empties the cache; the next use recompiles. */
export function disposeCompiledSchemas(): void {
  for (const dispose of disposers.values()) dispose();
  disposers.clear();
  compiled.clear();
}

/**
 * Compiles a schema once per process (cache keyed by absolute path). Compiled validators live for
 * the process; each validation allocates and frees only its own context.
 *
 * @throws HarnessError `ERR_CONFIG` when the schema itself cannot be compiled.
 */
export function compileSchema(ref: SchemaRef): CompiledSchema {
  const cached = compiled.get(ref.path);
  if (cached) return cached;
  allowedRoots.add(path.dirname(ref.path));
  const served = new Set<string>([ref.path]);
  const refused: string[] = [];
  servedDuringCompile = served;
  refusedDuringCompile = refused;
  let schemaDoc: XmlDocument | undefined;
  let validator: XsdValidator;
  try {
    schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(ref.path), { url: ref.path });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    schemaDoc?.dispose();
    const refusedNote = refused.length > 0 ? `; refused to read ${refused.join(', ')} (outside the schema's folder)` : '';
    const details = error instanceof XmlLibError ? error.details.slice(0, 3).map((d) => `${d.file ?? ref.name}:${d.line}: ${d.message.trim()}`).join('; ') : String(error);
    throw new HarnessError('ERR_CONFIG', `schema ${ref.name}: cannot be compiled: ${details}${refusedNote}`, { cause: error });
  } finally {
    servedDuringCompile = undefined;
    refusedDuringCompile = undefined;
  }
  const evidence = [...served].sort().map((file) => ({ path: refFor(file).name, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') }));
  const owned = { validator, schemaDoc: schemaDoc! };
  disposers.set(ref.path, () => {
    owned.validator.dispose();
    owned.schemaDoc.dispose();
  });
  const entry: CompiledSchema = {
    ref,
    evidence,
    validate(element) {
      try {
        validator.validate(element);
        return [];
      } catch (error) {
        if (error instanceof XmlLibError && error.details.length > 0) return error.details;
        // xmlSchemaValidateOneElement < 0: libxml2 could not validate (internal error) — still a finding, not a crash.
        return [{ message: `libxml2 could not validate the message: ${(error as Error).message}`, level: 3, line: 0, col: 0 }];
      }
    },
  };
  compiled.set(ref.path, entry);
  return entry;
}

/**
 * Validates `element` (the HL7v3 message element, possibly inside a SOAP Body) against `schema`
 * and turns libxml2's findings into `xsd.*` issues: stable code, element path from the message
 * root, and line in the original content.
 */
export function validateAgainstSchema(element: XmlElement, schema: CompiledSchema): Issue[] {
  const details = schema.validate(element);
  if (details.length === 0) return [];
  const steps: StepCache = new Map();
  return details.map((detail) => toIssue(detail, element, steps));
}

/** A resolved element of a libxml2 node path, with its element children read once (names cross the wasm boundary). */
interface PathStep {
  element: XmlElement;
  /** Our element path from the message root, once the walk has reached the message element. */
  path?: string;
  children?: { element: XmlElement; name: string }[];
}
/** Resolved prefixes of libxml2 node paths within one validation: issues share most of their path. */
type StepCache = Map<string, PathStep>;

function toIssue(detail: ErrorDetail, messageElement: XmlElement, steps: StepCache): Issue {
  const located = detail.xpath ? locateLibxmlPath(messageElement, detail.xpath, steps) : undefined;
  const line = detail.line > 0 ? detail.line : located?.line;
  return xsdIssue({ message: detail.message, level: detail.level, line: line ?? 0, ...(located?.path !== undefined ? { path: located.path } : {}) });
}

/**
 * Turns a node path as written by libxml2's xmlGetNodePath (`/s:Envelope/s:Body/*[3]/hl7:id[2]`)
 * into our element path from the message root (`/HCIM_IN_X/id[2]`). Steps are `prefix:name[n]`,
 * `name[n]` (nth same-name sibling) or `*[n]` (nth element child, libxml2's form for
 * default-namespace elements); the index is omitted when unique. Walks each level once.
 */
function locateLibxmlPath(messageElement: XmlElement, xpath: string, cache: StepCache): { path?: string; line: number } | undefined {
  const steps = xpath.split('/').filter((step) => step !== '');
  if (steps.length === 0) return undefined;
  let key = `/${steps[0]}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    let top: XmlElement = messageElement;
    while (top.parent !== null) top = top.parent;
    entry = { element: top, ...(top.isSameNode(messageElement) ? { path: `/${top.name}` } : {}) };
    cache.set(key, entry);
  }
  for (let s = 1; s < steps.length; s++) {
    const step = steps[s]!;
    const nextKey = `${key}/${step}`;
    let next = cache.get(nextKey);
    if (next === undefined) {
      const match = /^(?:([^:[\]]+):)?([^[\]()@]+)(?:\[(\d+)\])?$/.exec(step);
      if (!match) break;
      const [, prefix, name, index] = match;
      const wanted = index ? Number(index) : 1;
      const children: NonNullable<PathStep['children']> = (entry.children ??= elementChildrenOf(entry.element));
      let seen = 0;
      const child: NonNullable<PathStep['children']>[number] | undefined = children.find((candidate) => (name === '*' || (candidate.name === name && (prefix === undefined || candidate.element.prefix === prefix))) && ++seen === wanted);
      if (child === undefined) break;
      let path: string | undefined;
      if (entry.path !== undefined) {
        const sameName = children.filter((candidate) => candidate.name === child.name);
        path = `${entry.path}/${sameName.length > 1 ? `${child.name}[${sameName.indexOf(child) + 1}]` : child.name}`;
      } else if (child.element.isSameNode(messageElement)) {
        path = `/${child.name}`;
      }
      next = { element: child.element, ...(path !== undefined ? { path } : {}) };
      cache.set(nextKey, next);
    }
    key = nextKey;
    entry = next;
  }
  return { ...(entry.path !== undefined ? { path: entry.path } : {}), line: entry.element.line };
}

function elementChildrenOf(element: XmlElement): NonNullable<PathStep['children']> {
  const children: NonNullable<PathStep['children']> = [];
  for (let node = element.firstChild; node !== null; node = node.next) if (node instanceof XmlElement) children.push({ element: node, name: node.name });
  return children;
}
