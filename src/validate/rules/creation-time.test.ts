import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule creation-time', function () {
  it('passes yyyyMMddHHmmss, and fractional seconds on an ack', async function () {
    expect(await ruleIssues('creation-time', sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'))).to.deep.equal([]);
    expect(await ruleIssues('creation-time', sample('hcim/MCCI_IN000002.validHcimOut.xml'))).to.deep.equal([]);
    expect(await ruleIssues('creation-time', sample('plr/PRPM_IN301030CA.xml'))).to.deep.equal([]);
  });

  it('flags fractional seconds on a request', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), '<creationTime value="20050621000000"/>', '<creationTime value="20050621000000.5"/>');
    const issues = await ruleIssues('creation-time', content);
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.creation-time',
        message: '/HCIM_IN_GetDemographics/creationTime/@value: Unexpected creationTime/@value: expected a valid yyyyMMddHHmmss date-time, but received "20050621000000.5"',
        path: '/HCIM_IN_GetDemographics/creationTime/@value',
        line: 7,
        validator: 'rule',
      },
    ]);
  });

  it('flags an impossible date', async function () {
    const content = variant(sample('hcim/MCCI_IN000002.validHcimOut.xml'), '20171110154146.45', '20170230154146.45');
    const issues = await ruleIssues('creation-time', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.creation-time', path: '/MCCI_IN000002/creationTime/@value', line: 5 }]);
    expect(issues[0]!.message).to.contain('yyyyMMddHHmmss[.ffff][+zzzz]');
  });
});
