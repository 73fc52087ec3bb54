#!/usr/bin/env node
// Kill ratio of the built-in suites: for every simulator --defect, start `serve --defect NAME`, run
// every built-in suite against it and count the defect as caught when at least one case is
// `failed` (not `error`). Prints one line per defect and the ratio. Issue 7's target is 100 %.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'hie-conform');
const { DEFECTS } = await import(path.join(root, 'dist', 'simulator', 'defects.js'));
const names = Object.keys(DEFECTS);
let caught = 0;
for (const name of names) {
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--defect', name], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.on('exit', () => reject(new Error(`serve --defect ${name} exited`)));
  });
  const out = mkdtempSync(path.join(tmpdir(), 'kill-'));
  spawnSync(process.execPath, [bin, 'run', '--target-url', url, '--out', out, '--reporter', 'json', ...localVars()], { stdio: 'ignore' });
  server.kill('SIGTERM');
  const report = (await import(path.join(out, 'report.json'), { with: { type: 'json' } })).default;
  const failed = report.suites.flatMap((s) => s.cases.filter((c) => c.outcome === 'failed').map((c) => `${s.id}/${c.id}`));
  if (failed.length > 0) caught += 1;
  console.log(`${failed.length > 0 ? 'caught ' : 'MISSED '} ${name.padEnd(28)} ${failed.length} failed case(s)${failed.length ? `: ${failed.slice(0, 3).join(', ')}` : ''}`);
}
console.log(`kill ratio: ${caught}/${names.length} = ${((100 * caught) / names.length).toFixed(0)} %`);

function localVars() {
  const text = spawnSync('node', ['-e', `import('${path.join(root, 'dist', 'config', 'resolve-config.js')}').then(m => console.log(JSON.stringify(m.loadLocalVariables())))`], { encoding: 'utf8' }).stdout;
  return Object.entries(JSON.parse(text)).flatMap(([k, v]) => ['--var', `${k}=${v}`]);
}
