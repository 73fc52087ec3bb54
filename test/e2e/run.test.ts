import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ReportSchema } from '../../src/run/report-schema.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/run-cli.js';

/** A loopback port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('e2e: hie-conform run', function () {
  this.timeout(60_000);

  it('runs every built-in suite against the embedded simulator, writes report.json + junit.xml, exits 0', async () => {
    const result = await runCli(['run']);
    expect(result.code, result.stderr + result.stdout).to.equal(0);
    const report = ReportSchema.parse(result.report);
    expect(report.target.name).to.equal('local');
    expect(report.target.kind).to.equal('embedded');
    expect(report.target.urls['hcim-v3']).to.match(/^http:\/\/127\.0\.0\.1:\d+\/hcim$/);
    expect(report.stats.total).to.be.greaterThan(10);
    expect(report.stats.failed).to.equal(0);
    expect(report.stats.error).to.equal(0);
    expect(report.approval.verdict).to.equal('approved');
    const suiteIds = report.suites.map((s) => s.id);
    expect(suiteIds).to.include.members(['hcim-v3-get-demographics', 'hcim-v3-find-candidates', 'hcim-fhir-get-demographics', 'hcim-fhir-find-candidates']);
    // Every step recorded its exchange, with the SOAPAction it sent and the reply it got.
    const gd = report.suites.find((s) => s.id === 'hcim-v3-get-demographics')!.cases.find((c) => c.id === 'gd-by-phn')!;
    const exchange = gd.steps[0]!.exchanges[0]!;
    expect(exchange.request.headers.soapaction).to.equal('"urn:hl7-org:v3/QUPA_IN101101"');
    expect(exchange.request.body).to.contain('<HCIM_IN_GetDemographics');
    expect(exchange.response?.status).to.equal(200);
    expect(exchange.response?.body).to.contain('BCHCIM.GD.0.0013');
    expect(gd.steps[0]!.assertions.every((a) => a.exchangeId === exchange.id)).to.equal(true);
    // Requirement ids and the suite file's hash are evidence.
    expect(gd.requirements).to.deep.equal(['HCIM-GD-01']);
    expect(report.evidence.suites.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).to.equal(true);
    const junit = readFileSync(path.join(result.cwd, 'reports', 'junit.xml'), 'utf8');
    expect(junit).to.contain('<testsuites');
    expect(junit).to.contain('name="requirement" value="HCIM-GD-01"');
    expect(result.stdout).to.match(/\d+ passed, 0 failed, 0 error, 0 skipped/);
  });

  it('a dead endpoint gives outcome error (never failed), exit 1, and the report is written', async () => {
    const port = await deadPort();
    const result = await runCli(['run', path.join(REPO_ROOT, 'suites', 'hcim-v3', 'get-demographics.yaml'), '--target-url', `http://127.0.0.1:${port}`, '--grep', 'gd-by-phn', '--var', 'phn=9876543218', ...localVars()]);
    expect(result.code).to.equal(1);
    const report = ReportSchema.parse(result.report);
    expect(report.stats.error).to.equal(1);
    expect(report.stats.failed).to.equal(0);
    const step = report.suites[0]!.cases[0]!.steps[0]!;
    expect(step.outcome).to.equal('error');
    expect(step.exchanges[0]!.failure?.code).to.equal('ECONNREFUSED');
    expect(step.error?.message).to.contain('connection refused');
    expect(report.approval.verdict).to.equal('not-approved');
  });

  it('--url overrides one endpoint base', async () => {
    const port = await deadPort();
    const result = await runCli(['run', path.join(REPO_ROOT, 'suites', 'hcim-v3', 'get-demographics.yaml'), '--grep', 'gd-by-phn', '--url', `hcim-v3=http://127.0.0.1:${port}/hcim`, ...localVars()]);
    const report = ReportSchema.parse(result.report);
    expect(report.target.urls['hcim-v3']).to.equal(`http://127.0.0.1:${port}/hcim`);
    expect(report.suites[0]!.cases[0]!.steps[0]!.exchanges[0]!.request.url).to.equal(`http://127.0.0.1:${port}/hcim/QUPA_AR101102.asmx`);
  });

  it('a malformed suite exits 2 with file:line and the dotted key, and still writes a report', async () => {
    const cwd = tempProject({
      'suites/bad.yaml': ['id: bad-suite', 'title: Bad', 'cases:', '  - id: c1', '    title: C1', '    steps:', '      - id: s1', '        kind: fhir', '        url: http://127.0.0.1:1/x', '        expect:', '          - status: "20O"', ''].join('\n'),
    });
    const result = await runCli(['run', 'suites/bad.yaml'], { cwd });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('suites/bad.yaml:11:');
    expect(result.stderr).to.contain('cases[0].steps[0].expect[0].status');
    expect(result.stderr).to.contain('"20O"');
    expect(result.report.outcome).to.equal('error');
    expect(result.report.errors[0].code).to.equal('ERR_SUITE_SCHEMA');
    expect(result.report.errors[0].location).to.deep.include({ file: 'suites/bad.yaml', line: 11 });
  });

  it('invalid YAML exits 2 with the position of the syntax error', async () => {
    const cwd = tempProject({ 'broken.yaml': 'id: x\ntitle: [unclosed\ncases: []\n' });
    const result = await runCli(['run', 'broken.yaml'], { cwd });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/ERR_SUITE_PARSE: broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it('an unknown variable in a template is an error outcome naming the variable and the suite line', async () => {
    const cwd = tempProject({
      'suite.yaml': ['id: vars', 'title: Vars', 'cases:', '  - id: c1', '    title: C1', '    steps:', '      - id: s1', '        kind: fhir', '        url: ${hcim-fhir}/Patient/${nope}', '        expect:', '          - status: 200', ''].join('\n'),
    });
    const result = await runCli(['run', 'suite.yaml'], { cwd });
    expect(result.code).to.equal(1);
    const step = result.report.suites[0].cases[0].steps[0];
    expect(step.outcome).to.equal('error');
    expect(step.error.code).to.equal('ERR_TEMPLATE_VARIABLE');
    expect(step.error.message).to.contain('suite.yaml:7:9');
    expect(step.error.message).to.contain('unknown variable "${nope}"');
  });

  it('a non-XML reply to a SOAP step fails the XML expectations with a precise message', async () => {
    const cwd = tempProject({
      'suite.yaml': ['id: non-xml', 'title: Non-XML', 'cases:', '  - id: c1', '    title: C1', '    steps:', '      - id: s1', '        kind: soap', '        url: ${hcim-fhir}/Patient/$GetDemographics', '        soapAction: urn:x', '        body: "<x/>"', '        expect:', '          - soap-fault: false', ''].join('\n'),
    });
    const result = await runCli(['run', 'suite.yaml'], { cwd });
    const assertion = result.report.suites[0].cases[0].steps[0].assertions[0];
    expect(assertion.outcome).to.equal('failed');
    expect(assertion.message).to.contain('not a SOAP message');
    expect(assertion.message).to.contain('not well-formed XML');
  });

  it('unknown flags and missing suite files exit 2', async () => {
    const unknown = await runCli(['run', '--no-such-flag']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain("unknown option '--no-such-flag'");
    const missing = await runCli(['run', 'nope.yaml']);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('suite path not found: nope.yaml');
    expect(existsSync(path.join(missing.cwd, 'reports', 'report.json'))).to.equal(true);
  });
});

/** The local target's test data, for runs pointed at another endpoint. */
function localVars(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'fixtures', 'targets', 'local.yaml'), 'utf8');
  return [...text.matchAll(/^  (\w+): "?([^"#\n]*?)"?\s*(#.*)?$/gm)].flatMap((m) => ['--var', `${m[1]}=${m[2]}`]);
}
