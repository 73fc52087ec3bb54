import { expect } from 'chai';
import { HCIM_FHIR } from '../../fhir/hcim-systems.js';
import { isValidPhn } from '../../hl7v3/phn.js';
import { createSimulator, type Simulator } from '../simulator-server.js';
import { findCandidatesBundle, getDemographicsBundle, mergeParameters, outcomeCodes, patientBundle, postFhir } from '../test-support/fhir-requests.js';
import { startSink } from '../test-support/sink-server.js';
import { asyncAckBundle } from './operation-bundles.js';

describe('simulator HCIM FHIR', () => {
  let sim: Simulator;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let base: string;
  beforeEach(async () => {
    sink = await startSink(202);
    sim = await createSimulator({ callbackUrl: sink.url, asyncDelayMs: 5 });
    base = `${sim.url}/hcim/fhir`;
  });
  afterEach(async () => {
    await sim.close();
    await sink.close();
  });

  it('$GetDemographics and $FindCandidates answer searchset bundles with exactly one OperationOutcome', async () => {
    const gd = await postFhir(`${base}/Patient/$GetDemographics`, getDemographicsBundle('9876543218'));
    expect(gd.status).to.equal(200);
    expect(gd.json.entry.filter((e: any) => e.resource.resourceType === 'OperationOutcome')).to.have.length(1);
    expect(outcomeCodes(gd.json)).to.deep.equal(['BCHCIM.GD.0.0013']);
    const fc = await postFhir(`${base}/Patient/$FindCandidates`, findCandidatesBundle('ASHWORTH', '1975-03-14'));
    expect(outcomeCodes(fc.json)).to.deep.equal(['BCHCIM.FC.0.0012']);
    const bad = await postFhir(`${base}/Patient/$GetDemographics`, getDemographicsBundle('9876543217'));
    expect(bad.status).to.equal(400);
    expect(outcomeCodes(bad.json)).to.deep.equal(['BCHCIM.BRV.2.0003']);
    const surnameOnly = await postFhir(`${base}/Patient/$FindCandidates`, findCandidatesBundle('ASHWORTH'));
    expect(surnameOnly.status).to.equal(400);
    expect(outcomeCodes(surnameOnly.json)).to.deep.equal(['BCHCIM.SCH.2.5107']);
  });

  it('$AddPatient creates (201, RP.0.0000, valid new PHN) and $RevisePatient updates (200, RP.0.0001)', async () => {
    const add = await postFhir(`${base}/Patient/$AddPatient`, patientBundle('add', { family: 'FHIRNEW', given: 'ROSA', birthDate: '1992-02-02', gender: 'female' }));
    expect(add.status).to.equal(201);
    expect(outcomeCodes(add.json)).to.deep.equal(['BCHCIM.RP.0.0000']);
    const patient = add.json.entry.find((e: any) => e.resource.resourceType === 'Patient').resource;
    const phn = patient.identifier.find((i: any) => i.system === HCIM_FHIR.phnSystem).value;
    expect(isValidPhn(phn), phn).to.equal(true);
    const revise = await postFhir(`${base}/Patient/$RevisePatient`, patientBundle('revise', { family: 'FHIRNEW', given: 'ROSA', birthDate: '1992-02-02', gender: 'female', phn }));
    expect(revise.status).to.equal(200);
    expect(outcomeCodes(revise.json)).to.deep.equal(['BCHCIM.RP.0.0001']);
    const history = await (await fetch(`${base}/Patient/${phn}/_history`)).json();
    expect(history.type).to.equal('history');
    expect(history.total).to.equal(2);
  });

  it('.Async answers 202 with a bc-async-ack-response-bundle and POSTs the result to the callback', async () => {
    const ack = await postFhir(`${base}/Patient/$AddPatient.Async`, patientBundle('add', { family: 'FHIRASYNC', given: 'LEO', birthDate: '1993-03-03', gender: 'male' }, 'msg-async-1'));
    expect(ack.status).to.equal(202);
    expect(ack.json.meta.profile[0]).to.match(/bc-async-ack-response-bundle$/);
    expect(outcomeCodes(ack.json)).to.deep.equal(['BCHCIM.RP.0.0007']);
    await sim.settled();
    expect(sink.received).to.have.length(1);
    expect(outcomeCodes(JSON.parse(sink.received[0]!.body))).to.deep.equal(['BCHCIM.RP.0.0000']);
    expect(sink.received[0]!.body).to.contain('msg-async-1');
  });

  it('$MergePatient answers PM.0.0008 with the survivor; a registered subscriber gets the MERGE distribution', async () => {
    const subscription = await postFhir(`${base}/Subscription`, JSON.stringify({ resourceType: 'Subscription', status: 'requested', criteria: 'Patient', channel: { type: 'rest-hook', endpoint: sink.url } }));
    expect(subscription.status).to.equal(201);
    const merge = await postFhir(`${base}/Patient/$MergePatient`, mergeParameters('9877176374', '9877176002'));
    expect(merge.status).to.equal(200);
    expect(outcomeCodes(merge.json)).to.deep.equal(['BCHCIM.PM.0.0008']);
    await sim.settled();
    expect(sink.received).to.have.length(1);
    expect(sink.received[0]!.body).to.contain('"code": "MERGE"').and.contain('bc-subscription-notification-bundle');
  });

  it('RESTful reads: search, identifier, read, unknown and invalid PHNs', async () => {
    const search = await (await fetch(`${base}/Patient?family=ASHWORTH&birthdate=1975-03-14`)).json();
    expect(outcomeCodes(search)).to.deep.equal(['BCHCIM.FC.0.0012']);
    const byId = await (await fetch(`${base}/Patient?identifier=${encodeURIComponent(`${HCIM_FHIR.phnSystem}|9877018352`)}`)).json();
    expect(outcomeCodes(byId)).to.deep.equal(['BCHCIM.GD.1.0015']);
    const read = await fetch(`${base}/Patient/9876543218`);
    expect(read.status).to.equal(200);
    expect((await read.json()).resourceType).to.equal('Patient');
    expect((await fetch(`${base}/Patient/9877731066`)).status).to.equal(404);
    expect((await fetch(`${base}/Patient/9876543217`)).status).to.equal(400);
    expect((await fetch(`${base}/Patient?family=ASHWORTH`)).status).to.equal(400);
  });

  it('the $MergePatient.Async ack echoes the messageId parameter as requestMessageId; without one the request is refused, not given an invented id', async () => {
    const ack = await postFhir(`${base}/Patient/$MergePatient.Async`, mergeParameters('9879103339', '9879102598', 'merge-async-1'));
    expect(ack.status).to.equal(202);
    const parameters = ack.json.entry.find((e: any) => e.resource.resourceType === 'Parameters').resource.parameter;
    expect(parameters.filter((p: any) => p.name === 'requestMessageId')).to.deep.equal([{ name: 'requestMessageId', valueString: 'merge-async-1' }]);
    const withoutId = await postFhir(`${base}/Patient/$MergePatient.Async`, mergeParameters('9879102226', '9879101858'));
    expect(withoutId.status).to.equal(400);
    expect(withoutId.json.resourceType).to.equal('OperationOutcome');
    expect(outcomeCodes(withoutId.json)).to.deep.equal(['BCHCIM.PM.2.0006']);
    await sim.settled();
    expect(sink.received.map((r) => outcomeCodes(JSON.parse(r.body)))).to.deep.equal([['BCHCIM.PM.0.0008']]);
    // Rejected before the merge: the non-survivor is still its own person.
    expect(outcomeCodes(await (await fetch(`${base}/Patient?identifier=${encodeURIComponent(`${HCIM_FHIR.phnSystem}|9879102226`)}`)).json())).to.deep.equal(['BCHCIM.GD.0.0013']);
  });

  it('asyncAckBundle writes no requestMessageId for a request without a messageId', () => {
    const parameters = (asyncAckBundle({}, 'BCHCIM.RP.0.0007').entry as any[])[0].resource.parameter as { name: string }[];
    expect(parameters.map((p) => p.name)).to.deep.equal(['messageId', 'messageDateTime']);
    const echoed = (asyncAckBundle({ messageId: 'm-1' }, 'BCHCIM.RP.0.0007').entry as any[])[0].resource.parameter as { name: string; valueString?: string }[];
    expect(echoed.find((p) => p.name === 'requestMessageId')?.valueString).to.equal('m-1');
  });

  it('GET Patient/[phn]/_identifiersOnly returns identifiers without demographics', async () => {
    const response = await fetch(`${base}/Patient/9876543218/_identifiersOnly`);
    expect(response.status).to.equal(200);
    const patient = await response.json();
    expect(Object.keys(patient).sort()).to.deep.equal(['id', 'identifier', 'meta', 'resourceType']);
    expect(patient.identifier.find((i: any) => i.system === HCIM_FHIR.phnSystem).value).to.equal('9876543218');
    expect((await fetch(`${base}/Patient/9877731066/_identifiersOnly`)).status).to.equal(404);
  });

  it('GET Patient?identifier=<source-patient-id system>|<id> finds the person only under the source the system names', async () => {
    const search = async (system: string, value: string) => outcomeCodes(await (await fetch(`${base}/Patient?identifier=${encodeURIComponent(`${system}|${value}`)}`)).json());
    const viha = 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-viha-cern-source-patient-id';
    const found = await (await fetch(`${base}/Patient?identifier=${encodeURIComponent(`${viha}|VIHA-000417`)}`)).json();
    expect(found.entry.filter((e: any) => e.resource.resourceType === 'Patient').map((e: any) => e.resource.id)).to.deep.equal(['9876543218']);
    expect(await search('https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-fha-mt-source-patient-id', 'VIHA-000417')).to.deep.equal(['BCHCIM.GD.0.0018']);
    expect(await search('http://example.org/ids', 'VIHA-000417')).to.deep.equal(['BCHCIM.GD.0.0018']);
  });

  it('unknown search parameters are ignored, unless Prefer: handling=strict asks for a 400', async () => {
    const url = `${base}/Patient?family=ASHWORTH&birthdate=1975-03-14&shoe-size=11`;
    const lenient = await fetch(url);
    expect(lenient.status).to.equal(200);
    expect(outcomeCodes(await lenient.json())).to.deep.equal(['BCHCIM.FC.0.0012']);
    const strict = await fetch(url, { headers: { prefer: 'handling=strict' } });
    expect(strict.status).to.equal(400);
    const outcome = await strict.json();
    expect(outcome.resourceType).to.equal('OperationOutcome');
    expect(outcome.issue[0]).to.include({ severity: 'error', code: 'not-supported' });
    expect(outcome.issue[0].diagnostics).to.contain('shoe-size');
    expect((await fetch(`${base}/Patient?family=ASHWORTH&birthdate=1975-03-14&_format=json`, { headers: { prefer: 'handling=strict' } })).status).to.equal(200);
  });

  it('the admin endpoint sends any distribution event to the subscribers', async () => {
    await postFhir(`${base}/Subscription`, JSON.stringify({ resourceType: 'Subscription', channel: { type: 'rest-hook', endpoint: sink.url } }));
    for (const event of ['NEW', 'COMP', 'MERGE', 'DEATH', 'NEWBORN', 'PHN', 'PHNJOIN', 'SSRISYNC']) {
      expect((await fetch(`${sim.url}/admin/hcim/distribute?event=${event}&phn=9876543218`, { method: 'POST' })).status, event).to.equal(202);
    }
    expect((await fetch(`${sim.url}/admin/hcim/distribute?event=BOGUS&phn=9876543218`, { method: 'POST' })).status).to.equal(400);
    await sim.settled();
    expect(sink.received).to.have.length(8);
  });
});
