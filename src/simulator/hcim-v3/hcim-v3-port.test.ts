import { expect } from 'chai';
import { isValidPhn } from '../../hl7v3/phn.js';
import { MAX_CANDIDATES } from '../person-store.js';
import { createSimulator, type Simulator } from '../simulator-server.js';
import { findCandidatesRequest, getDemographicsRequest, getRelatedIdentifiersRequest, personMergedRequest, personNullifiedRequest, personRevisedRequest } from '../test-support/hcim-v3-requests.js';
import { bchcimCode, postSoap, startSink } from '../test-support/sink-server.js';

describe('simulator HCIM HL7v3 ports', () => {
  let sim: Simulator;
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeEach(async () => {
    sink = await startSink();
    sim = await createSimulator({ callbackUrl: sink.url, asyncDelayMs: 5 });
  });
  afterEach(async () => {
    await sim.close();
    await sink.close();
  });

  it('GetDemographics by PHN answers GD.0.0013 with the person', async () => {
    const reply = await postSoap(sim.url, getDemographicsRequest('9876543218'));
    expect(reply.status).to.equal(200);
    expect(bchcimCode(reply.body)).to.equal('BCHCIM.GD.0.0013');
    expect(reply.body).to.contain('extension="9876543218"').and.not.contain('BRIGGS');
  });

  it('the .History flavour adds former names with validTime', async () => {
    const reply = await postSoap(sim.url, getDemographicsRequest('9876543218', { history: true }));
    expect(reply.body).to.match(/<family>BRIGGS<\/family><validTime><high value="19990612"\/>/);
  });

  it('a merged PHN returns the survivor with GD.1.0015; masked persons carry nullFlavor MSK; a bad check digit BRV.2.0003', async () => {
    const merged = await postSoap(sim.url, getDemographicsRequest('9877018352'));
    expect(bchcimCode(merged.body)).to.equal('BCHCIM.GD.1.0015');
    expect(merged.body).to.contain('<id root="2.16.840.1.113883.3.51.1.1.6.1" extension="9876543218"');
    const masked = await postSoap(sim.url, getDemographicsRequest('9876859975'));
    expect(masked.body).to.contain('<name use="L" nullFlavor="MSK"/>');
    const bad = await postSoap(sim.url, getDemographicsRequest('9876543217'));
    expect(bchcimCode(bad.body)).to.equal('BCHCIM.BRV.2.0003');
  });

  it('FindCandidates cuts more than MAX_CANDIDATES matches with FC.0.0017 (the seed has 12 MAXFIELDs at one postal code)', async () => {
    const reply = await postSoap(sim.url, findCandidatesRequest('MAXFIELD', 'V8R 1G2'));
    expect(bchcimCode(reply.body)).to.equal('BCHCIM.FC.0.0017');
    expect(reply.body.match(/<subject typeCode="SUBJ">/g)).to.have.length(MAX_CANDIDATES);
    expect(reply.body).to.contain(`<resultTotalQuantity value="${MAX_CANDIDATES}"/>`);
  });

  it('FindCandidates with a surname alone is refused with SCH.2.5107 and no candidates', async () => {
    const reply = await postSoap(sim.url, findCandidatesRequest('ASHWORTH'));
    expect(reply.status).to.equal(200);
    expect(bchcimCode(reply.body)).to.equal('BCHCIM.SCH.2.5107');
    expect(reply.body).not.to.contain('<subject typeCode="SUBJ">');
    expect(reply.body).to.contain('<resultTotalQuantity value="0"/>');
  });

  it('GetRelatedIdentifiers lists the PHNs merged into the person', async () => {
    const reply = await postSoap(sim.url, getRelatedIdentifiersRequest('9876543218'));
    expect(bchcimCode(reply.body)).to.equal('BCHCIM.GD.0.0013');
    expect(reply.body).to.match(/<playedOtherIDs classCode="ROL"><id root="2\.16\.840\.1\.113883\.3\.51\.1\.1\.6\.1" extension="9877018352"/);
  });

  it('a schema-invalid request gets GD.2.0006 carrying the validator message; not-XML with a known SOAPAction too', async () => {
    const message = getDemographicsRequest('9876543218');
    const invalid = await postSoap(sim.url, { ...message, body: message.body.replace('<versionCode code="V3PR1"/>', '') .replace('<creationTime', '<versionCode code="V3PR1"/><creationTime') });
    expect(bchcimCode(invalid.body)).to.equal('BCHCIM.GD.2.0006');
    expect(invalid.body).to.match(/<!-- Error: The HL7 message is invalid\..*versionCode/);
    const garbage = await postSoap(sim.url, { ...message, body: '<HCIM_IN_GetDemographics' });
    expect(garbage.status).to.equal(200);
    expect(bchcimCode(garbage.body)).to.equal('BCHCIM.GD.2.0006');
  });

  it('a SOAPAction that does not match the root is a SOAP Client fault', async () => {
    const reply = await postSoap(sim.url, getDemographicsRequest('9876543218'), 'urn:hl7-org:v3/QUPA_IN101103');
    expect(reply.status).to.equal(500);
    expect(reply.body).to.contain('faultcode>s:Client').and.contain('expected &quot;urn:hl7-org:v3/QUPA_IN101101&quot;');
  });

  it('serves the WSDL of each port at ?wsdl', async () => {
    for (const port of ['QUPA_AR101102', 'PRPA_AR101202', 'PRPA_AR101002']) {
      const response = await fetch(`${sim.url}/hcim/${port}.asmx?wsdl`);
      expect(response.status, port).to.equal(200);
      expect(await response.text()).to.contain('wsdl:definitions');
    }
    expect((await fetch(`${sim.url}/hcim/PRPA_AR101202.asmx?wsdl=async`)).status).to.equal(200);
  });

  it('PersonRevised without a PHN assigns a new PHN with a valid check digit (RP.0.0000), then finds it (RP.0.0001)', async () => {
    const person = { sourceId: 'T-1', family: 'TESTNEW', given: 'ANNA', gender: 'F' as const, birthDate: '19900101' };
    const first = await postSoap(sim.url, personRevisedRequest(person));
    expect(first.body).to.contain('<HCIM_IN_PersonRevisedResult');
    expect(bchcimCode(first.body)).to.equal('BCHCIM.RP.0.0000');
    const phn = /<identifiedPerson classCode="PSN" determinerCode="INSTANCE">\n<id root="2\.16\.840\.1\.113883\.3\.51\.1\.1\.6\.1" extension="(\d{10})"/.exec(first.body)?.[1];
    expect(phn && isValidPhn(phn), phn).to.equal(true);
    const again = await postSoap(sim.url, personRevisedRequest({ ...person, sourceId: 'T-2' }));
    expect(bchcimCode(again.body)).to.equal('BCHCIM.RP.0.0001');
    expect(again.body).to.contain(`extension="${phn}"`);
    const gd = await postSoap(sim.url, getDemographicsRequest(phn!));
    expect(bchcimCode(gd.body)).to.equal('BCHCIM.GD.0.0013');
  });

  it('PersonRevised rejects deceased (RP.2.0016), merged (RP.2.0015) subjects and duplicate message ids (RP.2.0032) with a Nak', async () => {
    const deceased = await postSoap(sim.url, personRevisedRequest({ sourceId: 'T-3', phn: '9876939162', family: 'DELACROIX', given: 'SIMONE', gender: 'F', birthDate: '19400101' }));
    expect(deceased.body).to.contain('<MCCI_IN000002').and.contain('extension="HCIM_IN_PersonRevisedNak"').and.contain('<acknowledgement typeCode="AE">');
    expect(bchcimCode(deceased.body)).to.equal('BCHCIM.RP.2.0016');
    const merged = await postSoap(sim.url, personRevisedRequest({ sourceId: 'T-4', phn: '9877018352', family: 'ASHWORTH', given: 'ELAINE', gender: 'F', birthDate: '19750314' }));
    expect(bchcimCode(merged.body)).to.equal('BCHCIM.RP.2.0015');
    const message = personRevisedRequest({ sourceId: 'T-5', family: 'DUPL', given: 'ICATE', gender: 'M', birthDate: '19850505' });
    expect(bchcimCode((await postSoap(sim.url, message)).body)).to.equal('BCHCIM.RP.0.0000');
    expect(bchcimCode((await postSoap(sim.url, message)).body)).to.equal('BCHCIM.RP.2.0032');
  });

  it('async PersonRevised answers AA RP.0.0007 now and POSTs HCIM_IN_PersonRevisedAccepted to the callback', async () => {
    const message = personRevisedRequest({ sourceId: 'T-6', family: 'ASYNCHRONOUS', given: 'AL', gender: 'M', birthDate: '19800101' }, { async: true });
    const reply = await postSoap(sim.url, message);
    expect(reply.body).to.contain('<acknowledgement typeCode="AA">');
    expect(bchcimCode(reply.body)).to.equal('BCHCIM.RP.0.0007');
    expect(reply.body).to.contain(`extension="${message.messageId}"`);
    await sim.settled();
    expect(sink.received).to.have.length(1);
    expect(sink.received[0]!.headers.soapaction).to.equal('"urn:hl7-org:v3/HCIM_IN_PersonRevisedAccepted"');
    expect(sink.received[0]!.body).to.contain('<HCIM_IN_PersonRevisedAccepted').and.contain(`extension="${message.messageId}"`);
    expect(sim.exchanges.some((e) => e.direction === 'outgoing' && e.response?.status === 200)).to.equal(true);
  });

  it('PersonMerged sync answers PM.0.0008 and the non-survivor then resolves to the survivor; async acks PM.0.0007', async () => {
    const sync = await postSoap(sim.url, personMergedRequest('9877176374', '9877176002'));
    expect(bchcimCode(sync.body)).to.equal('BCHCIM.PM.0.0008');
    expect(bchcimCode((await postSoap(sim.url, getDemographicsRequest('9877176374'))).body)).to.equal('BCHCIM.GD.1.0015');
    const again = await postSoap(sim.url, personMergedRequest('9877176374', '9877176002'));
    expect(bchcimCode(again.body)).to.equal('BCHCIM.PM.2.0015');
    const async = await postSoap(sim.url, personMergedRequest('9877176747', '9877176002', { async: true }));
    expect(bchcimCode(async.body)).to.equal('BCHCIM.PM.0.0007');
    await sim.settled();
    expect(sink.received.map((r) => bchcimCode(r.body))).to.deep.equal(['BCHCIM.PM.0.0008']);
    // The async result names the non-survivor, as the sync result does.
    expect(sink.received[0]!.body).to.match(/<replacementOf typeCode="RPLC"><priorRegistration classCode="REG" moodCode="EVN"><id root="2\.16\.840\.1\.113883\.3\.51\.1\.1\.6\.1" extension="9877176747"\/>/);
  });

  it('PersonNullified acks PM.0.0007 and the person is gone; an unknown PHN is AE', async () => {
    expect(bchcimCode((await postSoap(sim.url, personNullifiedRequest('9877097548'))).body)).to.equal('BCHCIM.PM.0.0007');
    expect(bchcimCode((await postSoap(sim.url, getDemographicsRequest('9877097548'))).body)).to.equal('BCHCIM.GD.0.0018');
    const unknown = await postSoap(sim.url, personNullifiedRequest('9877731066'));
    expect(unknown.body).to.contain('<acknowledgement typeCode="AE">');
  });
});
