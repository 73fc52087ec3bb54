import { expect } from 'chai';
import { createSimulator, type Simulator } from '../simulator-server.js';
import { providerQueryRequest } from '../test-support/hcim-v3-requests.js';
import { postSoap, startSink } from '../test-support/sink-server.js';

describe('simulator PLR HL7v3', () => {
  let sim: Simulator;
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeEach(async () => {
    sink = await startSink();
    sim = await createSimulator({ plrSubscriberUrl: sink.url });
  });
  afterEach(async () => {
    await sim.close();
    await sink.close();
  });

  it('PRPM_IN306010CA by IPC answers PRPM_IN306011CA with the provider (OK), unknown → NF', async () => {
    const found = await postSoap(sim.url, providerQueryRequest('IPC.00166847.BC.PRS'));
    expect(found.status).to.equal(200);
    expect(found.body).to.contain('<PRPM_IN306011CA').and.contain('<queryResponseCode code="OK"/>').and.contain('<family>TEN</family>');
    expect(found.body).to.contain('<id root="2.16.840.1.113883.3.40.2.8" extension="IPC.00166847.BC.PRS"/>');
    const unknown = await postSoap(sim.url, providerQueryRequest('IPC.09999998.BC.PRS'));
    expect(unknown.body).to.contain('<queryResponseCode code="NF"/>');
    expect((await postSoap(sim.url, providerQueryRequest('x'), 'urn:hl7-org:v3/PRPM_IN301030CA')).status).to.equal(500);
  });

  it('PRPM_IN306010CA matches the identifier by its root: CPN and CPSID roots find the provider, another root does not', async () => {
    const withRoot = (extension: string, root: string) => {
      const message = providerQueryRequest(extension);
      return { ...message, body: message.body.replace(`root="2.16.840.1.113883.3.40.2.8" extension="${extension}"`, `root="${root}" extension="${extension}"`) };
    };
    const byCpn = await postSoap(sim.url, withRoot('CPN.00166847.BC.PRS', '2.16.840.1.113883.3.40.2.3'));
    expect(byCpn.body).to.contain('<queryResponseCode code="OK"/>').and.contain('extension="IPC.00166847.BC.PRS"');
    const byCpsid = await postSoap(sim.url, withRoot('20101', '2.16.840.1.113883.3.40.2.4'));
    expect(byCpsid.body).to.contain('<resultTotalQuantity value="1"/>').and.contain('extension="IPC.00166847.BC.PRS"');
    const cpnUnderIpcRoot = await postSoap(sim.url, providerQueryRequest('CPN.00166847.BC.PRS'));
    expect(cpnUnderIpcRoot.body).to.contain('<queryResponseCode code="NF"/>');
    const collegeIdUnderDentistRoot = await postSoap(sim.url, withRoot('20101', '2.16.840.1.113883.3.40.2.6'));
    expect(collegeIdUnderDentistRoot.body).to.contain('<queryResponseCode code="NF"/>').and.not.contain('<healthCareProvider');
  });

  it('distributeProvider sends PRPM_IN301030CA / PRPM_IN303030CA (v3) or a transaction Bundle (FHIR) and records the reply', async () => {
    const add = await sim.distributeProvider('IPC.00166847.BC.PRS');
    expect(add.response?.status).to.equal(200);
    expect(sink.received[0]!.headers.soapaction).to.equal('"urn:hl7-org:v3/PRPM_IN301030CA"');
    expect(sink.received[0]!.body).to.contain('extension="IN301030CA"').and.contain('IPC.00166847.BC.PRS');
    await sim.distributeProvider('IPC.00166847.BC.PRS', { kind: 'revise' });
    expect(sink.received[1]!.body).to.contain('<PRPM_IN303030CA');
    await sim.distributeProvider('IPC.00166847.BC.PRS', { format: 'fhir', kind: 'revise' });
    expect(sink.received[2]!.method).to.equal('PUT');
    expect(JSON.parse(sink.received[2]!.body).type).to.equal('transaction');
    expect(sim.exchanges.filter((e) => e.direction === 'outgoing')).to.have.length(3);
    const admin = await fetch(`${sim.url}/admin/plr/distribute?ipc=IPC.00166848.BC.PRS&kind=add&format=v3`, { method: 'POST' });
    expect(admin.status).to.equal(202);
    await sim.settled();
    expect(sink.received).to.have.length(4);
    try {
      await sim.distributeProvider('IPC.00000000.BC.PRS');
      expect.fail('unknown IPC must throw');
    } catch (error) {
      expect((error as Error).message).to.contain('no PLR provider');
    }
  });
});
