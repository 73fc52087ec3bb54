import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

const SAMPLE_IPC = '<id root="2.16.840.1.113883.3.40.2.8" extension="1234567890"/>';
/** A provider details query reply as the embedded simulator writes it (one provider found). */
const QUERY_REPLY = `<PRPM_IN306011CA xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">
<id root="2.16.840.1.113883.3.40.1.5" extension="a93fd874-568f-487b-81ba-288632480f30"/>
<creationTime value="20261123121204"/>
<versionCode code="DEV"/>
<interactionId root="2.16.840.1.113883.3.40.3.1" extension="PRPM_IN306011CA"/>
<profileId root="2.16.840.1.113883.3.40.1.7" extension="CHGONLY FUTURE OK"/>
<processingCode code="T"/>
<processingModeCode code="T"/>
<acceptAckCode code="NE"/>
<receiver typeCode="RCV"><telecom value=""/><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.1.14" extension="DEV"/><asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.4.1" extension="hlth.gov.bc.ca"/></representedOrganization></asAgent></device></receiver>
<sender typeCode="SND"><telecom value="hlth.gov.bc.ca"/><device classCode="DEV" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.5.2" extension="PLR"/><asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.40.4.2" extension="hlth.gov.bc.ca"/></representedOrganization></asAgent></device></sender>
<acknowledgement><typeCode code="AA"/><targetMessage><id root="2.16.840.1.113883.3.40.1.5" extension="ec74f0ae-c39b-4d34-bf64-986bda8e0113"/></targetMessage></acknowledgement>
<controlActEvent classCode="CACT" moodCode="EVN">
<code code="PRPM_TE306010CA" codeSystem="2.16.840.1.113883.5.4"/>
<statusCode code="completed"/>
<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/><subject typeCode="SBJ">
<healthCareProvider classCode="PROV">
<id root="2.16.840.1.113883.3.40.2.8" extension="IPC.00166847.BC.PRS"/>
<id root="2.16.840.1.113883.3.40.2.4" extension="20101"/>
<id root="2.16.840.1.113883.3.40.2.3" extension="CPN.00166847.BC.PRS"/>
<id root="2.16.840.1.113883.3.40.2.11" extension="65440"/>
<code code="MD" codeSystemName="WHICProviderType"/>
<statusCode code="ACTIVE"><validTime><low value="20200110"/></validTime></statusCode>
<healthCarePrincipalPerson classCode="PSN" determinerCode="INSTANCE">
<name use="L"><family>TEN</family><given>PRIMET</given><given>Norval</given></name>
<administrativeGenderCode code="M"/>
<birthTime value="20000530"/>
</healthCarePrincipalPerson>
</healthCareProvider>
</subject></registrationEvent></subject>
<queryAck>
<queryId root="9dc18bb1-acd3-4a41-8697-59310cead08b"/>
<queryResponseCode code="OK"/>
<resultTotalQuantity value="1"/>
<resultCurrentQuantity value="1"/>
<resultRemainingQuantity value="0"/>
</queryAck>
</controlActEvent>
</PRPM_IN306011CA>`;
const QUERY_IPC = '<id root="2.16.840.1.113883.3.40.2.8" extension="IPC.00166847.BC.PRS"/>';
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

  it('checks every provider of a PRPM_IN306011CA query reply', async function () {
    expect(await ruleIssues('plr-ipc', QUERY_REPLY)).to.deep.equal([]);
    const missing = await ruleIssues('plr-ipc', variant(QUERY_REPLY, QUERY_IPC, ''));
    expect(missing.map((i) => i.path)).to.deep.equal(['/PRPM_IN306011CA/controlActEvent/subject/registrationEvent/subject/healthCareProvider']);
    const malformed = await ruleIssues('plr-ipc', variant(QUERY_REPLY, QUERY_IPC, QUERY_IPC.replace('IPC.00166847.BC.PRS', '00166847')));
    expect(malformed[0]!.message).to.contain('expected the format IPC.########.BC.PRS, but received "00166847"');
  });

  it('finds nothing to check in a reply with no provider (NF)', async function () {
    const notFound = QUERY_REPLY.replace(/<subject typeCode="SUBJ">[\s\S]*<\/subject>\n/, '');
    expect(notFound).not.to.contain('healthCareProvider');
    expect(await ruleIssues('plr-ipc', notFound)).to.deep.equal([]);
  });
});
