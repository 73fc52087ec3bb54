import { expect } from 'chai';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import { loadSuite } from './load-suite.js';

function suiteFile(text: string, extra: Record<string, string> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'suite-'));
  const file = path.join(dir, 'suite.yaml');
  writeFileSync(file, text);
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return { dir, file };
}

function loadError(text: string, extra: Record<string, string> = {}): HarnessError {
  const { dir, file } = suiteFile(text, extra);
  try {
    loadSuite(file, { cwd: dir });
  } catch (error) {
    expect(error).to.be.instanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error('expected loadSuite to throw');
}

const VALID = `id: s
title: S
cases:
  - id: c1
    title: C1
    requirements: [HCIM-GD-01]
    steps:
      - id: st
        kind: soap
        url: \${hcim-v3}/QUPA_AR101102.asmx
        soapAction: urn:hl7-org:v3/QUPA_IN101101
        body: { file: bodies/x.xml }
        capture:
          id: { xpath: "string(//hl7:id/@extension)" }
        expect:
          - status: 200
          - xpath: "//hl7:x"
            equals: a
`;

describe('suite/load-suite', () => {
  it('loads a valid suite and keeps the position of every case, step and expectation', () => {
    const { dir, file } = suiteFile(VALID, { 'bodies/x.xml': '<x/>' });
    const suite = loadSuite(file, { cwd: dir });
    expect(suite.file).to.equal('suite.yaml');
    expect(suite.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(suite.cases[0]!.location).to.deep.equal({ file: 'suite.yaml', line: 4, column: 5 });
    const step = suite.cases[0]!.steps[0]!;
    expect(step.path).to.equal('cases[0].steps[0]');
    expect(step.location.line).to.equal(8);
    expect(step.expectations.map((e) => e.location.line)).to.deep.equal([16, 17]);
    expect(step.captureLocations.id!.line).to.equal(14);
    expect(suite.cases[0]!.document.optional).to.equal(false);
  });

  it('names the dotted key, the line and the bad value of a wrong expectation', () => {
    const error = loadError(VALID.replace('status: 200', 'status: "20O"'), { 'bodies/x.xml': '<x/>' });
    expect(error.code).to.equal('ERR_SUITE_SCHEMA');
    expect(error.message).to.match(/^suite\.yaml:16:\d+: cases\[0\]\.steps\[0\]\.expect\[0\]\.status must be an HTTP status 100-599 or a list of them, but received "20O"$/);
  });

  it('lists the valid expectation kinds for an unknown one', () => {
    const error = loadError(VALID.replace('- status: 200', '- stauts: 200'), { 'bodies/x.xml': '<x/>' });
    expect(error.message).to.contain('cases[0].steps[0].expect[0] has no known expectation kind (keys: stauts); valid kinds: status, header, soap-fault');
  });

  it('rejects unknown keys, missing titles, a bad step kind and a non-kebab id', () => {
    expect(loadError(VALID.replace('title: C1', 'title: C1\n    colour: red')).message).to.contain('cases[0] has unknown key(s) "colour"');
    expect(loadError(VALID.replace('    title: C1\n', '')).message).to.contain('cases[0].title is required');
    expect(loadError(VALID.replace('kind: soap', 'kind: mllp')).message).to.contain('cases[0].steps[0].kind');
    expect(loadError(VALID.replace('id: c1', 'id: Case One')).message).to.contain('cases[0].id must be kebab-case');
  });

  it('reports invalid YAML with its position', () => {
    const error = loadError('id: s\ntitle: [oops\n');
    expect(error.code).to.equal('ERR_SUITE_PARSE');
    expect(error.message).to.match(/^suite\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects duplicate case ids at the duplicate', () => {
    const twice = VALID + VALID.split('cases:\n')[1]!;
    const error = loadError(twice, { 'bodies/x.xml': '<x/>' });
    expect(error.code).to.equal('ERR_SUITE_DUPLICATE_ID');
    expect(error.message).to.contain('cases[1].id "c1" is already used');
  });

  it('confines body files to the suite folder (../ and symlinks), unless allowed', () => {
    const outside = VALID.replace('bodies/x.xml', '../../../../etc/passwd');
    const error = loadError(outside);
    expect(error.code).to.equal('ERR_SUITE_REFERENCE');
    expect(error.message).to.match(/^suite\.yaml:12:\d+: cases\[0\]\.steps\[0\]\.body\.file "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the suite folder/);
    const { dir, file } = suiteFile(outside);
    expect(() => loadSuite(file, { cwd: dir, allowExternalFiles: true })).to.not.throw();
    const linked = suiteFile(VALID.replace('bodies/x.xml', 'link.xml'));
    symlinkSync('/etc/hostname', path.join(linked.dir, 'link.xml'));
    expect(() => loadSuite(linked.file, { cwd: linked.dir })).to.throw(/outside the suite folder/);
  });

  it('reports a missing body file at its line', () => {
    const error = loadError(VALID);
    expect(error.code).to.equal('ERR_FILE_NOT_FOUND');
    expect(error.message).to.match(/^suite\.yaml:12:\d+: cases\[0\]\.steps\[0\]\.body\.file refers to a missing file: bodies\/x\.xml$/);
  });
});
