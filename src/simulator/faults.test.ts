import { expect } from 'chai';
import { faultFor, parseFault } from './faults.js';
import { createSimulator } from './simulator-server.js';
import { getDemographicsRequest } from './test-support/hcim-v3-requests.js';

describe('simulator faults', () => {
  it('parses <interaction>=<kind>[:ms] and rejects anything else', () => {
    expect(parseFault('GetDemographics=latency:250')).to.deep.equal({ interaction: 'GetDemographics', kind: 'latency', ms: 250 });
    expect(parseFault('*=drop')).to.deep.equal({ interaction: '*', kind: 'drop' });
    for (const bad of ['GetDemographics', 'x=latency', 'x=explode', '=http500']) expect(() => parseFault(bad), bad).to.throw(/--fault must be|latency needs/);
  });

  it('matches by exact name, bare name across v3 and FHIR, or *', () => {
    const faults = [parseFault('GetDemographics=http500')];
    expect(faultFor(faults, 'HCIM_IN_GetDemographics')?.kind).to.equal('http500');
    expect(faultFor(faults, 'Patient/$GetDemographics')?.kind).to.equal('http500');
    expect(faultFor(faults, 'HCIM_IN_FindCandidates')).to.equal(undefined);
  });

  it('latency, http500, malformed, drop and slow-body change the answer on the wire', async () => {
    const message = getDemographicsRequest('9876543218');
    const send = async (fault: string) => {
      const sim = await createSimulator({ faults: [fault] });
      const started = performance.now();
      try {
        const response = await fetch(`${sim.url}${message.path}`, { method: 'POST', headers: { 'content-type': 'text/xml', soapaction: message.soapAction }, body: message.body });
        return { status: response.status, body: await response.text(), ms: performance.now() - started, exchanges: sim.exchanges };
      } catch (error) {
        return { error: error as Error, ms: performance.now() - started, exchanges: sim.exchanges };
      } finally {
        await sim.close();
      }
    };
    const slow = await send('HCIM_IN_GetDemographics=latency:300');
    expect(slow.ms).to.be.greaterThan(290);
    expect((await send('GetDemographics=http500')).status).to.equal(500);
    const malformed = await send('*=malformed');
    expect(malformed.status).to.equal(200);
    expect(malformed.body).to.not.contain('</s:Envelope>');
    const dropped = await send('GetDemographics=drop');
    expect(dropped.error).to.be.instanceOf(Error);
    expect(dropped.exchanges[0]?.failure?.code).to.equal('ABORTED');
    const trickle = await send('GetDemographics=slow-body:500');
    expect(trickle.ms).to.be.greaterThan(400);
    expect(trickle.body).to.contain('</s:Envelope>');
    const other = await send('FindCandidates=http500');
    expect(other.status).to.equal(200);
  });
});
