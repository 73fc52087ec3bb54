import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { HarnessError } from '../core/errors.js';
import type { ConformanceResource } from './definitions.js';

const CONFORMANCE_TYPES = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem']);

/**
 * Reads the StructureDefinitions, ValueSets and CodeSystems at the top of `package/` in an IG
 * `package.tgz` (FHIR NPM package layout). Examples (`package/example/…`) and other files are
 * ignored. Throws `ERR_FHIR_PACKAGE` when the file is not a readable gzip'd tar.
 */
export function readIgPackage(file: string): ConformanceResource[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file));
  } catch (error) {
    throw new HarnessError('ERR_FHIR_PACKAGE', `${file}: cannot read IG package: ${(error as Error).message}`, { cause: error });
  }
  const resources: ConformanceResource[] = [];
  for (const entry of tarEntries(tar)) {
    if (!/^package\/[^/]+\.json$/.test(entry.name)) continue;
    let json: unknown;
    try {
      json = JSON.parse(entry.data.toString('utf8'));
    } catch {
      continue; // package.json-like or malformed side files are not conformance resources
    }
    const resourceType = (json as { resourceType?: unknown } | null)?.resourceType;
    if (typeof resourceType === 'string' && CONFORMANCE_TYPES.has(resourceType)) resources.push(json as ConformanceResource);
  }
  return resources;
}

/** Minimal ustar reader: regular files only, with GNU long names and pax `path` overrides. */
export function* tarEntries(tar: Buffer): Generator<{ name: string; data: Buffer }> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
    } else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (path) longName = path[1];
    } else if (type === '0' || type === '7') {
      name = name.replace(/^\.\//, '');
      yield { name, data };
    }
  }
}
