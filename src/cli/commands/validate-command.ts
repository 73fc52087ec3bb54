import { existsSync, readFileSync, statSync } from 'node:fs';
import { HarnessError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import type { MessageValidation, ValidationLayer, ValidationOptions } from '../../validate/contract.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../print-error.js';

export interface ValidateFlags {
  schema?: string;
  profile?: string;
  ig?: string[];
  only?: string[];
  strict?: boolean;
  format?: string;
  response?: string;
}

const LAYERS: readonly ValidationLayer[] = ['xsd', 'rules', 'profile'];
/** Refuse to read more than this per file (a 50 MB message is already far beyond any real one). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * `hie-conform validate <files...>`: HL7v3 (bare or SOAP-enveloped) or FHIR JSON, detected from
 * the content. `--response resp.xml` validates a response against the request given as the file.
 */
export async function validateCommand(files: string[], flags: ValidateFlags): Promise<number> {
  const format = flags.format ?? 'text';
  try {
    if (!['text', 'json'].includes(format)) throw new HarnessError('ERR_USAGE', `--format must be text or json, but received "${format}"`);
    const only = (flags.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()) as ValidationLayer[];
    for (const layer of only) if (!LAYERS.includes(layer)) throw new HarnessError('ERR_USAGE', `--only must be one of ${LAYERS.join(', ')}, but received "${layer}"`);
    for (const file of files) if (!existsSync(file) || !statSync(file).isFile()) throw new HarnessError('ERR_FILE_NOT_FOUND', `file not found: ${file}`);
    const results: MessageValidation[] = [];
    for (const file of files) {
      const options: ValidationOptions = { strict: flags.strict ?? false, ...(only.length ? { only } : {}), ...(flags.schema ? { schema: flags.schema } : {}), ...(flags.profile ? { profile: flags.profile } : {}), ...(flags.ig?.length ? { igPackages: flags.ig } : {}) };
      results.push(await validateFile(file, options, flags.response));
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
    else printText(results);
    return results.every((r) => r.valid) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
}

async function validateFile(file: string, options: ValidationOptions, responseFile?: string): Promise<MessageValidation> {
  if (statSync(file).size > MAX_FILE_BYTES) {
    return { file, kind: 'hl7v3', valid: false, issues: [{ severity: 'fatal', code: 'file.too-large', message: `file is larger than ${MAX_FILE_BYTES} bytes; not read`, validator: 'file' }] };
  }
  let content = readFileSync(file, 'utf8');
  if (responseFile) {
    // validate <request> --response <response>: the response is the message, the file its request.
    options = { ...options, request: content };
    content = readFileSync(responseFile, 'utf8');
  }
  const kind = detectKind(content);
  if (kind === 'fhir') {
    const { validateFhir } = await import('../../validate/fhir-profile.js');
    return { ...(await validateFhir(content, options)), file: responseFile ?? file };
  }
  if (kind === 'hl7v3') {
    const { validateHl7v3 } = await import('../../validate/hl7v3.js');
    return { ...(await validateHl7v3(content, options)), file: responseFile ?? file };
  }
  const issue: Issue = { severity: 'fatal', code: 'file.unknown-format', message: content.trim() === '' ? 'file is empty' : 'content is neither XML (HL7v3) nor JSON (FHIR)', validator: 'file' };
  return { file: responseFile ?? file, kind: 'hl7v3', valid: false, issues: [issue] };
}

function detectKind(content: string): 'hl7v3' | 'fhir' | undefined {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'hl7v3';
  if (start.startsWith('{') || start.startsWith('[')) return 'fhir';
  return undefined;
}

function printText(results: MessageValidation[]): void {
  for (const result of results) {
    process.stdout.write(`${result.valid ? '✓' : '✗'} ${result.file} (${result.kind}${result.schema ? `, ${result.schema}` : ''}${result.profiles?.length ? `, ${result.profiles.join(', ')}` : ''})\n`);
    for (const issue of result.issues) {
      process.stdout.write(`  ${issue.severity.padEnd(11)} ${result.file}${issue.line ? `:${issue.line}` : ''}${issue.column ? `:${issue.column}` : ''} ${issue.code}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}\n`);
    }
  }
  const invalid = results.filter((r) => !r.valid).length;
  process.stdout.write(`\n${results.length - invalid} valid, ${invalid} invalid\n`);
}
