import { expect } from 'chai';
import type { Exchange } from '../transport/exchange.js';
import { checkIncoming } from './check-incoming.js';
import { readIncoming } from './incoming-request.js';
import { MessageIdRegister } from './message-id-register.js';
import { exchange, getDemographics } from './test-helpers/incoming-samples.js';

const SOAP_HEADERS = { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' };

async function codes(ex: Exchange, register = new MessageIdRegister()): Promise<string[]> {
  const verdict = await checkIncoming(readIncoming(ex), { messageIds: register });
  return verdict.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => i.code);
}

describe('checkIncoming', function () {
  this.timeout(30_000);

  it('a correct GetDemographics has no errors and yields its message id', async () => {
    const verdict = await checkIncoming(readIncoming(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics(), SOAP_HEADERS)), { messageIds: new MessageIdRegister() });
    expect(verdict.issues.filter((i) => i.severity === 'error')).to.deep.equal([]);
    expect(verdict.messageId).to.equal('M-1');
    expect(verdict.evidence.map((e) => e.path)).to.include('hcim/QUPA_AR101102.xsd');
  });

  it('flags a SOAPAction that does not match the root, a wrong port and a wrong Content-Type', async () => {
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics(), { ...SOAP_HEADERS, soapaction: '"urn:hl7-org:v3/QUPA_IN101103"' }))).to.deep.equal(['listen.soapaction']);
    expect(await codes(exchange('in1', '/hcim/PRPA_AR101202.asmx', getDemographics(), SOAP_HEADERS))).to.deep.equal(['listen.port']);
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics(), { ...SOAP_HEADERS, 'content-type': 'application/soap+xml' }))).to.deep.equal(['listen.content-type']);
  });

  it('flags a bad PHN check digit, an empty query id, a bad processingCode and a re-used message id', async () => {
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics({ queryId: '9876543217' }), SOAP_HEADERS))).to.deep.equal(['rule.phn-check-digit']);
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics({ queryRoot: '2.16.840.1.113883.3.51.1.1.6', queryId: '' }), SOAP_HEADERS))).to.include('listen.get-demographics-id');
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics().replace('<processingCode code="P"/>', '<processingCode code="X"/>'), SOAP_HEADERS))).to.include('listen.processing-code');
    const register = new MessageIdRegister();
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', getDemographics(), SOAP_HEADERS), register)).to.deep.equal([]);
    expect(await codes(exchange('in2', '/hcim/QUPA_AR101102.asmx', getDemographics(), SOAP_HEADERS), register)).to.deep.equal(['listen.duplicate-message-id']);
  });

  it('flags a bare (unenveloped) message and a body that is not XML', async () => {
    const bare = getDemographics().replace(/^<soapenv:Envelope[^>]*><soapenv:Body>/, '').replace('</soapenv:Body></soapenv:Envelope>', '');
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', bare, SOAP_HEADERS))).to.deep.equal(['listen.soap-envelope']);
    expect(await codes(exchange('in1', '/hcim/QUPA_AR101102.asmx', '<oops', SOAP_HEADERS))).to.deep.equal(['xml.not-well-formed']);
  });

  it('FHIR: checks Content-Type, JSON, PHN check digits and PLR headers', async () => {
    const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Parameters', parameter: [{ name: 'messageId', valueString: 'F-1' }] } }, { resource: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id', value: '9876543217' }] } }] });
    const found = await codes(exchange('in1', '/hcim/fhir/Patient/$GetDemographics', bundle, { 'content-type': 'text/plain' }));
    expect(found).to.include.members(['listen.content-type', 'rule.phn-check-digit']);
    expect(await codes(exchange('in1', '/hcim/fhir/Patient/$GetDemographics', '{', { 'content-type': 'application/fhir+json' }))).to.deep.equal(['json.not-json']);
    expect(await codes(exchange('in1', '/plr/fhir/Practitioner/$entityQuery?identifier=x', '', {}, 'GET'))).to.deep.equal(['listen.authorization', 'listen.accept']);
    expect(await codes(exchange('in1', '/plr/fhir/Practitioner/$entityQuery?identifier=x', '', { authorization: '[redacted]', accept: 'application/fhir+json;fhirVersion=4.0;BCPLRVersion=1' }, 'GET'))).to.deep.equal([]);
  });

  it('a request to no registry endpoint is an issue; token requests are not', async () => {
    expect(await codes(exchange('in1', '/nowhere', '', {}))).to.deep.equal(['listen.unknown-endpoint']);
    expect(await codes(exchange('in1', '/oauth/token', 'grant_type=client_credentials', {}))).to.deep.equal([]);
  });
});
