import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule plr-interaction-id', function () {
  it('passes the moh-prime samples', async function () {
    expect(await ruleIssues('plr-interaction-id', sample('plr/PRPM_IN301030CA.xml'))).to.deep.equal([]);
    expect(await ruleIssues('plr-interaction-id', sample('plr/PRPM_IN303030CA.xml'))).to.deep.equal([]);
  });

  it('flags the HL7 interaction OID used by pan-Canadian messages', async function () {
    const content = variant(sample('plr/PRPM_IN301030CA.xml'), '<interactionId root="2.16.840.1.113883.3.40.3.1"', '<interactionId root="2.16.840.1.113883.1.6"');
    expect(await ruleIssues('plr-interaction-id', content)).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.plr-interaction-id',
        message: '/PRPM_IN301030CA/interactionId/@root: Unexpected OID for interactionId: expected "2.16.840.1.113883.3.40.3.1", but received "2.16.840.1.113883.1.6"',
        path: '/PRPM_IN301030CA/interactionId/@root',
        line: 11,
        validator: 'rule',
      },
    ]);
  });

  it('does not apply to HCIM messages', async function () {
    expect(await ruleIssues('plr-interaction-id', sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'))).to.deep.equal([]);
  });
});
