#!/usr/bin/env node
// Times whole-process XSD validation of a folder of messages (see bench/xsd.sh):
// hie-conform (CLI, else bench/validate-many.mjs), xmllint in one process, xmllint per file, and
// xsd-schema-validator (one JVM per call). Prints messages/s and ratios vs xmllint one-process.
//   node bench/xsd-bench.mjs <messages-dir> <schema.xsd> [xmllintPerFileSample=100] [jvmSample=20]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: value?.cpu, value };
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
// CPU seconds (user + sys) of a child via GNU time when installed: on a busy machine CPU time is a
// steadier basis for comparison than wall-clock time.
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function run(cmd, args) {
  const options = { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 };
  if (!GNU_TIME) return spawnSync(cmd, args, options);
  const result = spawnSync(GNU_TIME, ['-f', '@@cpu %U %S', cmd, ...args], options);
  const match = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '');
  if (match) {
    result.cpu = Number(match[1]) + Number(match[2]);
    result.stderr = result.stderr.slice(0, match.index);
  }
  if (result.status === 127 && /No such file|cannot run/.test(result.stderr)) result.error = new Error(`${cmd} not found`);
  return result;
}

const rows = [];
function record(name, seconds, messages, note = '', cpu = undefined) {
  rows.push({ name, seconds, messages, rate: messages / seconds, note, cpu });
}
function medianCpu(samples) {
  const values = samples.map((sample) => sample.cpu).filter((cpu) => cpu !== undefined);
  return values.length ? median(values) : undefined;
}

// 1. hie-conform, whole process including start-up.
const cliArgs = ['validate', '--strict', '--only', 'xsd', '--format', 'json', ...files];
const probe = run('node', ['bin/hie-conform', ...cliArgs.slice(0, 6), files[0]]);
const cliWorks = (probe.status === 0 || probe.status === 1) && probe.stdout.trim().startsWith('{');
const ours = cliWorks ? ['node', ['bin/hie-conform', ...cliArgs]] : ['node', ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files]];
let oursVerdicts;
const oursSamples = [];
for (let i = 0; i < runs; i++) {
  const sample = timed(() => run(...ours));
  if (sample.value.status !== 0 && sample.value.status !== 1) throw new Error(`${ours[1][0]} failed (exit ${sample.value.status}): ${sample.value.stderr}`);
  oursSamples.push(sample);
  oursVerdicts = JSON.parse(sample.value.stdout).files.map((f) => f.valid);
}
record(cliWorks ? 'hie-conform validate (CLI, 1 process)' : 'bench/validate-many.mjs (1 process)', median(oursSamples.map((x) => x.seconds)), n, `median of ${runs}`, medianCpu(oursSamples));
function measureNode(name, nodeArgs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(timed(() => run('node', nodeArgs)));
  record(name, median(samples.map((x) => x.seconds)), n, `median of ${runs}`, medianCpu(samples));
}
if (cliWorks) measureNode('bench/validate-many.mjs (library, 1 process)', ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files]);
// Same, with V8's baseline wasm compiler only: a short process spends CPU tiering libxml2 up to
// TurboFan that it never wins back (informational, for the CLI shim's node flags).
measureNode('node --liftoff-only bench/validate-many.mjs', ['--liftoff-only', 'bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files]);

// 2. xmllint, all files in one process.
const xmllintSamples = [];
let xmllintOutput = '';
for (let i = 0; i < runs; i++) {
  const sample = timed(() => run('xmllint', ['--noout', '--schema', schema, ...files]));
  if (sample.value.error) throw new Error('xmllint not found: apt-get install -y libxml2-utils');
  xmllintSamples.push(sample);
  xmllintOutput = sample.value.stderr;
}
const xmllintOne = median(xmllintSamples.map((x) => x.seconds));
const xmllintCpu = medianCpu(xmllintSamples);
record('xmllint --schema, 1 process', xmllintOne, n, `median of ${runs}`, xmllintCpu);

// 3. xmllint, one process per file (sample, extrapolated).
const sample = files.slice(0, perFileSample);
let perFileCpu = 0;
const perFile = timed(() => sample.forEach((file) => (perFileCpu += run('xmllint', ['--noout', '--schema', schema, file]).cpu ?? 0))).seconds;
record('xmllint --schema, 1 process per file', (perFile * n) / sample.length, n, `${sample.length} timed, extrapolated`, GNU_TIME ? (perFileCpu * n) / sample.length : undefined);

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

process.stdout.write(`\n${n} messages, schema ${path.relative(root, schema)}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (wall-clock figures are noisy on a busy machine)\n\n`);
process.stdout.write(`${'tool'.padEnd(48)} ${'seconds'.padStart(8)} ${'msgs/s'.padStart(9)} ${'vs xmllint 1-proc'.padStart(18)} ${'CPU s'.padStart(7)} ${'CPU vs xmllint'.padStart(15)}  note\n`);
for (const row of rows) {
  if (row.seconds === undefined) {
    process.stdout.write(`${row.name.padEnd(48)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(18)}  ${row.note}\n`);
    continue;
  }
  const ratio = row.rate / (n / xmllintOne);
  const cpu = row.cpu === undefined ? '' : row.cpu.toFixed(2);
  const cpuRatio = row.cpu === undefined || xmllintCpu === undefined ? '' : `${(xmllintCpu / row.cpu).toFixed(2)}x`;
  process.stdout.write(`${row.name.padEnd(48)} ${row.seconds.toFixed(3).padStart(8)} ${row.rate.toFixed(0).padStart(9)} ${`${ratio.toFixed(2)}x`.padStart(18)} ${cpu.padStart(7)} ${cpuRatio.padStart(15)}  ${row.note}\n`);
}
const target = rows[0].rate / (n / xmllintOne);
process.stdout.write(`\nverdicts equal to xmllint: ${n - disagreements.length}/${n}${disagreements.length ? ` (differ: ${disagreements.slice(0, 5).join(', ')})` : ''}\n`);
process.stdout.write(`target >= 0.5x xmllint one-process: ${target >= 0.5 ? 'met' : 'NOT met'} (${target.toFixed(2)}x)\n`);
process.exitCode = disagreements.length === 0 ? 0 : 1;
