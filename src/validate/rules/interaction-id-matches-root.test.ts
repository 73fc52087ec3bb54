import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule interaction-id-matches-root', function () {
  it('passes the root name, the documented .History flavours, PersonRevisedNak and the PLR IN…CA form', async function () {
    const request = sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml');
    expect(await ruleIssues('interaction-id-matches-root', request)).to.deep.equal([]);
    for (const flavour of ['HCIM_IN_GetDemographics.History', 'HCIM_GetDemographics.History']) {
      expect(await ruleIssues('interaction-id-matches-root', variant(request, 'extension="HCIM_IN_GetDemographics"', `extension="${flavour}"`))).to.deep.equal([]);
    }
    expect(await ruleIssues('interaction-id-matches-root', sample('hcim/MCCI_IN000002.validHcimOut.xml'))).to.deep.equal([]);
    expect(await ruleIssues('interaction-id-matches-root', sample('plr/PRPM_IN301030CA.xml'))).to.deep.equal([]);
    expect(await ruleIssues('interaction-id-matches-root', sample('ihe-pdq-pix-v3/PDQ.xml'))).to.deep.equal([]);
  });

  it('flags the hnweb error reply that names the request interaction', async function () {
    const issues = await ruleIssues('interaction-id-matches-root', sample('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml'));
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.interaction-id-matches-root',
        message:
          '/HCIM_IN_GetDemographicsResponse/interactionId/@extension: Unexpected interactionId/@extension: expected "HCIM_IN_GetDemographicsResponse", but received "HCIM_IN_GetDemographics"',
        path: '/HCIM_IN_GetDemographicsResponse/interactionId/@extension',
        line: 8,
        validator: 'rule',
      },
    ]);
  });

  it('flags a PLR message whose interactionId names another interaction, listing the accepted values', async function () {
    const content = variant(sample('plr/PRPM_IN301030CA.xml'), 'extension="IN301030CA"', 'extension="IN303030CA"');
    const issues = await ruleIssues('interaction-id-matches-root', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'rule.interaction-id-matches-root', path: '/PRPM_IN301030CA/interactionId/@extension', line: 11 },
    ]);
    expect(issues[0]!.message).to.contain('expected "PRPM_IN301030CA" or "IN301030CA", but received "IN303030CA"');
  });
});
