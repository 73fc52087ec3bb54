// Schema references and XSD issue wording shared by both XSD engines (src/validate/xsd.ts, the
// libxml2 WebAssembly engine, and src/validate/hl7v3-native.ts on the native addon, native/): nothing here loads
// libxml2, so the native path starts without instantiating the WebAssembly module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/errors.js';
import { hasErrors, type Issue } from '../core/issue.js';
import { interactionForRoot, KNOWN_ROOTS } from '../hl7v3/interactions.js';
import type { MessageValidation } from './contract.js';

/** Absolute path of the vendored schemas (`fixtures/schemas/`), from both `src/` and `dist/`. */
export const FIXTURE_SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/schemas');

/** A schema file to validate against. */
export interface SchemaRef {
  /** Absolute path. */
  path: string;
  /** Fixture-relative name (`hcim/QUPA_AR101102.xsd`) when under fixtures/schemas, else the absolute path. */
  name: string;
}

/**
 * Resolves `--schema`: an absolute path, a path relative to the working directory, or a name
 * relative to fixtures/schemas (`hcim/QUPA_AR101102.xsd`,
 * `hl7v3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd`).
 *
 * @throws HarnessError `ERR_FILE_NOT_FOUND` naming where it looked and the vendored HCIM schemas.
 */
export function resolveSchema(nameOrPath: string): SchemaRef {
  const candidates = path.isAbsolute(nameOrPath)
    ? [nameOrPath]
    : [path.resolve(nameOrPath), path.resolve(FIXTURE_SCHEMAS_DIR, nameOrPath)];
  const found = candidates.find((candidate) => isFile(candidate));
  if (found === undefined) {
    const known = listFixtureSchemas('hcim').join(', ');
    throw new HarnessError(
      'ERR_FILE_NOT_FOUND',
      `schema "${nameOrPath}": no such file (looked at ${candidates.join(' and ')}); vendored HCIM schemas are ${known}, and hl7v3/NE2008/multicacheschemas/<interaction>.xsd`,
    );
  }
  return refFor(found);
}

/** The fixture schema for a fixture-relative name, or undefined when that file is not vendored. */
export function fixtureSchema(name: string): SchemaRef | undefined {
  const absolute = path.resolve(FIXTURE_SCHEMAS_DIR, name);
  return isFile(absolute) ? refFor(absolute) : undefined;
}

export function refFor(absolute: string): SchemaRef {
  const normalised = path.resolve(absolute);
  const relative = path.relative(FIXTURE_SCHEMAS_DIR, normalised);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return { path: normalised, name: inside ? relative.split(path.sep).join('/') : normalised };
}

