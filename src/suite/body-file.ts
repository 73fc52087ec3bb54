import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import type { SourceLocation } from '../core/source-location.js';

/**
 * Resolve a suite's body file reference. Suites are untrusted input: a reference may not leave the
 * suite's folder (`../../etc/passwd`) unless the user allows it with --allow-external-files.
 */
export function resolveBodyFile(
  reference: string,
  options: { root: string; allowExternalFiles?: boolean; location?: SourceLocation; key: string },
): string {
  const resolved = path.resolve(options.root, reference);
  const location = options.location;
  if (!existsSync(resolved)) {
    throw new HarnessError('ERR_FILE_NOT_FOUND', `${options.key} refers to a missing file: ${reference}`, { location });
  }
  // realpath so a symlink inside the root cannot point outside it.
  const real = realpathSync(resolved);
  const realRoot = realpathSync(options.root);
  const inside = real === realRoot || real.startsWith(realRoot + path.sep);
  if (!inside && !options.allowExternalFiles) {
    throw new HarnessError('ERR_SUITE_REFERENCE', `${options.key} "${reference}" is outside the suite folder ${path.relative(process.cwd(), realRoot) || '.'}; pass --allow-external-files to permit it`, { location });
  }
  return real;
}
