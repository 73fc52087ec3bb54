#!/usr/bin/env node
// Enforces the one-way import flow of DESIGN.md §2: each src/<folder> may import only the folders
// listed here (type-only imports of data shapes are free). Run by `npm test`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ALLOWED = {
  core: [],
  config: ['core', 'suite'],
  suite: ['core'],
  hl7v3: ['core'],
  fhir: ['core', 'config'],
  validate: ['core', 'hl7v3', 'fhir', 'config'],
  transport: ['core'],
  assert: ['core', 'hl7v3', 'fhir', 'validate', 'suite', 'transport'],
  run: ['core', 'assert', 'suite', 'transport', 'config', 'hl7v3', 'validate'],
  report: ['core', 'run', 'assert', 'transport', 'suite', 'config', 'fhir', 'validate'],
  simulator: ['core', 'hl7v3', 'fhir', 'validate', 'config', 'transport', 'suite'],
  dq: ['core', 'hl7v3', 'fhir', 'validate', 'config', 'run', 'report'],
  listen: ['core', 'hl7v3', 'fhir', 'validate', 'config', 'transport', 'suite', 'simulator', 'run', 'assert'],
  cli: null, // the edge: may import anything
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src');
const problems = [];
for (const file of walk(root)) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
  const relative = path.relative(root, file);
  const folder = relative.split(path.sep)[0];
  if (!relative.includes(path.sep)) continue; // src/index.ts: the public API may import anything
  const allowed = ALLOWED[folder];
  if (allowed === undefined) {
    problems.push(`src/${relative}: folder "${folder}" is not in scripts/check-deps.mjs; add it with its allowed imports`);
    continue;
  }
  if (allowed === null) continue;
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm)) {
    if (match[2]) continue; // import type { … }
    const specifier = match[3] ?? match[4];
    const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
    if (target === folder || target.startsWith('..')) continue;
    if (!allowed.includes(target)) problems.push(`src/${relative}: imports src/${target}/ (${specifier}); ${folder}/ may import only ${allowed.join(', ') || 'nothing else'}`);
  }
}
if (problems.length > 0) {
  console.error(`check-deps: ${problems.length} forbidden import(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('check-deps: import flow ok');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
