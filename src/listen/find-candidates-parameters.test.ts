import { expect } from 'chai';
import { parseXml } from '../hl7v3/xml-document.js';
import { checkFhirFindCandidates, checkV3FindCandidates } from './find-candidates-parameters.js';

function v3(payload: string) {
  const parsed = parseXml(`<HCIM_IN_FindCandidates xmlns="urn:hl7-org:v3"><controlActProcess><queryByParameter><queryByParameterPayload>${payload}</queryByParameterPayload></queryByParameter></controlActProcess></HCIM_IN_FindCandidates>`);
  if (!parsed.ok) throw new Error(parsed.issue.message);
  return checkV3FindCandidates(parsed.document.documentElement!);
}

const SURNAME = '<person.name><value use="L"><family>ASHWORTH</family></value></person.name>';

describe('BCHCIM.SCH.2.5107 FindCandidates parameters', () => {
  it('HL7v3: surname plus birth date, address line, phone or postal code passes', () => {
    expect(v3(`<person.birthTime><value value="19750314"/></person.birthTime>${SURNAME}`)).to.deep.equal([]);
    expect(v3(`<person.addr><value><postalCode>V8V3K8</postalCode></value></person.addr>${SURNAME}`)).to.deep.equal([]);
    expect(v3(`<person.addr><value><streetAddressLine>1 Main</streetAddressLine></value></person.addr>${SURNAME}`)).to.deep.equal([]);
    expect(v3(`${SURNAME}<person.telecom><value value="tel:2505551234"/></person.telecom>`)).to.deep.equal([]);
  });

  it('HL7v3: surname alone, or a birth date without surname, fails with the rule code and path', () => {
    const [issue] = v3(SURNAME);
    expect(issue!.code).to.equal('listen.find-candidates-parameters');
    expect(issue!.path).to.equal('/HCIM_IN_FindCandidates/controlActProcess/queryByParameter/queryByParameterPayload');
    expect(issue!.message).to.match(/BCHCIM\.SCH\.2\.5107\), but received surname$/);
    expect(v3('<person.birthTime><value value="19750314"/></person.birthTime>')[0]!.message).to.match(/but received birth date$/);
  });

  it('FHIR: the Patient entry needs family plus a second parameter', () => {
    const bundle = (patient: Record<string, unknown>) => ({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Parameters' } }, { resource: { resourceType: 'Patient', ...patient } }] });
    expect(checkFhirFindCandidates(bundle({ name: [{ family: 'A' }], birthDate: '1975-03-14' }))).to.deep.equal([]);
    expect(checkFhirFindCandidates(bundle({ name: [{ family: 'A' }], telecom: [{ system: 'phone', value: '250' }] }))).to.deep.equal([]);
    const [issue] = checkFhirFindCandidates(bundle({ name: [{ family: 'A' }], telecom: [{ system: 'email', value: 'a@b' }] }));
    expect(issue!.path).to.equal('Bundle.entry[1].resource');
    expect(checkFhirFindCandidates({ resourceType: 'Bundle', entry: [] })[0]!.message).to.match(/holds no Patient or RelatedPerson/);
  });
});
