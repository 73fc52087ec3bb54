#!/usr/bin/env node
// Builds the optional native XSD addon (native/, see native/README.md) into native/build/Release/.
// Run by `npm install` / `npm ci` (the package's "install" script). Never fails the install: when
// the addon cannot be built (no C compiler, no libxml2 headers, no Node headers offline), it prints
// one line saying why and `hie-conform validate` keeps the WebAssembly engine.
//   node scripts/build-native.mjs [--force]   (HIE_CONFORM_SKIP_NATIVE=1 skips the build)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(root, 'native');
const output = path.join(nativeDir, 'build', 'Release', 'xsd_native.node');
const LIBXML2_HEADER = '/usr/include/libxml2/libxml/xmlschemas.h';

function skip(reason) {
  process.stdout.write(`hie-conform: native XSD addon not built (${reason}); validate uses the WebAssembly libxml2 engine\n`);
  process.exit(0);
}

if (process.env.HIE_CONFORM_SKIP_NATIVE) skip('HIE_CONFORM_SKIP_NATIVE is set');
if (!fs.existsSync(path.join(nativeDir, 'xsd-native.c'))) skip('native/ sources are not in this package');
if (process.platform !== 'linux' && process.platform !== 'darwin') skip(`unsupported platform ${process.platform}`);
if (!fs.existsSync(LIBXML2_HEADER)) skip(`libxml2 headers missing (${LIBXML2_HEADER}): apt-get install -y libxml2-dev`);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
if (!has('cc') && !has('gcc') && !has('clang')) skip('no C compiler: apt-get install -y g++ make');
if (!has('make')) skip('no make: apt-get install -y make');
if (!has('python3')) skip('no python3 (node-gyp needs it)');

// Node's own headers: beside the running node (Debian /usr, nvm, official tarballs), so node-gyp
// needs no download; otherwise node-gyp tries its cache or nodejs.org.
const prefix = path.resolve(path.dirname(process.execPath), '..');
const nodedir = fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;

const candidates = [
  path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  process.env.npm_execpath ? path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : undefined,
  path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
].filter((candidate) => candidate !== undefined && fs.existsSync(candidate));
if (candidates.length === 0) skip('node-gyp not found (it ships with npm)');

const args = [candidates[0], 'rebuild', '--release', ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
const started = Date.now();
const result = spawnSync(process.execPath, args, { cwd: nativeDir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
if (result.status !== 0 || !fs.existsSync(output)) {
  const log = path.join(nativeDir, 'build-native.log');
  try {
    fs.writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ? String(result.error) : ''}`);
  } catch {
    // best effort
  }
  skip(`node-gyp failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}); details in ${path.relative(root, log)}`);
}

// Smoke test in a child process: a broken addon must not be left where the CLI would load it.
const probe = spawnSync(process.execPath, ['-e', `const a = require(${JSON.stringify(output)}); if (typeof a.inspect !== 'function') process.exit(1); console.log(a.libxml2Version)`], { encoding: 'utf8' });
if (probe.status !== 0) {
  fs.rmSync(output, { force: true });
  skip(`the built addon does not load: ${(probe.stderr || '').trim().split('\n')[0]}`);
}
process.stdout.write(`hie-conform: native XSD addon built (system libxml2 ${probe.stdout.trim()}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${path.relative(root, output)}\n`);
