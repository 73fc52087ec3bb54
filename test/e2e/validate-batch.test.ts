import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT, runCli } from './helpers/run-cli.js';

const SAMPLES_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'hl7v3');

function listXml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listXml(path.join(dir, entry.name)) : entry.name.endsWith('.xml') ? [path.join(dir, entry.name)] : []))
    .sort();
}

describe('e2e: validate over many files with worker threads', function () {
  this.timeout(120_000);
  // Every sample four times, so that each thread validates several batches.
  const files = [0, 1, 2, 3].flatMap(() => listXml(SAMPLES_DIR));

  it('worker threads validate the files with the same results in file order (dist/)', async () => {
    const { validateFiles } = (await import(path.join(REPO_ROOT, 'dist', 'validate', 'batch.js'))) as typeof import('../../src/validate/batch.js');
    // Worker threads serve the WebAssembly engine (--only xsd on the native engine runs in flight, below).
    const engine = process.env.HIE_CONFORM_XSD_ENGINE;
    process.env.HIE_CONFORM_XSD_ENGINE = 'wasm';
    try {
      for (const options of [{ strict: true, only: ['xsd' as const] }, {}]) {
        const oneThread = await validateFiles(files, options, { workers: 0 });
        const stats = { byWorkers: 0 };
        expect(await validateFiles(files, options, { workers: 2, inThisThread: false, stats })).to.deep.equal(oneThread);
        expect(stats.byWorkers, 'files validated by worker threads').to.equal(files.length);
      }
    } finally {
      if (engine === undefined) delete process.env.HIE_CONFORM_XSD_ENGINE;
      else process.env.HIE_CONFORM_XSD_ENGINE = engine;
    }
  });

  it('--only xsd on the native engine: jobs in flight give the results of one job at a time and of the WebAssembly engine (dist/)', async function () {
    const { validateFiles } = (await import(path.join(REPO_ROOT, 'dist', 'validate', 'batch.js'))) as typeof import('../../src/validate/batch.js');
    const { nativeXsdAddon } = (await import(path.join(REPO_ROOT, 'dist', 'validate', 'xsd-engine.js'))) as typeof import('../../src/validate/xsd-engine.js');
    if (!nativeXsdAddon()) this.skip(); // the native addon is not built (native/README.md)
    const options = { strict: true, only: ['xsd' as const] };
    const inFlight = await validateFiles(files, options);
    expect(await validateFiles(files, options, { workers: 0 })).to.deep.equal(inFlight);
    const engine = process.env.HIE_CONFORM_XSD_ENGINE;
    process.env.HIE_CONFORM_XSD_ENGINE = 'wasm';
    try {
      expect(await validateFiles(files, options, { workers: 0 })).to.deep.equal(inFlight);
    } finally {
      if (engine === undefined) delete process.env.HIE_CONFORM_XSD_ENGINE;
      else process.env.HIE_CONFORM_XSD_ENGINE = engine;
    }
  });

  it('hie-conform validate prints the same report with and without worker threads', async () => {
    const args = ['validate', '--strict', '--format', 'json', ...files];
    const oneThread = await runCli(args, { env: { HIE_CONFORM_VALIDATE_WORKERS: '0' } });
    const threads = await runCli(args, { env: { HIE_CONFORM_VALIDATE_WORKERS: '2' } });
    expect(oneThread.code, oneThread.stderr).to.equal(1);
    expect(threads.code, threads.stderr).to.equal(1);
    expect(threads.stdout).to.equal(oneThread.stdout);
    expect(JSON.parse(threads.stdout).files.map((result: { file: string }) => result.file)).to.deep.equal(files);
  });
});
