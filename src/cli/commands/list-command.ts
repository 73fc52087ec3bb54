import { packageRoot } from '../../config/package-root.js';
import { HarnessError } from '../../core/errors.js';
import { findSuiteFiles } from '../../suite/find-suites.js';
import { loadSuite } from '../../suite/load-suite.js';
import type { LoadedSuite } from '../../suite/suite-model.js';
import { selectCases } from '../../suite/select-cases.js';
import { loadRequirementCatalogue, requirementCoverage, type Coverage } from '../../suite/requirements.js';
import { builtInCoverage, catalogueDirectory, requirementsMarkdown } from './requirements-matrix.js';
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
    if (flags.format && !['text', 'json', 'markdown'].includes(flags.format)) throw new HarnessError('ERR_USAGE', `--format must be text, json or markdown, but received "${flags.format}"`);
    if (flags.format === 'markdown' && !flags.requirements) throw new HarnessError('ERR_USAGE', '--format markdown is only for --requirements');
    const files = findSuiteFiles(patterns.length > 0 ? patterns : [path.join(packageRoot(), 'suites')], process.cwd());
    suites = files.map((file) => loadSuite(file));
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  const selection = selectCases(suites, { grep: flags.grep ? new RegExp(flags.grep) : undefined, tags: flags.tag });
  if (flags.requirements) return printRequirements(patterns, flags, selection);
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

/**
 * `list --requirements`: the catalogue (suites/requirements/*.yaml) against the cases citing it.
 * Without suite arguments or filters every built-in suite counts, client and receiver suites
 * included; with them, only the selected cases. Exit 1 when a case cites an id the catalogue lacks.
 */
function printRequirements(patterns: string[], flags: ListFlags, selection: ReturnType<typeof selectCases>): number {
  let coverage: Coverage;
  try {
    const filtered = patterns.length > 0 || flags.grep !== undefined || (flags.tag?.length ?? 0) > 0;
    coverage = filtered
      ? requirementCoverage(loadRequirementCatalogue(catalogueDirectory()), selection.flatMap(({ suite, cases }) => cases.map((c) => ({ ref: `${suite.document.id}/${c.document.id}`, optional: c.document.optional, requirements: c.document.requirements }))))
      : builtInCoverage();
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  if (flags.format === 'markdown') process.stdout.write(requirementsMarkdown(coverage));
  else if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({
      requirements: coverage.rows.map((row) => ({ id: row.requirement.id, title: row.requirement.title, source: row.requirement.source, area: row.requirement.area, cases: row.cases })),
      uncovered: coverage.uncovered.map((r) => r.id),
      unknown: coverage.unknown,
    }, null, 2)}\n`);
  } else {
    const width = Math.max(16, ...coverage.rows.map((row) => row.requirement.id.length + 1));
    for (const row of coverage.rows) {
      const cases = row.cases.length ? row.cases.map((c) => `${c.ref}${c.optional ? ' (optional)' : ''}`).join(', ') : 'NOT COVERED';
      process.stdout.write(`${row.requirement.id.padEnd(width)} ${row.requirement.title}\n${''.padEnd(width)}   ${cases}\n`);
    }
    const covered = coverage.rows.length - coverage.uncovered.length;
    process.stdout.write(`\n${coverage.rows.length} requirement(s), ${covered} covered, ${coverage.uncovered.length} not covered\n`);
  }
  for (const entry of coverage.unknown) process.stderr.write(`error: requirement ${entry.id} is cited by ${entry.cases.join(', ')} but not defined in suites/requirements/\n`);
  return coverage.unknown.length > 0 ? EXIT.failed : EXIT.ok;
}
