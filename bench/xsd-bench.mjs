#!/usr/bin/env node
// Times whole-process XSD validation of a folder of messages (see bench/xsd.sh):
// hie-conform (CLI with its default worker threads and in one thread, else bench/validate-many.mjs),
// the library in one process, xmllint in one process, Node's bare start-up, xmllint per file, and
// xsd-schema-validator (one JVM per call). Prints messages/s and ratios vs xmllint one-process.
// RUNS=n sets how many times each whole-process contender runs (default 5, interleaved).
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
const runs = Number(process.env.RUNS ?? 5);

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
function run(cmd, args, env = undefined) {
  const options = { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...(env ? { env: { ...process.env, ...env } } : {}) };
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

// 1. hie-conform and xmllint over all files, one process each, whole process including start-up.
// The runs alternate (ours, ours in one thread, xmllint, …) so that a burst of load from other
// processes hits every tool alike; each figure is the median of its runs.
const cliArgs = ['validate', '--strict', '--only', 'xsd', '--format', 'json', ...files];
const probe = run('node', ['bin/hie-conform', ...cliArgs.slice(0, 6), files[0]]);
const cliWorks = (probe.status === 0 || probe.status === 1) && probe.stdout.trim().startsWith('{');
// The XSD engine the CLI picks (src/validate/xsd-engine.ts): native addon when built, else wasm.
const { xsdEngine } = await import('../dist/validate/xsd-engine.js');
const engine = xsdEngine();
const contenders = [
  cliWorks
    ? { name: 'hie-conform validate (CLI, 1 process)', cmd: 'node', args: ['bin/hie-conform', ...cliArgs], note: engine === 'native' ? 'default: native engine, up to 2 jobs of <= 32 files per CPU in flight on libuv threads' : 'default: worker threads for >= 250 files when a CPU is spare (load average < CPUs)' }
    : { name: 'bench/validate-many.mjs (1 process)', cmd: 'node', args: ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files] },
  ...(cliWorks ? [{ name: engine === 'native' ? '  same, one job at a time (WORKERS=0)' : '  same, one thread (WORKERS=0)', cmd: 'node', args: ['bin/hie-conform', ...cliArgs], env: { HIE_CONFORM_VALIDATE_WORKERS: '0' } }] : []),
  ...(cliWorks && engine === 'native' ? [{ name: '  same, wasm engine (HIE_CONFORM_XSD_ENGINE=wasm)', cmd: 'node', args: ['bin/hie-conform', ...cliArgs], env: { HIE_CONFORM_XSD_ENGINE: 'wasm' }, note: 'the fallback when the addon is not built' }] : []),
  ...(cliWorks ? [{ name: 'bench/validate-many.mjs (library, 1 process)', cmd: 'node', args: ['bench/validate-many.mjs', '--strict', '--only', 'xsd', ...files], note: 'library, default V8 wasm tiering' }] : []),
  { name: 'xmllint --schema, 1 process', cmd: 'xmllint', args: ['--noout', '--schema', schema, ...files], xmllint: true },
  { name: 'node -e 0 (Node start-up alone)', cmd: 'node', args: ['-e', '0'], floor: true },
];
const samples = contenders.map(() => []);
let oursVerdicts;
let xmllintOutput = '';
const loadBefore = os.loadavg();
for (let i = 0; i < runs; i++) {
  contenders.forEach((c, j) => {
    const sample = timed(() => run(c.cmd, c.args, c.env));
    if (c.xmllint && sample.value.error) throw new Error('xmllint not found: apt-get install -y libxml2-utils');
    if (!c.xmllint && !c.floor && sample.value.status !== 0 && sample.value.status !== 1) throw new Error(`${c.name} failed (exit ${sample.value.status}): ${sample.value.stderr}`);
    if (c.xmllint) xmllintOutput = sample.value.stderr;
    else if (!c.floor) {
      const verdicts = JSON.parse(sample.value.stdout).files.map((f) => f.valid);
      if (oursVerdicts && verdicts.join() !== oursVerdicts.join()) throw new Error(`${c.name}: verdicts differ between runs`);
      oursVerdicts = verdicts;
    }
    samples[j].push(sample);
  });
}
const loadAfter = os.loadavg();
contenders.forEach((c, j) => record(c.name, median(samples[j].map((x) => x.seconds)), c.floor ? 0 : n, `median of ${runs}${c.note ? `; ${c.note}` : ''}`, medianCpu(samples[j])));
const xmllintIndex = contenders.findIndex((c) => c.xmllint);
const xmllintOne = rows[xmllintIndex].seconds;
const xmllintCpu = rows[xmllintIndex].cpu;

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

