import { HarnessError } from '../../core/errors.js';
import { lazyV3Request, readV3Request, type ParsedV3Request } from './v3-request.js';
import type { InspectedV3Request } from './v3-request-libxml.js';

type Issue = { severity: string; message: string; path?: string };
type Validate = (content: string, options: { only: ['xsd'] }) => Promise<{ valid: boolean; issues: Issue[] }>;

/**
 * XSD findings HCIM reports with a schematron code instead of `…2.0006`: an empty
 * `person.id/value/@extension` is BCHCIM.SCH.2.5017 (domain.md §a), answered by the handler.
 */
function reportedBySchematron(issue: { message: string; path?: string }): boolean {
  return /person\.id\/value$/.test(issue.path ?? '') && issue.message.includes("attribute 'extension'");
}

/** The text after "The HL7 message is invalid" for these XSD findings; undefined when none is an error. */
export function schemaProblemText(issues: readonly Issue[]): string | undefined {
  const errors = issues.filter((issue) => (issue.severity === 'error' || issue.severity === 'fatal') && !reportedBySchematron(issue));
  if (errors.length === 0) return undefined;
  return errors.slice(0, 3).map((issue) => issue.message).join(' ');
}

let validator: Validate | null | undefined;

/**
 * The XSD problem of an incoming HL7v3 request, as the text HCIM puts after "The HL7 message is
 * invalid"; undefined when valid. When the validator is unavailable (`ERR_VALIDATOR_UNAVAILABLE`),
 * only well-formedness is checked (the caller already parsed the message).
 */
export async function requestSchemaProblem(body: string): Promise<string | undefined> {
  if (validator === undefined) {
    try {
      validator = (await import('../../validate/hl7v3.js')).validateHl7v3 as Validate;
    } catch {
      validator = null;
    }
  }
  if (!validator) return undefined;
  try {
    const result = await validator(body, { only: ['xsd'] });
    if (result.valid) return undefined;
    return schemaProblemText(result.issues);
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'ERR_VALIDATOR_UNAVAILABLE') return undefined;
    throw error;
  }
}

/** An incoming HCIM request read for the port: its wrapper facts, and its XSD verdict on demand. */
export interface ReadHcimRequest {
  parsed: ParsedV3Request;
  /** The XSD problem (see {@link requestSchemaProblem}); undefined when valid. */
  schemaProblem(): Promise<string | undefined>;
}

type Inspect = (body: string, bytes?: Buffer) => InspectedV3Request | undefined | Promise<InspectedV3Request | undefined>;
let inspect: Promise<Inspect | null> | undefined;

/**
 * The one-parse reader: on the native addon when it is the XSD engine (xsd-engine.ts; the parse
 * and validation then run off the JavaScript thread), else on libxml2-wasm; null when neither loads.
 */
async function loadInspector(): Promise<Inspect | null> {
  try {
    const { nativeXsdAddon, xsdEngine } = await import('../../validate/xsd-engine.js');
    const addon = xsdEngine() === 'native' ? nativeXsdAddon() : undefined;
    if (addon) {
      const { inspectV3RequestNative } = await import('./v3-request-native.js');
      return (body, bytes) => inspectV3RequestNative(addon, body, bytes);
    }
  } catch {
    // HIE_CONFORM_XSD_ENGINE=native without the addon: the WebAssembly reader still works.
  }
  return import('./v3-request-libxml.js').then((module) => module.inspectV3Request, () => null);
}

/**
 * Read an incoming HCIM request: one libxml2 parse gives the wrapper facts and the XSD verdict
 * (the xmldom DOM the handlers may walk is built only if a handler asks for it). Requests that
 * path does not take (see `inspectV3Request`) are read as before: xmldom for the facts, then
 * `validateHl7v3` on the text for the verdict. `bytes`: the body as received (UTF-8), if at hand.
 */
export async function readHcimRequest(body: string, bytes?: Buffer): Promise<ReadHcimRequest> {
  inspect ??= loadInspector();
  const inspected = await (await inspect)?.(body, bytes);
  if (inspected === undefined) return { parsed: readV3Request(body), schemaProblem: () => requestSchemaProblem(body) };
  if (!inspected.ok) return { parsed: inspected, schemaProblem: () => requestSchemaProblem(body) };
  const { facts } = inspected;
  return {
    parsed: { ok: true, request: lazyV3Request(body, facts) },
    schemaProblem: inspected.validated ? () => Promise.resolve(inspected.schemaProblem) : () => requestSchemaProblem(body),
  };
}