function listFixtureSchemas(folder: string): string[] {
  try {
    return fs.readdirSync(path.join(FIXTURE_SCHEMAS_DIR, folder)).filter((file) => file.endsWith('.xsd')).sort().map((file) => `${folder}/${file}`);
  } catch {
    return [];
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/**
 * Folders libxml2 may read schema files from (xs:include/xs:import): fixtures/schemas and the
 * folder of every schema given explicitly. Shared by both engines.
 */
export const allowedSchemaRoots = new Set<string>([FIXTURE_SCHEMAS_DIR]);

/**
 * The schema for a root element: the catalogue's (`hcim/…`), else the HL7v3 NE2008
 * multicacheschemas file named after the interaction (IHE PDQv3/PIXv3 and other UV interactions).
 */
export function schemaForRoot(root: string): SchemaRef | undefined {
  if (!schemaByRoot.has(root)) {
    const catalogued = interactionForRoot(root)?.schema;
    const name = catalogued ?? (/^[A-Z]{4}_IN\d{6}UV\d{2}$/.test(root) ? `hl7v3/NE2008/multicacheschemas/${root}.xsd` : undefined);
    schemaByRoot.set(root, name ? fixtureSchema(name) : undefined);
  }
  return schemaByRoot.get(root);
}
const schemaByRoot = new Map<string, SchemaRef | undefined>();

/** A libxml2 schema-validation finding, engine-neutral: `path` is our element path from the message root. */
export interface XsdFinding {
  message: string;
  /** libxml2 xmlErrorLevel: 1 warning, 2 error, 3 fatal. */
  level: number;
  /** Line in the original content, 0 when unknown. */
  line: number;
  path?: string;
}

/** A libxml2 finding as an `xsd.*` issue: stable code, element path from the message root, line. */
export function xsdIssue(finding: XsdFinding): Issue {
  const raw = shortenValues(finding.message.replace(/\s+$/, ''));
  const line = finding.line > 0 ? finding.line : undefined;
  const elementPath = finding.path;
  return {
    severity: finding.level === 1 ? 'warning' : finding.level >= 3 ? 'fatal' : 'error',
    code: `xsd.${xsdIssueId(raw)}`,
    message: `${elementPath ?? (line ? `line ${line}` : 'message')}: ${raw}`,
    ...(elementPath ? { path: elementPath } : {}),
    ...(line ? { line } : {}),
    validator: 'xsd',
  };
}

/**
 * Stable short id for a libxml2 schema-validation message, named after the XML Schema 1.0
 * validation rule it reports (the ids Xerces prints), so ids stay stable across libxml2 versions.
 */
export function xsdIssueId(message: string): string {
  const facet = /\[facet '([A-Za-z]+)'\]/.exec(message);
  if (facet) return `cvc-${facet[1]}-valid`;
  if (/This element is not expected/.test(message)) return 'cvc-complex-type.2.4.a';
  if (/Missing child element/.test(message)) return 'cvc-complex-type.2.4.b';
  if (/The attribute '[^']*' is not allowed/.test(message)) return 'cvc-complex-type.3.2.2';
  if (/The attribute '[^']*' is required but missing/.test(message)) return 'cvc-complex-type.4';
  if (/Character content other than whitespace is not allowed/.test(message)) return 'cvc-complex-type.2.3';
  if (/Element content is not allowed|content type is a simple type/.test(message)) return 'cvc-complex-type.2.2';
  if (/is not a valid value of the (local )?(atomic|list|union) type/.test(message)) return 'cvc-datatype-valid';
  if (/No matching global declaration available for the validation root/.test(message)) return 'cvc-elt.1';
  if (/does not match the fixed value constraint/.test(message)) return 'cvc-fixed-value';
  if (/xsi:type/.test(message)) return 'cvc-elt.4';
  if (/not nillable|xsi:nil/.test(message)) return 'cvc-elt.3';
  if (/abstract/.test(message)) return 'cvc-type.2';
  if (/Duplicate key-sequence|No match found for key-sequence|identity-constraint/i.test(message)) return 'cvc-identity-constraint';
  return 'invalid';
}

/** Long quoted values (schematron reports inside `@code`) are cut so messages stay readable. */
function shortenValues(message: string): string {
  return message.replace(/'([^']{120,})'/g, (_all, value: string) => `'${value.slice(0, 100)}…'`);
}

// ---------------------------------------------------------------------------------------------
// Message-level verdict pieces shared by both XSD engines (hl7v3.ts on WebAssembly, hl7v3-native.ts),
// so their issues stay byte-identical.

/** A root the harness knows: an interaction of the catalogue or one with a vendored schema. */
export function isKnownRoot(root: string): boolean {
  return interactionForRoot(root) !== undefined || schemaForRoot(root) !== undefined;
}

export function unknownRootIssue(root: string, line: number | undefined): Issue {
  return {
    severity: 'error',
    code: 'hl7v3.unknown-root',
    message: `/${root}: Unexpected root element: expected one of ${KNOWN_ROOTS.join(', ')} (or an NE2008 interaction such as PRPA_IN201305UV02), but received "${root}"; pass a schema to validate it anyway`,
    path: `/${root}`,
    line,
    validator: 'hl7v3',
  };
}

export function noSchemaIssue(root: string, line: number | undefined): Issue {
  return {
    severity: 'warning',
    code: 'xsd.no-schema',
    message: `/${root}: no XSD is vendored for ${root} (no public schema; see fixtures/schemas/PROVENANCE.md), so XSD validation was skipped; pass a schema to validate it`,
    path: `/${root}`,
    line,
    validator: 'xsd',
  };
}

/** An HL7v3 verdict: valid when no issue is an error, naming the schema used. */
export function hl7v3Result(issues: Issue[], schema: SchemaRef | undefined): MessageValidation {
  return { kind: 'hl7v3', valid: !hasErrors(issues), ...(schema ? { schema: schema.name } : {}), issues };
}
