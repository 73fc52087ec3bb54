import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { HarnessError } from '../core/errors.js';
import { YamlPositions } from './yaml-positions.js';

/** A YAML file read for validation: its text, plain value and the positions of every node. */
export interface YamlSource {
  absolutePath: string;
  /** Path relative to `cwd`, as shown in messages. */
  file: string;
  text: string;
  raw: unknown;
  positions: YamlPositions;
}

/**
 * Read and parse a YAML file that is then validated with zod (run suites, client suites). A missing
 * file or a syntax error is a HarnessError located at `file:line:column`.
 */
export function readYamlSource(filePath: string, cwd: string, what: string): YamlSource {
  const absolutePath = path.resolve(cwd, filePath);
  const file = path.relative(cwd, absolutePath) || absolutePath;
  if (!existsSync(absolutePath)) throw new HarnessError('ERR_FILE_NOT_FOUND', `${what} not found: ${file}`);
  const text = readFileSync(absolutePath, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new HarnessError('ERR_SUITE_PARSE', `invalid YAML: ${first.message.split('\n')[0]}`, { location: { file, line, column: col } });
  }
  return { absolutePath, file, text, raw: document.toJS(), positions: new YamlPositions(file, document, lineCounter) };
}
