import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root (holds fixtures/ and suites/), found from this file's location in src/ or dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('hie-conform package root not found');
    dir = parent;
  }
  return dir;
}

export function fixturePath(...segments: string[]): string {
  return path.join(packageRoot(), 'fixtures', ...segments);
}
