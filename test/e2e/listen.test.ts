import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ReportSchema, type Report } from '../../src/run/report-schema.js';
import { REPO_ROOT, runCli, tempProject, type CliResult } from './helpers/run-cli.js';

const PARTNER = path.join(REPO_ROOT, 'examples', 'partner', 'partner.mjs');

/** Run the reference partner as a client against `registry`; resolves with its exit code. */
function partnerClient(registry: string, misbehave: string[] = []): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PARTNER, 'client', '--quiet', '--registry', registry, ...(misbehave.length ? ['--misbehave', misbehave.join(',')] : [])], { stdio: 'ignore' });
    child.on('close', (code) => resolve(code));
  });
}

/**
 * Start `hie-conform listen`, run the partner once `listening <url>` appears, then (optionally)
 * signal the listener; resolves with the listener's result.
 */
async function session(listenArgs: string[], partner: ((url: string) => Promise<unknown>) | undefined, afterPartner?: (child: ChildProcess) => void): Promise<CliResult & { partnerDone: Promise<unknown> }> {
  let started = false;
  let partnerDone: Promise<unknown> = Promise.resolve();
  const result = await runCli(['listen', ...listenArgs], {
    cwd: tempProject(),
    timeoutMs: 60_000,
    onStdout: (text, child) => {
      const match = /^listening (\S+)$/m.exec(text);
      if (!match || started) return;
      started = true;
      partnerDone = (partner ? partner(match[1]!) : Promise.resolve()).then(() => afterPartner?.(child));
    },
  });
  return { ...result, partnerDone };
}

function caseOf(report: Report, suiteId: string, caseId: string) {
  const found = report.suites.find((s) => s.id === suiteId)?.cases.find((c) => c.id === caseId);
  expect(found, `${suiteId}/${caseId} in the report`).to.not.equal(undefined);
  return found!;
}

function errorCodes(result: ReturnType<typeof caseOf>): string[] {
  return result.steps.flatMap((s) => s.assertions.flatMap((a) => a.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => i.code)));
}

