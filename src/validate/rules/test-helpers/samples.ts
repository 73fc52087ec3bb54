import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../../../core/issue.js';
import type { ValidationOptions } from '../../contract.js';
import { validateHl7v3 } from '../../hl7v3.js';

/** test/fixtures/hl7v3, the HL7v3 sample messages (see its PROVENANCE.md). */
export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/hl7v3');

/** A sample's content by its path under test/fixtures/hl7v3, e.g. `hcim/MCCI_IN000002.validHcimOut.xml`. */
export function sample(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

/** `content` with `from` replaced by `to` (same line count unless `to` adds lines); fails loudly if `from` is absent. */
export function variant(content: string, from: string, to: string): string {
  if (!content.includes(from)) throw new Error(`test fixture does not contain ${JSON.stringify(from)}`);
  return content.replace(from, to);
}

/** The issues one rule raises on `content` (rules layer only). */
export async function ruleIssues(ruleId: string, content: string, options: ValidationOptions = {}): Promise<Issue[]> {
  const result = await validateHl7v3(content, { ...options, only: ['rules'], rules: [ruleId] });
  return result.issues;
}

/** The 1-based line of the first occurrence of `text` in `content`. */
export function lineOf(content: string, text: string): number {
  const index = content.indexOf(text);
  if (index < 0) throw new Error(`test fixture does not contain ${JSON.stringify(text)}`);
  return content.slice(0, index).split('\n').length;
}
