import { statSync } from 'node:fs';
import { HarnessError } from '../../core/errors.js';
import { validateFiles } from '../../validate/batch.js';
import type { MessageValidation, ValidationLayer, ValidationOptions } from '../../validate/contract.js';
import { validateMessageFile } from '../../validate/validate-file.js';
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

/**
 * `hie-conform validate <files...>`: HL7v3 (bare or SOAP-enveloped) or FHIR JSON, detected from
 * the content. `--response resp.xml` validates a response against the request given as the file.
 * Many files are shared out between worker threads (validate/batch.ts); results keep file order.
 */
export async function validateCommand(files: string[], flags: ValidateFlags): Promise<number> {
  const format = flags.format ?? 'text';
  try {
    if (!['text', 'json'].includes(format)) throw new HarnessError('ERR_USAGE', `--format must be text or json, but received "${format}"`);
    const only = (flags.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()) as ValidationLayer[];
    for (const layer of only) if (!LAYERS.includes(layer)) throw new HarnessError('ERR_USAGE', `--only must be one of ${LAYERS.join(', ')}, but received "${layer}"`);
    for (const file of files) if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new HarnessError('ERR_FILE_NOT_FOUND', `file not found: ${file}`);
    const options: ValidationOptions = { strict: flags.strict ?? false, ...(only.length ? { only } : {}), ...(flags.schema ? { schema: flags.schema } : {}), ...(flags.profile ? { profile: flags.profile } : {}), ...(flags.ig?.length ? { igPackages: flags.ig } : {}) };
    let results: MessageValidation[] = [];
    if (flags.response) for (const file of files) results.push(await validateMessageFile(file, options, flags.response));
    else results = await validateFiles(files, options);
    if (format === 'json') process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
    else printText(results);
    return results.every((r) => r.valid) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
}

function printText(results: MessageValidation[]): void {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.valid ? '✓' : '✗'} ${result.file} (${result.kind}${result.schema ? `, ${result.schema}` : ''}${result.profiles?.length ? `, ${result.profiles.join(', ')}` : ''})\n`);
    for (const issue of result.issues) {
      lines.push(`  ${issue.severity.padEnd(11)} ${result.file}${issue.line ? `:${issue.line}` : ''}${issue.column ? `:${issue.column}` : ''} ${issue.code}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}\n`);
    }
  }
  const invalid = results.filter((r) => !r.valid).length;
  lines.push(`\n${results.length - invalid} valid, ${invalid} invalid\n`);
  process.stdout.write(lines.join(''));
}
