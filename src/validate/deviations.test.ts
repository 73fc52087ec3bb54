import { expect } from 'chai';
import type { Issue } from '../core/issue.js';
import { applyKnownDeviations, KNOWN_DEVIATIONS } from './deviations.js';
import { validateHl7v3 } from './hl7v3.js';
import { sample } from './rules/test-helpers/samples.js';

async function xsd(name: string, strict: boolean): Promise<Issue[]> {
  return (await validateHl7v3(sample(name), { strict, only: ['xsd'] })).issues;
}

function deviationIds(issues: Issue[]): string[] {
  return [...new Set(issues.flatMap((issue) => /known HCIM deviation (HCIM-DEV-\d{3})/.exec(issue.message)?.[1] ?? []))].sort();
}

describe('known HCIM deviations', function () {
  it('have unique ids, evidence and documentation', function () {
    const ids = KNOWN_DEVIATIONS.map((deviation) => deviation.id);
    expect(ids).to.deep.equal(['HCIM-DEV-001', 'HCIM-DEV-002', 'HCIM-DEV-003', 'HCIM-DEV-004', 'HCIM-DEV-005']);
    for (const deviation of KNOWN_DEVIATIONS) expect(deviation.evidence, deviation.id).to.not.be.empty;
  });

  it('HCIM-DEV-001 and -002: error replies become valid with warnings naming the deviation', async function () {
    const lenient = await xsd('hcim/HCIM_IN_FindCandidatesResponse.hnweb-error.xml', false);
    expect(lenient.map(({ severity, code, path, line }) => ({ severity, code, path, line }))).to.deep.equal([
      { severity: 'warning', code: 'xsd.cvc-complex-type.3.2.2', path: '/HCIM_IN_FindCandidatesResponse/acceptAckCode', line: 12 },
      { severity: 'warning', code: 'xsd.cvc-pattern-valid', path: '/HCIM_IN_FindCandidatesResponse/controlActProcess/queryAck/queryResponseCode', line: 36 },
    ]);
    expect(deviationIds(lenient)).to.deep.equal(['HCIM-DEV-001', 'HCIM-DEV-002']);
    expect(lenient[0]!.message).to.match(/^\/HCIM_IN_FindCandidatesResponse\/acceptAckCode: known HCIM deviation HCIM-DEV-002: acceptAckCode\/@displayName on error replies \(use --strict to fail on it\); Element/);
  });

  it('HCIM-DEV-003, -004, -005 (and -001): the hnweb FindCandidates response has only known deviations', async function () {
    const lenient = await xsd('hcim/HCIM_IN_FindCandidatesResponse.hnweb-multiples.xml', false);
    expect(lenient.every((issue) => issue.severity === 'warning')).to.equal(true);
    expect(deviationIds(lenient)).to.deep.equal(['HCIM-DEV-001', 'HCIM-DEV-003', 'HCIM-DEV-004', 'HCIM-DEV-005']);
    const strict = await xsd('hcim/HCIM_IN_FindCandidatesResponse.hnweb-multiples.xml', true);
    expect(strict).to.have.length(lenient.length);
    expect(strict.every((issue) => issue.severity === 'error' && !issue.message.includes('known HCIM deviation'))).to.equal(true);
  });

  it('keeps every other XSD error an error: the echoed empty PHN of the GetDemographics error reply', async function () {
    const lenient = await xsd('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml', false);
    const errors = lenient.filter((issue) => issue.severity === 'error');
    expect(errors.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'xsd.cvc-minLength-valid', path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/queryByParameterPayload/person.id/value', line: 41 },
    ]);
  });

  it('does not match the same finding on another element or another interaction', function () {
    const onProcessingCode: Issue = { severity: 'error', code: 'xsd.cvc-pattern-valid', message: "/HCIM_IN_GetDemographics/processingCode: Element 'processingCode', attribute 'code': [facet 'pattern']", path: '/HCIM_IN_GetDemographics/processingCode', line: 13, validator: 'xsd' };
    expect(applyKnownDeviations([onProcessingCode], 'HCIM_IN_GetDemographics', false)).to.deep.equal([onProcessingCode]);
    const personInGd: Issue = { severity: 'error', code: 'xsd.cvc-datatype-valid', message: "/HCIM_IN_GetDemographicsResponse/controlActProcess/subject/target/identifiedPerson: Element 'identifiedPerson', attribute 'classCode': 'PERSON' is not a valid value", path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/subject/target/identifiedPerson', line: 50, validator: 'xsd' };
    expect(applyKnownDeviations([personInGd], 'HCIM_IN_GetDemographicsResponse', false)[0]!.severity).to.equal('error');
    const ruleIssue: Issue = { ...personInGd, validator: 'rule', code: 'rule.x' };
    expect(applyKnownDeviations([ruleIssue], 'HCIM_IN_FindCandidatesResponse', false)).to.deep.equal([ruleIssue]);
  });
});
