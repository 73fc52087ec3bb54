#!/usr/bin/env node
// Compares dq-findings.csv with the generator's truth.ndjson: recall and precision of rule
// defects, and of duplicates (probable duplicates + PHN conflicts) as pairs.
//   node bench/dq-evaluate.mjs <truth.ndjson> <dq-findings.csv>
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [truthFile, findingsFile] = process.argv.slice(2);
const DUPLICATE_RULES = new Set(['probable-duplicate', 'phn-conflict', 'phn-repeated']);
const expectedRules = new Set(); // "row|rule" injected defects
const tolerated = new Set(); // findings that come with an injected duplicate (its PHN is blank)
const expectedPairs = new Map(); // "row|related" -> kind
for await (const line of createInterface({ input: createReadStream(truthFile) })) {
  if (!line) continue;
  const t = JSON.parse(line);
  if (t.kind) expectedPairs.set(`${t.row}|${t.related}`, t.kind);
  else if (t.expectedWithDuplicate) tolerated.add(`${t.row}|${t.rule}`);
  else expectedRules.add(`${t.row}|${t.rule}`);
}

function splitCsv(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}

// Records injected as duplicates of the same original are one person: a finding linking any two of
// them is right (two duplicates of one original often match each other best).
const parent = new Map();
const find = (x) => { while (parent.has(x) && parent.get(x) !== x) x = parent.get(x); return x; };
for (const key of expectedPairs.keys()) { const [a, b] = key.split('|'); parent.set(find(a), find(b)); }
const sameCluster = (a, b) => parent.has(a) && find(a) === find(b);

let ruleTp = 0, ruleFp = 0, pairTp = 0, pairFp = 0;
const foundRules = new Set();
const foundPairs = new Set();
const fpSamples = [];
let header = true;
for await (const line of createInterface({ input: createReadStream(findingsFile) })) {
  if (header) { header = false; continue; }
  if (!line) continue;
  const [, row, , , rule, severity, , , relatedRow] = splitCsv(line);
  if (severity === 'information') continue;
  if (DUPLICATE_RULES.has(rule)) {
    const key = `${row}|${relatedRow}`;
    if (expectedPairs.has(key) || sameCluster(row, relatedRow)) { pairTp++; foundPairs.add(expectedPairs.has(key) ? key : [...expectedPairs.keys()].find((k) => k.startsWith(`${row}|`)) ?? key); }
    else { pairFp++; if (fpSamples.length < 5) fpSamples.push(line); }
    continue;
  }
  const key = `${row}|${rule}`;
  if (expectedRules.has(key)) { ruleTp++; foundRules.add(key); }
  else if (tolerated.has(key)) continue;
  else { ruleFp++; if (fpSamples.length < 5) fpSamples.push(line); }
}
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)} %`);
console.log(`rule defects:  injected ${expectedRules.size}, found ${foundRules.size}; recall ${pct(foundRules.size, expectedRules.size)}, precision ${pct(ruleTp, ruleTp + ruleFp)} (${ruleFp} unexpected findings)`);
const byKind = (kind) => [...expectedPairs].filter(([, k]) => k === kind).map(([key]) => key);
for (const kind of ['probable-duplicate', 'phn-conflict']) {
  const keys = byKind(kind);
  const found = keys.filter((k) => foundPairs.has(k)).length;
  console.log(`${kind.padEnd(19)} injected ${keys.length}, found ${found}; recall ${pct(found, keys.length)}`);
}
console.log(`duplicates:    recall ${pct(foundPairs.size, expectedPairs.size)}, false positives ${pairFp} of ${pairTp + pairFp} reported (${pct(pairFp, pairTp + pairFp)})`);
if (fpSamples.length) console.log(`unexpected (first ${fpSamples.length}):\n  ${fpSamples.join('\n  ')}`);
