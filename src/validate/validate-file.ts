import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Issue } from '../core/issue.js';
import type { MessageValidation, ValidationOptions } from './contract.js';

/** Refuse to read more than this per file (a 50 MB message is already far beyond any real one). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

// The validators, imported on first use (a dynamic import() of a loaded module still costs ~15 µs).
let hl7v3Module: Promise<typeof import('./hl7v3.js')> | undefined;
let hl7v3NativeModule: Promise<typeof import('./hl7v3-native.js')> | undefined;
let engineModule: Promise<typeof import('./xsd-engine.js')> | undefined;
let fhirModule: Promise<typeof import('./fhir-profile.js')> | undefined;

/**
 * Validates one message file, HL7v3 (bare or SOAP-enveloped) or FHIR JSON, detected from the
 * content: `validate <files...>`'s work for one file, shared by the main thread and the batch
 * workers (`batch.ts`). With `responseFile`, the file is the request and `responseFile` the
 * message validated against it. The validators are imported on first use, so an HL7v3-only run
 * never loads the FHIR stack.
 *
 * Never throws for bad content; throws HarnessError for unusable options (as the validators do).
 */
export async function validateMessageFile(file: string, options: ValidationOptions, responseFile?: string): Promise<MessageValidation> {
  let content = readSmallFile(file);
  if (content === undefined) {
    return { file, kind: 'hl7v3', valid: false, issues: [{ severity: 'fatal', code: 'file.too-large', message: `file is larger than ${MAX_FILE_BYTES} bytes; not read`, validator: 'file' }] };
  }
  if (responseFile) {
    // validate <request> --response <response>: the response is the message, the file its request.
    options = { ...options, request: content };
    content = readFileSync(responseFile, 'utf8');
  }
  const kind = detectKind(content);
  if (kind === 'fhir') {
    const { validateFhir } = await (fhirModule ??= import('./fhir-profile.js'));
    return { ...(await validateFhir(content, options)), file: responseFile ?? file };
  }
  if (kind === 'hl7v3') {
    // --only xsd: the native XSD engine when built (xsd-engine.ts), same issues, no WebAssembly start-up.
    const { isXsdOnly, xsdEngine } = await (engineModule ??= import('./xsd-engine.js'));
    if (isXsdOnly(options) && xsdEngine() === 'native') {
      const { validateHl7v3XsdNative } = await (hl7v3NativeModule ??= import('./hl7v3-native.js'));
      return { ...(await validateHl7v3XsdNative(content, options)), file: responseFile ?? file };
    }
    const { validateHl7v3 } = await (hl7v3Module ??= import('./hl7v3.js'));
    return { ...(await validateHl7v3(content, options)), file: responseFile ?? file };
  }
  const issue: Issue = { severity: 'fatal', code: 'file.unknown-format', message: content.trim() === '' ? 'file is empty' : 'content is neither XML (HL7v3) nor JSON (FHIR)', validator: 'file' };
  return { file: responseFile ?? file, kind: 'hl7v3', valid: false, issues: [issue] };
}

/** A file's content as UTF-8 text, or undefined when it is larger than {@link MAX_FILE_BYTES} (then it is not read). */
function readSmallFile(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size > MAX_FILE_BYTES ? undefined : readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** XML → HL7v3, `{`/`[` → FHIR JSON, from the first character after a BOM and whitespace. */
export function detectKind(content: string): 'hl7v3' | 'fhir' | undefined {
  let i = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < content.length && /\s/.test(content[i]!)) i++;
  const first = content[i];
  if (first === '<') return 'hl7v3';
  if (first === '{' || first === '[') return 'fhir';
  return undefined;
}
