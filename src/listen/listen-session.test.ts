import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReportSchema } from '../run/report-schema.js';
import { ListenSession } from './listen-session.js';
import { loadClientSuite } from './load-client-suite.js';
import { sessionReport } from './session-report.js';
import { exchange, getDemographics } from './test-helpers/incoming-samples.js';

const SUITE = `kind: client
id: c
title: C
expectations:
  - id: gd-by-phn
    title: GD by PHN
    requirements: [HCIM-CL-GD-01]
    request:
      kind: soap
      root: HCIM_IN_GetDemographics
      where:
        - xpath: "//hl7:person.id/hl7:value[@root='2.16.840.1.113883.3.51.1.1.6.1']"
    response:
      - status: 200
  - id: fhir-fc
    title: FHIR FC
    optional: true
    request:
      kind: fhir
      operation: Patient/$FindCandidates
`;
const HEADERS = { 'content-type': 'text/xml', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' };
const TOOL = { name: 'hie-conform', version: '0' };
const TARGET = { name: 'listen', kind: 'embedded' as const, urls: {}, variables: {} };

function session(): ListenSession {
  const cwd = mkdtempSync(path.join(tmpdir(), 'listen-session-'));
  writeFileSync(path.join(cwd, 'c.yaml'), SUITE);
  return new ListenSession({ suites: [loadClientSuite('c.yaml', { cwd })] });
}

describe('ListenSession + sessionReport', function () {
  this.timeout(30_000);

  it('a matching valid request meets the expectation; the session is complete without the optional one', async () => {
    const s = session();
    await s.poll({ exchanges: [exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics(), HEADERS)] });
    expect(s.isComplete()).to.equal(true);
    const report = ReportSchema.parse(sessionReport({ session: s, end: { reason: 'complete', timeoutMs: 1000 }, tool: TOOL, target: TARGET, startedAt: new Date(), durationMs: 5 }));
    const [gd, fc] = report.suites[0]!.cases;
    expect(gd!.outcome).to.equal('passed');
    expect(gd!.steps[0]!.exchanges[0]!.stepId).to.equal('request-1');
    expect(gd!.steps[0]!.assertions.map((a) => `${a.kind}:${a.outcome}`)).to.deep.equal(['request:passed', 'request.xpath:passed', 'incoming-checks:passed', 'response.status:passed']);
    // The optional FHIR expectation never arrived: failed, but optional, so approval only lacks nothing required.
    expect(fc!.outcome).to.equal('failed');
    expect(report.outcome).to.equal('failed');
  });

  it('an invalid match is a failed step; a later valid one still meets the expectation; polling never judges an exchange twice', async () => {
    const s = session();
    const source = { exchanges: [exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics({ queryId: '9876543217' }), HEADERS)] };
    await s.poll(source);
    expect(s.isComplete()).to.equal(false);
    source.exchanges.push(exchange('in2', '/hcim/QUPA_AR101102.asmx', getDemographics({ messageId: 'M-2' }), HEADERS));
    await Promise.all([s.poll(source), s.poll(source)]);
    expect(s.judged.map((j) => j.exchange.id)).to.deep.equal(['in1', 'in2']);
    const report = sessionReport({ session: s, end: { reason: 'stopped', timeoutMs: 1000 }, tool: TOOL, target: TARGET, startedAt: new Date(), durationMs: 5 });
    const gd = report.suites[0]!.cases[0]!;
    expect(gd.outcome).to.equal('passed');
    expect(gd.steps.map((st) => st.outcome)).to.deep.equal(['failed', 'passed']);
  });

  it('unmet expectations fail at a timeout and are skipped when an --until-complete session is interrupted; strays fail', async () => {
    const s = session();
    await s.poll({ exchanges: [exchange('in1', '/hcim/fhir/Patient', '', {}, 'GET'), exchange('in2', '/oauth/token', '', {})] });
    const timedOut = sessionReport({ session: s, end: { reason: 'timeout', timeoutMs: 1234 }, tool: TOOL, target: TARGET, startedAt: new Date(), durationMs: 5 });
    const gd = timedOut.suites[0]!.cases[0]!;
    expect(gd.outcome).to.equal('failed');
    expect(gd.steps[0]!.assertions[0]!.message).to.equal('Unexpected session: expected 1 matching request(s) that pass, but received 0 before the session timed out (--timeout 1234 ms)');
    const sessionSuite = timedOut.suites[1]!;
    expect(sessionSuite.cases.map((c) => `${c.id}:${c.outcome}:${c.steps.length}`)).to.deep.equal(['unexpected-requests:failed:1', 'supporting-requests:passed:1']);
    const interrupted = sessionReport({ session: s, end: { reason: 'interrupted', timeoutMs: 1234 }, tool: TOOL, target: TARGET, startedAt: new Date(), durationMs: 5 });
    expect(interrupted.outcome).to.equal('interrupted');
    expect(interrupted.suites[0]!.cases[0]!.outcome).to.equal('skipped');
  });
});
