import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/package-root.js';
import { HarnessError } from '../core/errors.js';
import { findSuiteFiles } from '../suite/find-suites.js';

/** Folders of client suites: `suites/client-*` (kept out of `run`'s default set). */
export const CLIENT_SUITE_FOLDER = /^client-/;

/**
 * Client-suite files for `listen`: the given files/folders/globs, or every built-in
 * `suites/client-*` folder when none are given.
 */
export function findClientSuiteFiles(patterns: readonly string[], cwd: string): string[] {
  if (patterns.length > 0) return findSuiteFiles(patterns, cwd);
  const root = path.join(packageRoot(), 'suites');
  const folders = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && CLIENT_SUITE_FOLDER.test(e.name)).map((e) => path.join(root, e.name)) : [];
  if (folders.length === 0) throw new HarnessError('ERR_NO_SUITES', `no client suites found in ${root}/client-*; give client-suite files or folders`);
  return findSuiteFiles(folders, cwd);
}
