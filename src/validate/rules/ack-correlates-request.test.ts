import { expect } from 'chai';
import { ruleIssues, sample, variant } from './test-helpers/samples.js';

const REQUEST_ID = '<id root="2.16.840.1.113883.3.51.1.1.1" extension="419E8965-8D02-4402-B43D-6A32575B12XE"/>';

/** A PersonRevised-style request whose id is the ack's targetMessage/id (e40593db-…). */
function matchingRequest(): string {
  return variant(sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), REQUEST_ID, '<id root="2.16.840.1.113883.3.51.1.1.1" extension="e40593db-6844-451f-ae7c-495298541245"/>');
}

describe('rule ack-correlates-request', function () {
  it('passes when targetMessage/id equals the request id (also for a SOAP-enveloped request)', async function () {
    expect(await ruleIssues('ack-correlates-request', sample('hcim/MCCI_IN000002.validHcimOut.xml'), { request: matchingRequest() })).to.deep.equal([]);
    const enveloped = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${matchingRequest().replace(/^<\?xml[^>]*>/, '')}</soap:Body></soap:Envelope>`;
    expect(await ruleIssues('ack-correlates-request', sample('hcim/MCCI_IN000002.validHcimOut.xml'), { request: enveloped })).to.deep.equal([]);
  });

  it('does nothing without a request', async function () {
    expect(await ruleIssues('ack-correlates-request', sample('hcim/MCCI_IN000002.validHcimOut.xml'))).to.deep.equal([]);
  });

  it('flags an ack that names another message', async function () {
    const issues = await ruleIssues('ack-correlates-request', sample('hcim/MCCI_IN000002.validHcimOut.xml'), { request: sample('hcim/HCIM_IN_GetDemographics.request.spec-sample.xml') });
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'rule.ack-correlates-request',
        message:
          '/MCCI_IN000002/acknowledgement/targetMessage/id: Unexpected acknowledgement/targetMessage/id: expected root "2.16.840.1.113883.3.51.1.1.1" extension "419E8965-8D02-4402-B43D-6A32575B12XE" (the request id), but received root "2.16.840.1.113883.3.51.1.1.1" extension "e40593db-6844-451f-ae7c-495298541245"',
        path: '/MCCI_IN000002/acknowledgement/targetMessage/id',
        line: 16,
        validator: 'rule',
      },
    ]);
  });

  it('reports a request that is not XML', async function () {
    const issues = await ruleIssues('ack-correlates-request', sample('hcim/MCCI_IN000002.validHcimOut.xml'), { request: 'not xml' });
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'rule.ack-correlates-request', path: '/MCCI_IN000002', line: 2 }]);
    expect(issues[0]!.message).to.contain('the request to correlate with is unusable');
  });
});