describe('e2e: hie-conform listen (client mode) with the reference partner', function () {
  this.timeout(90_000);

  it('a well-behaved partner meets every expectation: --until-complete ends early, exit 0, incoming exchanges recorded', async () => {
    const result = await session(['--until-complete', '--timeout', '45000'], (url) => partnerClient(url));
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const report = ReportSchema.parse(result.report);
    expect(report.outcome).to.equal('passed');
    expect(report.approval.verdict).to.equal('approved');
    const expected = ['client-hcim-v3/gd-by-phn', 'client-hcim-v3/fc-surname-birth-date', 'client-hcim-v3/person-revised-accepted', 'client-hcim-fhir/fhir-find-candidates', 'client-hcim-fhir/fhir-get-demographics'];
    for (const key of expected) {
      const [suite, id] = key.split('/') as [string, string];
      const result = caseOf(report, suite, id);
      expect(result.outcome, key).to.equal('passed');
      const exchange = result.steps[0]!.exchanges[0]!;
      expect(exchange.direction).to.equal('incoming');
      expect(exchange.response?.status).to.equal(200);
    }
    expect(caseOf(report, 'listen-session', 'unexpected-requests').outcome).to.equal('passed');
    const gd = caseOf(report, 'client-hcim-v3', 'gd-by-phn').steps[0]!;
    expect(gd.exchanges[0]!.request.headers.soapaction).to.equal('"urn:hl7-org:v3/QUPA_IN101101"');
    expect(gd.exchanges[0]!.response?.body).to.contain('HCIM_IN_GetDemographicsResponse');
    expect(result.stdout).to.match(/← #1 POST \/hcim\/QUPA_AR101102\.asmx HCIM_IN_GetDemographics → 200: valid/);
  });

  it('a misbehaving partner fails exactly the expectations it broke, with the issue codes; a stray request is reported, and unmet expectations fail at the timeout', async () => {
    const result = await session(['--until-complete', '--timeout', '12000'], (url) => partnerClient(url, ['bad-phn', 'wrong-soapaction', 'duplicate-message-id', 'fc-surname-only', 'stray']));
    expect(result.code, result.stdout + result.stderr).to.equal(1);
    const report = ReportSchema.parse(result.report);
    expect(report.outcome).to.equal('failed');
    expect(errorCodes(caseOf(report, 'client-hcim-v3', 'gd-by-phn'))).to.include('rule.phn-check-digit');
    expect(errorCodes(caseOf(report, 'client-hcim-v3', 'fc-surname-birth-date'))).to.include('listen.soapaction');
    expect(errorCodes(caseOf(report, 'client-hcim-v3', 'person-revised-accepted'))).to.include('listen.duplicate-message-id');
    expect(errorCodes(caseOf(report, 'client-hcim-fhir', 'fhir-find-candidates'))).to.include('listen.find-candidates-parameters');
    for (const id of ['gd-by-phn', 'fc-surname-birth-date', 'person-revised-accepted']) expect(caseOf(report, 'client-hcim-v3', id).outcome, id).to.equal('failed');
    expect(caseOf(report, 'client-hcim-fhir', 'fhir-find-candidates').outcome).to.equal('failed');
    // The invalid attempt is kept as a failed step; the missing good one is a failed "awaited" step naming the timeout.
    const gd = caseOf(report, 'client-hcim-v3', 'gd-by-phn');
    expect(gd.steps.map((s) => `${s.id}:${s.outcome}`)).to.deep.equal(['request-1:failed', 'awaited-request:failed']);
    expect(gd.steps[1]!.assertions[0]!.message).to.match(/timed out \(--timeout 12000 ms\)/);
    // What the partner got right still passes.
    expect(caseOf(report, 'client-hcim-fhir', 'fhir-get-demographics').outcome).to.equal('passed');
    const stray = caseOf(report, 'listen-session', 'unexpected-requests');
    expect(stray.outcome).to.equal('failed');
    expect(stray.steps.map((s) => s.title)).to.deep.equal(['GET /hcim/fhir/Patient?family=ASHWORTH&birthdate=1975-03-14']);
    expect(stray.steps[0]!.exchanges[0]!.direction).to.equal('incoming');
  });

  it('SIGINT during --until-complete ends the session, still writes the report (interrupted, exit 130)', async () => {
    const result = await session(['--until-complete', '--timeout', '45000'], async () => undefined, (child) => setTimeout(() => child.kill('SIGINT'), 300));
    expect(result.code, result.stdout + result.stderr).to.equal(130);
    const report = ReportSchema.parse(result.report);
    expect(report.outcome).to.equal('interrupted');
    const gd = caseOf(report, 'client-hcim-v3', 'gd-by-phn');
    expect(gd.outcome).to.equal('skipped');
    expect(gd.skipReason).to.match(/interrupted/);
  });

  it('SIGINT of an open session (no --until-complete) is its normal end: unmet expectations fail, exit 1', async () => {
    const result = await session(['--timeout', '45000', 'suites/client-hcim-fhir'.replace(/^/, `${REPO_ROOT}/`)], async () => undefined, (child) => setTimeout(() => child.kill('SIGINT'), 300));
    expect(result.code, result.stdout + result.stderr).to.equal(1);
    const report = ReportSchema.parse(result.report);
    expect(report.outcome).to.equal('failed');
    expect(report.suites.map((s) => s.id)).to.deep.equal(['client-hcim-fhir', 'listen-session']);
    expect(caseOf(report, 'client-hcim-fhir', 'fhir-find-candidates').steps[0]!.assertions[0]!.message).to.match(/before the session ended/);
  });

  it('a broken client suite is exit 2 with file:line, before anything listens', async () => {
    const cwd = tempProject({ 'bad.yaml': 'kind: client\nid: bad\ntitle: Bad\nexpectations:\n  - id: x\n    title: X\n    request:\n      kind: rest\n' });
    const result = await runCli(['listen', 'bad.yaml'], { cwd });
    expect(result.code).to.equal(2);
    expect(result.stdout).to.not.match(/listening/);
    expect(result.stderr).to.match(/bad\.yaml:8:\d+: expectations\[0\]\.request\.kind must be one of "soap", "fhir", but received "rest"/);
  });
});

describe('e2e: hie-conform listen --tls (mutual TLS, as HCIM requires)', function () {
  this.timeout(90_000);

  it('records a request over mutual TLS; a client without a certificate is refused at the handshake', async () => {
    const { createTestPki } = await import('../../src/transport/test-helpers/test-pki.js');
    const { getDemographics } = await import('../../src/listen/test-helpers/incoming-samples.js');
    const https = await import('node:https');
    const pki = createTestPki();
    const send = (url: string, withCert: boolean) =>
      new Promise<number | string>((resolve) => {
        const body = getDemographics({ messageId: `TLS-${withCert}` });
        const request = https.request(`${url}/hcim/QUPA_AR101102.asmx`, { method: 'POST', ca: pki.read(pki.caCert), ...(withCert ? { cert: pki.read(pki.clientCert), key: pki.read(pki.clientKey) } : {}), headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', (error) => resolve((error as NodeJS.ErrnoException).code ?? error.message));
        request.end(body);
      });
    const statuses: (number | string)[] = [];
    const result = await session(['--tls', '--cert', pki.serverCert, '--key', pki.serverKey, '--ca', pki.caCert, '--until-complete', '--timeout', '45000', `${REPO_ROOT}/suites/client-hcim-v3`], async (url) => {
      expect(url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
      statuses.push(await send(url, false), await send(url, true));
    }, (child) => setTimeout(() => child.kill('SIGINT'), 300));
    expect(statuses[0]).to.not.equal(200);
    expect(statuses[1]).to.equal(200);
    const report = ReportSchema.parse(result.report);
    expect(report.target.tls).to.deep.equal({ clientCertificate: true, ca: true });
    expect(caseOf(report, 'client-hcim-v3', 'gd-by-phn').outcome).to.equal('passed');
    expect(caseOf(report, 'listen-session', 'unexpected-requests').steps).to.have.length(0);
  });
});
