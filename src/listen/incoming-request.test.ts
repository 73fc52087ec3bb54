import { expect } from 'chai';
import type { Exchange } from '../transport/exchange.js';
import { fhirOperation, readIncoming } from './incoming-request.js';

function incoming(method: string, url: string, body = '', headers: Record<string, string> = {}): Exchange {
  return { id: 'in1', stepId: '', direction: 'incoming', protocol: 'soap', request: { method, url, headers, body }, response: { status: 200, headers: {}, body: '' }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 };
}

describe('readIncoming', () => {
  it('reads the HL7v3 root inside a SOAP 1.1 envelope', () => {
    const request = readIncoming(incoming('POST', '/hcim/QUPA_AR101102.asmx', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3"/></s:Body></s:Envelope>'));
    expect(request).to.include({ kind: 'soap', registry: 'hcim', portType: 'QUPA_AR101102', root: 'HCIM_IN_GetDemographics' });
    expect(request.xml?.enveloped).to.equal(true);
    expect(request.label).to.equal('POST /hcim/QUPA_AR101102.asmx HCIM_IN_GetDemographics');
  });

  it('keeps the XML problem of a body that is not XML', () => {
    const request = readIncoming(incoming('POST', '/plr/PRPM_AR306010CA.asmx', '<a>'));
    expect(request.kind).to.equal('soap');
    expect(request.xmlIssue?.code).to.equal('xml.not-well-formed');
  });

  it('classifies FHIR operations, token and WSDL requests, and unknown paths', () => {
    expect(readIncoming(incoming('POST', '/hcim/fhir/Patient/$FindCandidates', '{}'))).to.include({ kind: 'fhir', registry: 'hcim', operation: 'Patient/$FindCandidates' });
    expect(readIncoming(incoming('POST', '/hcim/fhir/Patient/$FindCandidates', '{')).jsonIssue?.code).to.equal('json.not-json');
    expect(readIncoming(incoming('POST', '/oauth/token')).kind).to.equal('support');
    expect(readIncoming(incoming('GET', '/hcim/QUPA_AR101102.asmx?wsdl')).kind).to.equal('support');
    expect(readIncoming(incoming('GET', '/nowhere')).kind).to.equal('other');
  });

  it('names FHIR interactions without ids', () => {
    expect(fhirOperation('/Practitioner/IPC.1.BC.PRS/$entityQuery')).to.equal('Practitioner/$entityQuery');
    expect(fhirOperation('/Patient/9876543218')).to.equal('Patient/[id]');
    expect(fhirOperation('/Patient/9876543218/_history')).to.equal('Patient/[id]/_history');
    expect(fhirOperation('/Patient')).to.equal('Patient');
  });
});
