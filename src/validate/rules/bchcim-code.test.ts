import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule bchcim-code', function () {
  it('passes "CODE | text" query responses, error replies and CA acks with error details', async function () {
    for (const name of [
      'hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml',
      'hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml',
      'hcim/HCIM_IN_FindCandidatesResponse.hnweb-multiples.xml',
      'hcim/MCCI_IN000002.validHcimOut.xml',
    ]) {
      expect(await ruleIssues('bchcim-code', sample(name)), name).to.deep.equal([]);
    }
  });

  it('flags a malformed queryResponseCode', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml'), 'BCHCIM.GD.0.0013 |', 'BCHCIM.GD.3.13 |');
    const issues = await ruleIssues('bchcim-code', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'rule.bchcim-code', path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/queryAck/queryResponseCode/@code', line: 68 },
    ]);
    expect(issues[0]!.message).to.contain('expected a code BCHCIM.<area>.<0|1|2>.<nnnn> (optionally followed by "| text"), but received "BCHCIM.GD.3.13 | The get');
  });

  it('flags an AA ack carrying an error code', async function () {
    const content = variant(sample('hcim/MCCI_IN000002.validHcimOut.xml'), '<acknowledgement typeCode="CA">', '<acknowledgement typeCode="AA">');
    const issues = await ruleIssues('bchcim-code', content);
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.bchcim-code',
        message:
          '/MCCI_IN000002/acknowledgement/acknowledgementDetail/code/@code: Unexpected severity in acknowledgementDetail/code/@code for acknowledgement typeCode "AA": expected 0 or 1, but received 2 in "BCHCIM.RP.2.0006"',
        path: '/MCCI_IN000002/acknowledgement/acknowledgementDetail/code/@code',
        line: 12,
        validator: 'rule',
      },
    ]);
  });

  it('flags an error reply whose acceptAckCode and queryResponseCode disagree on severity', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml'), 'code="BCHCIM.GD.2.0006" codeSystem', 'code="BCHCIM.GD.0.0006" codeSystem');
    const issues = await ruleIssues('bchcim-code', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'rule.bchcim-code', path: '/HCIM_IN_GetDemographicsResponse/acceptAckCode/@code', line: 12 },
    ]);
    expect(issues[0]!.message).to.contain('expected 2 as in queryAck/queryResponseCode "BCHCIM.GD.2.0006", but received 0 in "BCHCIM.GD.0.0006"');
  });
});
