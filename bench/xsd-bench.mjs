#!/usr/bin/env node
// Times whole-process XSD validation of a folder of messages (see bench/xsd.sh):
// hie-conform (CLI, else bench/validate-many.mjs), xmllint in one process, xmllint per file, and
// xsd-schema-validator (one JVM per call). Prints messages/s and ratios vs xmllint one-process.
//   node bench/xsd-bench.mjs <messages-dir> <schema.xsd> [xmllintPerFileSample=100] [jvmSample=20]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, schema, perFileArg, jvmArg] = process.argv.slice(2);
if (!dir || !schema) {
  process.stderr.write('usage: node bench/xsd-bench.mjs <messages-dir> <schema.xsd> [xmllintPerFileSample] [jvmSample]\n');
  process.exit(2);
}
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));
const n = files.length;
const perFileSample = Number(perFileArg ?? 100);
const jvmSample = Number(jvmArg ?? 20);
const runs = 3;

function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
}

const rows = [];
function record(name, seconds, messages, note = '') {
  rows.push({ name, seconds, messages, rate: messages / seconds, note });
}

// 1. hie-conform, whole process including start-up.
const cliArgs = ['validate', '--strict', '--only', 'xsd', '--format', 'json', ...files];
const probe = run('node', ['bin/hie-conform', ...cliArgs.slice(0, 6), files[0]]);
const cliWorks = (probe.status === 0 || probe.status === 1) && probe.stdout.trim().startsWith('{');
const ours = cliWorks ? ['node', ['bin/hie-conform', ...cliArgs]] : ['node', ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files]];
let oursVerdicts;
const oursTimes = [];
for (let i = 0; i < runs; i++) {
  const { seconds, value } = timed(() => run(...ours));
  if (value.status !== 0 && value.status !== 1) throw new Error(`${ours[1][0]} failed (exit ${value.status}): ${value.stderr}`);
  oursTimes.push(seconds);
  oursVerdicts = JSON.parse(value.stdout).files.map((f) => f.valid);
}
record(cliWorks ? 'hie-conform validate (CLI, 1 process)' : 'bench/validate-many.mjs (1 process)', median(oursTimes), n, `median of ${runs}`);
if (cliWorks) {
  const many = [];
  for (let i = 0; i < runs; i++) many.push(timed(() => run('node', ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files])).seconds);
  record('bench/validate-many.mjs (library, 1 process)', median(many), n, `median of ${runs}`);
}

// 2. xmllint, all files in one process.
const xmllintTimes = [];
let xmllintOutput = '';
for (let i = 0; i < runs; i++) {
  const { seconds, value } = timed(() => run('xmllint', ['--noout', '--schema', schema, ...files]));
  if (value.error) throw new Error('xmllint not found: apt-get install -y libxml2-utils');
  xmllintTimes.push(seconds);
  xmllintOutput = value.stderr;
}
const xmllintOne = median(xmllintTimes);
record('xmllint --schema, 1 process', xmllintOne, n, `median of ${runs}`);

// 3. xmllint, one process per file (sample, extrapolated).
const sample = files.slice(0, perFileSample);
const perFile = timed(() => sample.forEach((file) => run('xmllint', ['--noout', '--schema', schema, file]))).seconds;
record('xmllint --schema, 1 process per file', (perFile * n) / sample.length, n, `${sample.length} timed, extrapolated`);

// 4. xsd-schema-validator: one JVM per call (sample, extrapolated).
try {
  const { default: validator } = await import('xsd-schema-validator');
  await validator.validateXML({ file: files[0] }, schema).catch(() => undefined); // first call may compile the helper
  const jvmFiles = files.slice(0, jvmSample);
  const start = process.hrtime.bigint();
  for (const file of jvmFiles) await validator.validateXML({ file }, schema).catch(() => undefined);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  record('xsd-schema-validator (JVM per call)', (seconds * n) / jvmFiles.length, n, `${jvmFiles.length} timed, extrapolated`);
} catch (error) {
  rows.push({ name: 'xsd-schema-validator (JVM per call)', note: `not measured: ${error.message}` });
}

// Verdict agreement with xmllint on the whole set.
const xmllintValid = new Set(xmllintOutput.split('\n').filter((l) => l.endsWith(' validates')).map((l) => path.resolve(root, l.slice(0, -' validates'.length))));
const disagreements = files.filter((file, i) => oursVerdicts[i] !== xmllintValid.has(path.resolve(root, file)));

process.stdout.write(`\n${n} messages, schema ${path.relative(root, schema)}\n\n`);
process.stdout.write(`${'tool'.padEnd(48)} ${'seconds'.padStart(8)} ${'msgs/s'.padStart(9)} ${'vs xmllint 1-proc'.padStart(18)}  note\n`);
for (const row of rows) {
  if (row.seconds === undefined) {
    process.stdout.write(`${row.name.padEnd(48)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(18)}  ${row.note}\n`);
    continue;
  }
  const ratio = row.rate / (n / xmllintOne);
  process.stdout.write(`${row.name.padEnd(48)} ${row.seconds.toFixed(3).padStart(8)} ${row.rate.toFixed(0).padStart(9)} ${`${ratio.toFixed(2)}x`.padStart(18)}  ${row.note}\n`);
}
const target = rows[0].rate / (n / xmllintOne);
process.stdout.write(`\nverdicts equal to xmllint: ${n - disagreements.length}/${n}${disagreements.length ? ` (differ: ${disagreements.slice(0, 5).join(', ')})` : ''}\n`);
process.stdout.write(`target >= 0.5x xmllint one-process: ${target >= 0.5 ? 'met' : 'NOT met'} (${target.toFixed(2)}x)\n`);
process.exitCode = disagreements.length === 0 ? 0 : 1;
