import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

describe('rule hcim-oids', function () {
  it('passes the GetDemographics request, the SOAP mock response and an MCCI ack', async function () {
    for (const name of ['hcim/HCIM_IN_GetDemographics.request.spec-sample.xml', 'hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml', 'hcim/MCCI_IN000002.validHcimOut.xml']) {
      expect(await ruleIssues('hcim-oids', sample(name)), name).to.deep.equal([]);
    }
  });

  it('flags the placeholder message id OID of the hnweb error reply', async function () {
    const issues = await ruleIssues('hcim-oids', sample('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml'));
    expect(issues).to.have.length(1);
    expect(issues[0]).to.deep.equal({
      severity: 'error',
      code: 'rule.hcim-oids',
      message: '/HCIM_IN_GetDemographicsResponse/id/@root: Unexpected OID for the message id: expected "2.16.840.1.113883.3.51.1.1.1", but received "messageId-oid"',
      path: '/HCIM_IN_GetDemographicsResponse/id/@root',
      line: 5,
      validator: 'rule',
    });
  });

  it('flags a request whose receiver device uses the sending-system OID, and a wrong data enterer OID', async function () {
    let content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), '<id root="2.16.840.1.113883.3.51.1.1.4" extension="192.168.0.1"/>', '<id root="2.16.840.1.113883.3.51.1.1.5" extension="192.168.0.1"/>');
    content = variant(content, '<id root="2.16.840.1.113883.3.51.1.1.7" extension="kim@cgi.com"/>', '<id root="2.16.840.1.113883.3.51.1.1.6" extension="kim@cgi.com"/>');
    const issues = await ruleIssues('hcim-oids', content);
    expect(issues.map(({ path, line }) => ({ path, line }))).to.deep.equal([
      { path: '/HCIM_IN_GetDemographics/receiver/device/id/@root', line: 22 },
      { path: '/HCIM_IN_GetDemographics/controlActProcess/dataEnterer/assignedPerson/id/@root', line: 49 },
    ]);
    expect(issues[0]!.message).to.contain('expected "2.16.840.1.113883.3.51.1.1.4", but received "2.16.840.1.113883.3.51.1.1.5"');
  });

  it('flags a wrong organisation OID', async function () {
    const content = variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), '<id root="2.16.840.1.113883.3.51.1.1.3" extension="HCIM"/>', '<id root="2.16.840.1.113883.3.51.1.1.9" extension="HCIM"/>');
    const issues = await ruleIssues('hcim-oids', content);
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'rule.hcim-oids', path: '/HCIM_IN_GetDemographics/receiver/device/asAgent/representedOrganization/id/@root', line: 26 },
    ]);
  });

  it('does not apply to PLR messages', async function () {
    expect(await ruleIssues('hcim-oids', sample('plr/PRPM_IN301030CA.xml'))).to.deep.equal([]);
  });
});
