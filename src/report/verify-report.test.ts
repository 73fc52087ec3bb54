import { expect } from 'chai';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signReport } from './report-signature.js';
import { sampleReport } from './test-helpers/sample-report.js';
import { verifyReport } from './verify-report.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('verifyReport', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const root = mkdtempSync(path.join(tmpdir(), 'hie-verify-'));
  const fixtures = mkdtempSync(path.join(tmpdir(), 'hie-fixtures-'));
  writeFileSync(path.join(root, 'suite.yaml'), 'id: s\n');
  writeFileSync(path.join(root, 'body.xml'), '<x/>');
  writeFileSync(path.join(fixtures, 'schema.xsd'), '<schema/>');
  const report = sampleReport({
    evidence: {
      suites: [{ id: 's', file: 'suite.yaml', sha256: sha('id: s\n') }],
      files: [{ path: 'body.xml', sha256: sha('<x/>') }, { path: 'schema.xsd', sha256: sha('<schema/>') }, { path: 'gone.json', sha256: sha('{}') }, { path: 'http://example.org/StructureDefinition/x', sha256: sha('x') }],
    },
  });
  const json = () => JSON.parse(JSON.stringify(signReport(report, privateKey)));

  it('ok when the signature is valid and the files found in the search roots are unchanged', () => {
    const result = verifyReport(json(), publicKey, [root, fixtures]);
    expect(result.ok).to.equal(true);
    expect(result.files.map((f) => `${f.path}:${f.status}`)).to.deep.equal(['suite.yaml:same', 'body.xml:same', 'schema.xsd:same', 'gone.json:not-found', 'http://example.org/StructureDefinition/x:not-found']);
  });

  it('a changed file on disk fails and says which, with both hashes', () => {
    writeFileSync(path.join(root, 'body.xml'), '<y/>');
    try {
      const result = verifyReport(json(), publicKey, [root, fixtures]);
      expect(result.ok).to.equal(false);
      expect(result.signature.ok).to.equal(true);
      expect(result.files.find((f) => f.path === 'body.xml')).to.deep.include({ status: 'changed', expected: sha('<x/>'), actual: sha('<y/>') });
    } finally {
      writeFileSync(path.join(root, 'body.xml'), '<x/>');
    }
  });
});
