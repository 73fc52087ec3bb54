import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ReportSchema, type Report } from '../../src/run/report-schema.js';
import { REPO_ROOT, runCli } from './helpers/run-cli.js';

const PARTNER = path.join(REPO_ROOT, 'examples', 'partner', 'partner.mjs');
const SUITES = ['receiver-hcim-v3', 'receiver-hcim-fhir', 'receiver-plr-v3', 'receiver-plr-fhir'].map((name) => path.join(REPO_ROOT, 'suites', name));

/** Start the reference partner's receiver; resolves once it prints `listening <url>`. */
function startReceiver(misbehave: string[]): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PARTNER, 'receiver', '--quiet', ...(misbehave.length ? ['--misbehave', misbehave.join(',')] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('error', reject);
    setTimeout(() => reject(new Error(`partner receiver did not start: ${out}`)), 10_000);
  });
}

async function runReceiverSuites(misbehave: string[] = []): Promise<{ code: number | null; report: Report; output: string }> {
  const { url, child } = await startReceiver(misbehave);
  try {
    const result = await runCli(['run', ...SUITES, '--var', `receiver-hcim-v3=${url}/HA`, '--var', `receiver-hcim-fhir=${url}/hcim/notifications`, '--var', `receiver-plr-v3=${url}/plr/distribution`, '--var', `receiver-plr-fhir=${url}/plr/fhir`]);
    return { code: result.code, report: ReportSchema.parse(result.report), output: result.stdout + result.stderr };
  } finally {
    child.kill('SIGTERM');
  }
}

/** `suite-id/case-id` of every case that did not pass. */
function notPassed(report: Report): string[] {
  return report.suites.flatMap((s) => s.cases.filter((c) => c.outcome !== 'passed').map((c) => `${s.id}/${c.id}`)).sort();
}

const NEGATIVE = [
  'receiver-hcim-fhir/not-a-bundle-refused',
  'receiver-hcim-v3/duplicate-message-id-rejected',
  'receiver-hcim-v3/malformed-distribution-rejected',
  'receiver-plr-fhir/not-a-transaction-refused',
  'receiver-plr-v3/duplicate-message-id-rejected',
  'receiver-plr-v3/malformed-distribution-rejected',
  'receiver-plr-v3/missing-ipc-rejected',
  'receiver-plr-v3/missing-message-id-rejected',
];

describe('e2e: receiver suites against the reference partner', function () {
  this.timeout(90_000);

  it('a well-behaved receiver passes every receiver suite (exit 0), each push recorded with its ack', async () => {
    const { code, report, output } = await runReceiverSuites();
    expect(code, output).to.equal(0);
    expect(notPassed(report)).to.deep.equal([]);
    expect(report.stats.total).to.equal(23);
    const hcimFhir = report.suites.find((s) => s.id === 'receiver-hcim-fhir')!;
    expect(hcimFhir.cases.map((c) => c.id)).to.include.members(['notification-new-person', 'notification-composite-update', 'notification-merge', 'notification-death', 'notification-newborn', 'notification-phn-assigned', 'notification-phn-join', 'notification-source-sync']);
    const dist = report.suites.find((s) => s.id === 'receiver-hcim-v3')!.cases.find((c) => c.id === 'distribution-acknowledged')!;
    const exchange = dist.steps[0]!.exchanges[0]!;
    expect(exchange.request.url).to.match(/\/HA\/PRPA_AR101006\.asmx$/);
    const sentId = /HCIM_IN_PersonRevisedDistribution[^>]*>\s*<id root="[^"]+" extension="([^"]+)"/.exec(exchange.request.body ?? '')?.[1];
    expect(sentId).to.match(/^[0-9a-f-]{36}$/i);
    expect(exchange.response?.body).to.contain(`extension="${sentId}"`);
  });

  it('a receiver that accepts everything fails exactly the negative pushes', async () => {
    const { code, report } = await runReceiverSuites(['accept-malformed']);
    expect(code).to.equal(1);
    expect(notPassed(report)).to.deep.equal(NEGATIVE);
  });

  it('a receiver that acknowledges AE fails the HL7v3 positive pushes, not the FHIR ones', async () => {
    const { report } = await runReceiverSuites(['ack-ae']);
    expect(notPassed(report)).to.deep.equal([
      'receiver-hcim-v3/async-accepted-acknowledged',
      'receiver-hcim-v3/async-rejected-acknowledged',
      'receiver-hcim-v3/distribution-acknowledged',
      'receiver-hcim-v3/duplicate-message-id-rejected',
      'receiver-plr-v3/add-provider-acknowledged',
      'receiver-plr-v3/duplicate-message-id-rejected',
      'receiver-plr-v3/revise-provider-acknowledged',
    ]);
  });

  it('an ack whose targetMessage does not name the pushed message fails the correlation checks', async () => {
    const { report } = await runReceiverSuites(['wrong-target-message']);
    expect(notPassed(report)).to.deep.equal(['receiver-hcim-v3/async-accepted-acknowledged', 'receiver-hcim-v3/async-rejected-acknowledged', 'receiver-hcim-v3/distribution-acknowledged', 'receiver-plr-v3/add-provider-acknowledged', 'receiver-plr-v3/revise-provider-acknowledged']);
    const dist = report.suites.find((s) => s.id === 'receiver-hcim-v3')!.cases.find((c) => c.id === 'distribution-acknowledged')!;
    const failedKinds = dist.steps[0]!.assertions.filter((a) => a.outcome === 'failed').map((a) => a.kind);
    expect(failedKinds).to.deep.equal(['xpath', 'rule']);
  });

  it('a FHIR receiver answering 500 fails every FHIR push', async () => {
    const { report } = await runReceiverSuites(['fhir-500']);
    const failing = notPassed(report);
    expect(failing.filter((id) => id.startsWith('receiver-hcim-fhir/'))).to.have.length(9);
    expect(failing.filter((id) => id.startsWith('receiver-plr-fhir/'))).to.have.length(3);
    expect(failing.filter((id) => id.includes('-v3/'))).to.deep.equal([]);
  });

  it('receiver-* and client-* suites are not in the default suite set', async () => {
    const result = await runCli(['list', '--format', 'json']);
    expect(result.code, result.stderr).to.equal(0);
    const text = result.stdout;
    expect(text).to.not.match(/receiver-(hcim|plr)-/);
    expect(text).to.not.match(/client-hcim-/);
    expect(text).to.match(/hcim-v3-get-demographics/);
  });
});
