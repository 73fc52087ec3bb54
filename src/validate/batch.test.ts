import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { batchWorkerCount, validateFiles } from './batch.js';
import { detectKind, validateMessageFile } from './validate-file.js';

const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/hl7v3');

function listXml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listXml(path.join(dir, entry.name)) : entry.name.endsWith('.xml') ? [path.join(dir, entry.name)] : []))
    .sort();
}

// The worker-thread path runs from dist/ only: test/e2e/validate-batch.test.ts covers it.
describe('validateFiles (validate over many files)', function () {
  this.timeout(60_000);

  it('returns one result per file, in file order, as validateMessageFile does', async () => {
    const files = listXml(SAMPLES_DIR);
    const many = [...files, ...files];
    const sequential = [];
    for (const file of many) sequential.push(await validateMessageFile(file, { strict: true, only: ['xsd'] }));
    expect(await validateFiles(many, { strict: true, only: ['xsd'] }, { workers: 2 })).to.deep.equal(sequential);
    expect(sequential.map((result) => result.file)).to.deep.equal(many);
  });

  it('reports unusable options as the one-file validator does', async () => {
    let thrown: unknown;
    await validateFiles(listXml(SAMPLES_DIR), { schema: 'no/such/schema.xsd' }, { workers: 1 }).catch((error: unknown) => (thrown = error));
    expect(thrown).to.have.property('code', 'ERR_FILE_NOT_FOUND');
  });

  it('uses worker threads only for enough files; HIE_CONFORM_VALIDATE_WORKERS overrides', () => {
    const saved = process.env.HIE_CONFORM_VALIDATE_WORKERS;
    try {
      delete process.env.HIE_CONFORM_VALIDATE_WORKERS;
      expect(batchWorkerCount(10)).to.equal(0);
      expect(batchWorkerCount(100_000)).to.be.within(0, 4);
      process.env.HIE_CONFORM_VALIDATE_WORKERS = '0';
      expect(batchWorkerCount(100_000)).to.equal(0);
      process.env.HIE_CONFORM_VALIDATE_WORKERS = '2';
      expect(batchWorkerCount(10)).to.equal(2);
      process.env.HIE_CONFORM_VALIDATE_WORKERS = 'many';
      expect(batchWorkerCount(10)).to.equal(0);
    } finally {
      if (saved === undefined) delete process.env.HIE_CONFORM_VALIDATE_WORKERS;
      else process.env.HIE_CONFORM_VALIDATE_WORKERS = saved;
    }
  });

  it('detects the message kind from the first character after a BOM and whitespace', () => {
    expect(detectKind('\uFEFF \n<x/>')).to.equal('hl7v3');
    expect(detectKind('  {"resourceType":"Patient"}')).to.equal('fhir');
    expect(detectKind('[]')).to.equal('fhir');
    expect(detectKind('')).to.equal(undefined);
    expect(detectKind('hello')).to.equal(undefined);
  });
});
