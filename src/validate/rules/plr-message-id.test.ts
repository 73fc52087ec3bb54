import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

const ID = '<id root="2.16.840.1.113883.3.40.1.5" extension="69f126ed-0198-4222-a971-8519a91dbc51"/>';

describe('rule plr-message-id', function () {
  it('passes the moh-prime PRPM_IN301030CA and PRPM_IN303030CA samples', async function () {
    expect(await ruleIssues('plr-message-id', sample('plr/PRPM_IN301030CA.xml'))).to.deep.equal([]);
    expect(await ruleIssues('plr-message-id', sample('plr/PRPM_IN303030CA.xml'))).to.deep.equal([]);
  });

  it('flags a message without id (moh-prime missing-message-id case)', async function () {
    const issues = await ruleIssues('plr-message-id', variant(sample('plr/PRPM_IN301030CA.xml'), ID, ''));
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.plr-message-id',
        message: '/PRPM_IN301030CA: id must be present with root "2.16.840.1.113883.3.40.1.5" and an extension, but it is missing',
        path: '/PRPM_IN301030CA',
        line: 4,
        validator: 'rule',
      },
    ]);
  });

  it('flags a wrong root and an empty extension', async function () {
    const wrongRoot = await ruleIssues('plr-message-id', variant(sample('plr/PRPM_IN301030CA.xml'), ID, '<id root="2.16.840.1.113883.3.51.1.1.1" extension="x"/>'));
    expect(wrongRoot.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.plr-message-id', path: '/PRPM_IN301030CA/id/@root', line: 5 }]);
    const empty = await ruleIssues('plr-message-id', variant(sample('plr/PRPM_IN301030CA.xml'), ID, '<id root="2.16.840.1.113883.3.40.1.5" extension=""/>'));
    expect(empty.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.plr-message-id', path: '/PRPM_IN301030CA/id/@extension', line: 5 }]);
  });
});
