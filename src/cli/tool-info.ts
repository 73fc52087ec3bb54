import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/package-root.js';

let cached: { name: string; version: string } | undefined;

/** `{ name, version }` of this package, for reports and --version. */
export function toolInfo(): { name: string; version: string } {
  cached ??= (() => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  })();
  return cached;
}
