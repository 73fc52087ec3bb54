import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exchange } from '../transport/exchange.js';
import { extractResponseCodes } from './response-codes.js';
import { ResponseView } from './response-view.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

function view(body: string): ResponseView {
  const exchange: Exchange = { id: 'x', stepId: 's', direction: 'outgoing', protocol: 'soap', request: { method: 'POST', url: 'http://h', headers: {} }, response: { status: 200, headers: {}, body }, startedAt: '', durationMs: 0 };
  return new ResponseView(exchange);
}

describe('assert/response-codes', () => {
  it('reads queryAck/queryResponseCode/@code of an HCIM query reply', () => {
    const body = readFileSync(path.join(FIXTURES, 'hl7v3/hcim/HCIM_IN_GetDemographicsResponse.spec-sample.xml'), 'utf8');
    expect(extractResponseCodes(view(body))).to.deep.equal({ codes: ['BCHCIM.FC.0.0000'], format: 'xml' });
  });

  it('strips the "CODE | text" form real HCIM writes into the code attribute', () => {
    const body = '<r xmlns="urn:hl7-org:v3"><controlActProcess><queryAck><queryResponseCode code="BCHCIM.GD.0.0013 | The get demographics query completed successfully."/></queryAck></controlActProcess></r>';
    expect(extractResponseCodes(view(body)).codes).to.deep.equal(['BCHCIM.GD.0.0013']);
  });

  it('reads acknowledgementDetail codes of MCCI_IN000002 acks', () => {
    const body = readFileSync(path.join(FIXTURES, 'hl7v3/hcim/MCCI_IN000002.technicalErrorHcimOut.xml'), 'utf8');
    const { codes } = extractResponseCodes(view(body));
    expect(codes.length).to.be.greaterThan(0);
    expect(codes.every((code) => /^BCHCIM\./.test(code))).to.equal(true);
  });

  it('reads the detectedIssueEvent code of registration replies (HCIM_IN_PersonRevisedResult)', () => {
    const body = '<HCIM_IN_PersonRevisedResult xmlns="urn:hl7-org:v3"><controlActProcess classCode="CACT" moodCode="EVN"><reasonOf typeCode="RSON"><detectedIssueEvent classCode="ALRT" moodCode="EVN"><code code="BCHCIM.RP.0.0000" codeSystem="HCIM"/></detectedIssueEvent></reasonOf></controlActProcess></HCIM_IN_PersonRevisedResult>';
    expect(extractResponseCodes(view(body))).to.deep.equal({ codes: ['BCHCIM.RP.0.0000'], format: 'xml' });
  });

  it('reads OperationOutcome codes in FHIR bundles and bare OperationOutcomes', () => {
    const body = readFileSync(path.join(FIXTURES, 'fhir/hcim/Get-Demographics-Response.json'), 'utf8');
    expect(extractResponseCodes(view(body))).to.deep.equal({ codes: ['BCHCIM.GD.0.0013'], format: 'json' });
    const bare = JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'business-rule', details: { coding: [{ code: 'BCHCIM.BRV.2.0003' }] } }] });
    expect(extractResponseCodes(view(bare)).codes).to.deep.equal(['BCHCIM.BRV.2.0003']);
  });

  it('finds none in bodies that are neither', () => {
    expect(extractResponseCodes(view('<html>oops'))).to.deep.equal({ codes: [], format: 'none' });
    expect(extractResponseCodes(view('{not json'))).to.deep.equal({ codes: [], format: 'none' });
  });
});
