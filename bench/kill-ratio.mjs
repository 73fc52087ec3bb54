#!/usr/bin/env node
// Kill ratio of the built-in suites (issue 7): for every simulator --defect, start
// `serve --defect NAME`, run every built-in suite against it and count the defect as caught when
// at least one case is `failed` (an `error` does not count: it would mean the harness or the
// transport broke, not that the suites noticed the defect). Prints one line per defect and the
// ratio; `--json` adds a last line with the figures for test/e2e/kill-ratio.test.ts.
//
// The simulator runs as a separate process, as a partner's system would: the run reaches it by
// --target-url, fetches bearer tokens from its /oauth/token, and tells it (serve --callback-url)
// where the run's callback listener waits for async results.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'hie-conform');
const { DEFECTS } = await import(path.join(root, 'dist', 'simulator', 'defects.js'));
const { loadLocalVariables } = await import(path.join(root, 'dist', 'config', 'resolve-config.js'));
const json = process.argv.includes('--json');
const only = process.argv.find((arg) => arg.startsWith('--defect='))?.slice('--defect='.length);
const names = Object.keys(DEFECTS).filter((name) => !only || name === only);
const vars = Object.entries(loadLocalVariables()).flatMap(([k, v]) => ['--var', `${k}=${v}`]);
// The embedded simulator's OAuth2 client (fixtures/targets/local.yaml); not a secret of any real system.
const env = { ...process.env, HIE_SIM_CLIENT_SECRET: 'hie-conform-secret', NO_COLOR: '1' };

const started = performance.now();
const results = [];
// Two defects at a time: each is a simulator process plus a run process, on a 2-core machine.
const queue = [...names];
await Promise.all([worker(), worker()]);
results.sort((a, b) => names.indexOf(a.defect) - names.indexOf(b.defect));
for (const r of results) {
  console.log(`${r.caught ? 'caught ' : 'MISSED '} ${r.defect.padEnd(28)} ${r.failed.length} failed, ${r.errors} error case(s)${r.failed.length ? `: ${r.failed.slice(0, 3).join(', ')}${r.failed.length > 3 ? ', …' : ''}` : ''}${r.problem ? ` (${r.problem})` : ''}`);
}
const caught = results.filter((r) => r.caught).length;
console.log(`kill ratio: ${caught}/${results.length} = ${((100 * caught) / results.length).toFixed(0)} % (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (json) console.log(JSON.stringify({ caught, total: results.length, results }));

async function worker() {
  while (queue.length > 0) results.push(await measure(queue.shift()));
}

async function measure(defect) {
  const callbackPort = await freePort();
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--defect', defect, '--callback-url', `http://127.0.0.1:${callbackPort}/callback`], { stdio: ['ignore', 'pipe', 'pipe'], env });
  try {
    const url = await listeningUrl(server, defect);
    const out = mkdtempSync(path.join(tmpdir(), `kill-${defect}-`));
    const code = await exitCode(spawn(process.execPath, [
      bin, 'run', '--target-url', url, '--out', out, '--reporter', 'json',
      '--callback-listen', `127.0.0.1:${callbackPort}`,
      '--token-url', `${url}/oauth/token`, '--client-id', 'hie-conform', '--client-secret-env', 'HIE_SIM_CLIENT_SECRET',
      '--timeout', '10000', ...vars,
    ], { stdio: 'ignore', env }));
    let report;
    try {
      report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    } catch (error) {
      return { defect, caught: false, failed: [], errors: 0, problem: `no report (run exit ${code}): ${error.message}` };
    }
    const cases = report.suites.flatMap((s) => s.cases.map((c) => ({ ref: `${s.id}/${c.id}`, outcome: c.outcome })));
    const failed = cases.filter((c) => c.outcome === 'failed').map((c) => c.ref);
    const errors = cases.filter((c) => c.outcome === 'error').length;
    return { defect, caught: failed.length > 0, failed, errors, ...(report.errors.length ? { problem: report.errors.map((e) => e.message).join('; ') } : {}) };
  } finally {
    server.kill('SIGTERM');
  }
}

function listeningUrl(server, defect) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.stderr.on('data', (chunk) => (err += chunk));
    server.on('exit', (code) => reject(new Error(`serve --defect ${defect} exited ${code}: ${err.trim()}`)));
  });
}

function exitCode(child) {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
