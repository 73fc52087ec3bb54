import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';

const SUITE_FILE = /\.ya?ml$/;
/**
 * Sub-folders a folder walk skips: `client-*` hold `listen` client suites (another format) and
 * `receiver-*` push to a partner's receiver endpoint given by a variable, so neither belongs in
 * `run suites/` or the default run. Name such a folder (or a file in it) to run it.
 */
const OPT_IN_FOLDER = /^(client|receiver)-/;
/** `suites/requirements/` is the requirements catalogue, not suites: never walked. */
const NOT_SUITES = /^requirements$/;

/**
 * Expand suite arguments into files: a file, a directory (searched recursively for *.yaml) or a
 * glob (`suites/hcim-*` / `suites/**` / `*.yaml`). Sorted and de-duplicated so runs are reproducible.
 */
export function findSuiteFiles(patterns: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const before = found.size;
    if (/[*?[]/.test(pattern)) {
      for (const file of expandGlob(pattern, cwd)) found.add(file);
    } else {
      const absolute = path.resolve(cwd, pattern);
      if (!existsSync(absolute)) throw new HarnessError('ERR_FILE_NOT_FOUND', `suite path not found: ${pattern}`);
      if (statSync(absolute).isDirectory()) for (const file of walk(absolute)) found.add(file);
      else found.add(absolute);
    }
    if (found.size === before) throw new HarnessError('ERR_NO_SUITES', `no suite files (*.yaml) match "${pattern}"`);
  }
  return [...found].sort();
}

function walk(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!OPT_IN_FOLDER.test(entry.name) && !NOT_SUITES.test(entry.name)) files.push(...walk(full));
    } else if (SUITE_FILE.test(entry.name)) files.push(full);
  }
  return files;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, pattern);
  const segments = absolute.split(path.sep);
  const firstGlob = segments.findIndex((segment) => /[*?[]/.test(segment));
  const base = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  if (!existsSync(base)) return [];
  const matcher = globToRegExp(absolute);
  const candidates = statSync(base).isDirectory() ? walkAll(base) : [base];
  return candidates.filter((file) => matcher.test(file) || [...ancestors(file, base)].some((dir) => matcher.test(dir))).filter((f) => SUITE_FILE.test(f));
}

function walkAll(directory: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_SUITES.test(entry.name)) out.push(full, ...walkAll(full));
    }
    else out.push(full);
  }
  return out;
}

function* ancestors(file: string, base: string): Generator<string> {
  let dir = path.dirname(file);
  while (dir.length > base.length) {
    yield dir;
    dir = path.dirname(dir);
  }
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
