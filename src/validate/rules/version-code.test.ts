import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule version-code', function () {
  it('passes V3PR1, and an MCCI ack without versionCode', async function () {
    expect(await ruleIssues('version-code', sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'))).to.deep.equal([]);
    expect(await ruleIssues('version-code', sample('hcim/MCCI_IN000002.validHcimOut.xml'))).to.deep.equal([]);
  });

  it('flags another versionCode', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), '<versionCode code="V3PR1"/>', '<versionCode code="V3-2005-05"/>');
    const issues = await ruleIssues('version-code', content);
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.version-code',
        message: '/HCIM_IN_GetDemographics/versionCode/@code: Unexpected versionCode/@code: expected "V3PR1", but received "V3-2005-05"',
        path: '/HCIM_IN_GetDemographics/versionCode/@code',
        line: 9,
        validator: 'rule',
      },
    ]);
  });

  it('flags a missing versionCode on an HCIM_IN message', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), '<versionCode code="V3PR1"/>', '');
    const issues = await ruleIssues('version-code', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.version-code', path: '/HCIM_IN_GetDemographics', line: 3 }]);
  });
});
