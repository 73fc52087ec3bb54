import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

const SAMPLE_IPC = '<id root="2.16.840.1.113883.3.40.2.8" extension="1234567890"/>';
const HCP = '/PRPM_IN301030CA/controlActProcess/subject/registrationEvent/subject1/healthCareProvider';

describe('rule plr-ipc', function () {
  it('passes an IPC in the IPC.########.BC.PRS format', async function () {
    const content = variant(sample('plr/PRPM_IN301030CA.xml'), SAMPLE_IPC, '<id root="2.16.840.1.113883.3.40.2.8" extension="IPC.00012345.BC.PRS"/>');
    expect(await ruleIssues('plr-ipc', content)).to.deep.equal([]);
  });

  it('flags the moh-prime sample IPC "1234567890"', async function () {
    const issues = await ruleIssues('plr-ipc', sample('plr/PRPM_IN301030CA.xml'));
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.plr-ipc',
        message: `${HCP}/id[1]/@extension: Unexpected IPC: expected the format IPC.########.BC.PRS, but received "1234567890"`,
        path: `${HCP}/id[1]/@extension`,
        line: 61,
        validator: 'rule',
      },
    ]);
  });

  it('flags a provider without IPC (moh-prime missing-IPC case)', async function () {
    const content = variant(sample('plr/PRPM_IN301030CA.xml'), SAMPLE_IPC, '');
    const issues = await ruleIssues('plr-ipc', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.plr-ipc', path: HCP, line: 60 }]);
    expect(issues[0]!.message).to.contain('an id with root "2.16.840.1.113883.3.40.2.8" (IPC) must be present, but none was found');
  });
});
