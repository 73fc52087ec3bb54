import { packageRoot } from '../../config/package-root.js';
import { HarnessError } from '../../core/errors.js';
import { findSuiteFiles } from '../../suite/find-suites.js';
import { loadSuite } from '../../suite/load-suite.js';
import type { LoadedSuite } from '../../suite/suite-model.js';
import { selectCases } from '../../suite/select-cases.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../print-error.js';
import path from 'node:path';

export interface ListFlags {
  requirements?: boolean;
  grep?: string;
  tag?: string[];
  format?: string;
}

/** `hie-conform list`: suites, cases, ids, tags; `--requirements` prints the coverage matrix. */
export async function listCommand(patterns: string[], flags: ListFlags): Promise<number> {
  let suites: LoadedSuite[];
  try {
    if (flags.format && !['text', 'json'].includes(flags.format)) throw new HarnessError('ERR_USAGE', `--format must be text or json, but received "${flags.format}"`);
    const files = findSuiteFiles(patterns.length > 0 ? patterns : [path.join(packageRoot(), 'suites')], process.cwd());
    suites = files.map((file) => loadSuite(file));
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  const selection = selectCases(suites, { grep: flags.grep ? new RegExp(flags.grep) : undefined, tags: flags.tag });
  if (flags.requirements) {
    const matrix = new Map<string, string[]>();
    for (const { suite, cases } of selection) {
      for (const c of cases) for (const requirement of c.document.requirements) matrix.set(requirement, [...(matrix.get(requirement) ?? []), `${suite.document.id}/${c.document.id}${c.document.optional ? ' (optional)' : ''}`]);
    }
    const rows = [...matrix.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify({ requirements: rows.map(([id, cases]) => ({ id, cases })) }, null, 2)}\n`);
    } else {
      for (const [id, cases] of rows) process.stdout.write(`${id.padEnd(16)} ${cases.join(', ')}\n`);
      process.stdout.write(`\n${rows.length} requirement(s)\n`);
    }
    return EXIT.ok;
  }
  if (flags.format === 'json') {
    const out = selection.map(({ suite, cases }) => ({
      id: suite.document.id,
      title: suite.document.title,
      file: suite.file,
      cases: cases.map((c) => ({ id: c.document.id, title: c.document.title, tags: c.document.tags, requirements: c.document.requirements, optional: c.document.optional, line: c.location.line })),
    }));
    process.stdout.write(`${JSON.stringify({ suites: out }, null, 2)}\n`);
    return EXIT.ok;
  }
  let total = 0;
  for (const { suite, cases } of selection) {
    process.stdout.write(`${suite.document.id}  ${suite.document.title}  (${suite.file})\n`);
    for (const c of cases) {
      total += 1;
      const tags = [...suite.document.tags, ...c.document.tags];
      process.stdout.write(`  ${c.document.id.padEnd(36)} ${c.document.title}${c.document.optional ? ' (optional)' : ''}  [${tags.join(', ')}]${c.document.requirements.length ? `  ${c.document.requirements.join(' ')}` : ''}\n`);
    }
  }
  process.stdout.write(`\n${selection.length} suite(s), ${total} case(s)\n`);
  return EXIT.ok;
}