const load = (values) => values.map((l) => l.toFixed(2)).join(' ');
process.stdout.write(`\nCLI XSD engine: ${engine}${engine === 'native' ? ` (system libxml2 ${(await import('../dist/validate/xsd-engine.js')).nativeXsdAddon().libxml2Version})` : ' (native addon not built or HIE_CONFORM_XSD_ENGINE=wasm)'}\n`);
process.stdout.write(`\n${n} messages, schema ${path.relative(root, schema)}; ${os.cpus().length} CPUs; load average ${load(loadBefore)} before the whole-process runs, ${load(loadAfter)} after, ${load(os.loadavg())} at the end (wall-clock figures are noisy on a busy machine; CPU s = user + sys of the process)\n`);
if (process.env.NODE_EXTRA_CA_CERTS) process.stdout.write(`NODE_EXTRA_CA_CERTS is set: every node process parses that CA bundle at start-up (see the node -e 0 row)\n`);
process.stdout.write(`\n${'tool'.padEnd(48)} ${'seconds'.padStart(8)} ${'msgs/s'.padStart(9)} ${'vs xmllint 1-proc'.padStart(18)} ${'CPU s'.padStart(7)} ${'CPU vs xmllint'.padStart(15)}  note\n`);
for (const row of rows) {
  if (row.seconds === undefined) {
    process.stdout.write(`${row.name.padEnd(48)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(18)}  ${row.note}\n`);
    continue;
  }
  const cpu = row.cpu === undefined ? '' : row.cpu.toFixed(2);
  if (row.messages === 0) {
    process.stdout.write(`${row.name.padEnd(48)} ${row.seconds.toFixed(3).padStart(8)} ${''.padStart(9)} ${''.padStart(18)} ${cpu.padStart(7)} ${''.padStart(15)}  ${row.note}\n`);
    continue;
  }
  const ratio = row.rate / (n / xmllintOne);
  const cpuRatio = row.cpu === undefined || xmllintCpu === undefined ? '' : `${(xmllintCpu / row.cpu).toFixed(2)}x`;
  process.stdout.write(`${row.name.padEnd(48)} ${row.seconds.toFixed(3).padStart(8)} ${row.rate.toFixed(0).padStart(9)} ${`${ratio.toFixed(2)}x`.padStart(18)} ${cpu.padStart(7)} ${cpuRatio.padStart(15)}  ${row.note}\n`);
}
const target = rows[0].rate / (n / xmllintOne);
process.stdout.write(`\nverdicts equal to xmllint: ${n - disagreements.length}/${n}${disagreements.length ? ` (differ: ${disagreements.slice(0, 5).join(', ')})` : ''}\n`);
process.stdout.write(`target >= 0.5x xmllint one-process (wall clock, ${rows[0].name.trim()}): ${target >= 0.5 ? 'met' : 'NOT met'} (${target.toFixed(2)}x${cliWorks ? `; ${engine === 'native' ? 'one job at a time' : 'one thread'} ${(rows[1].rate / (n / xmllintOne)).toFixed(2)}x` : ''})\n`);
process.exitCode = disagreements.length === 0 ? 0 : 1;
