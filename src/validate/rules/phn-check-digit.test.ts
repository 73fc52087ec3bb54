import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule phn-check-digit', function () {
  it('passes the GetDemographics request spec sample (PHN 9882807277)', async function () {
    expect(await ruleIssues('phn-check-digit', sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'))).to.deep.equal([]);
  });

  it('passes a SOAP-enveloped response with a valid PHN', async function () {
    expect(await ruleIssues('phn-check-digit', sample('hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml'))).to.deep.equal([]);
  });

  it('flags the made-up PHNs of the GetDemographics response spec sample', async function () {
    const issues = await ruleIssues('phn-check-digit', sample('hcim/HCIM_IN_GetDemographicsResponse.spec-sample.xml'));
    expect(issues.map(({ code, path, line, severity }) => ({ code, path, line, severity }))).to.deep.equal([
      { code: 'rule.phn-check-digit', path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/subject/target/identifiedPerson/id[1]/@extension', line: 109, severity: 'error' },
      { code: 'rule.phn-check-digit', path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/subject/target/identifiedPerson/id[2]/@extension', line: 110, severity: 'error' },
    ]);
    expect(issues[0]!.message).to.equal(
      '/HCIM_IN_GetDemographicsResponse/controlActProcess/subject/target/identifiedPerson/id[1]/@extension: Unexpected PHN check digit: expected 9, but received 4 in "9862716574"',
    );
    expect(issues[0]!.validator).to.equal('rule');
  });

  it('flags an empty or malformed PHN', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), 'extension="9882807277"', 'extension="88280727"');
    const issues = await ruleIssues('phn-check-digit', content);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({
      code: 'rule.phn-check-digit',
      path: '/HCIM_IN_GetDemographics/controlActProcess/queryByParameter/queryByParameterPayload/person.id/value/@extension',
      line: 55,
    });
    expect(issues[0]!.message).to.match(/expected 10 digits starting with 9, but received "88280727"$/);
  });

  it('ignores ids with another root and null-flavoured PHN ids', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), 'extension="9882807277"', 'nullFlavor="MSK"');
    expect(await ruleIssues('phn-check-digit', content)).to.deep.equal([]);
  });

  it('does not judge the query echo of a response, but still the request it echoes', async function () {
    const response = sample('hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml');
    const echoed = response.replace(/<\/controlActProcess>/, '<queryByParameterPayload><person.id><value root="2.16.840.1.113883.3.51.1.1.6.1" extension="9876543217"/></person.id></queryByParameterPayload></controlActProcess>');
    expect(echoed).to.not.equal(response);
    expect(await ruleIssues('phn-check-digit', echoed)).to.deep.equal([]);
    const request = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), 'extension="9882807277"', 'extension="9876543217"');
    expect(await ruleIssues('phn-check-digit', request)).to.have.length(1);
  });
});
