import { expect } from 'chai';
import { HCIM_FHIR } from '../fhir/hcim-systems.js';
import { isValidPhn } from '../hl7v3/phn.js';
import { DEFECT_NAMES, DEFECTS, defectHelp, parseDefects, type DefectName } from './defects.js';
import { createSimulator, type Simulator } from './simulator-server.js';
import { getDemographicsBundle, patientBundle, postFhir } from './test-support/fhir-requests.js';
import { findCandidatesRequest, getDemographicsRequest, personRevisedRequest, providerQueryRequest } from './test-support/hcim-v3-requests.js';
import { bchcimCode, postSoap, startSink } from './test-support/sink-server.js';

type Probe = (sim: Simulator, sink: { received: { body: string }[] }) => Promise<boolean>;

const ACCEPT = 'application/fhir+json;fhirVersion=4.0;BCPLRVersion=1';
async function token(sim: Simulator): Promise<string> {
  const response = await fetch(`${sim.url}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials&client_id=hie-conform&client_secret=hie-conform-secret' });
  return (await response.json()).access_token;
}
async function plr(sim: Simulator, path: string, headers: Record<string, string>): Promise<{ status: number; json: any; contentType: string }> {
  const response = await fetch(`${sim.url}/plr/fhir${path}`, { headers });
  return { status: response.status, json: await response.json(), contentType: response.headers.get('content-type') ?? '' };
}
const phnsIn = (xml: string) => [...xml.matchAll(/<id root="2\.16\.840\.1\.113883\.3\.51\.1\.1\.6\.1" extension="(\d{10})"/g)].map((m) => m[1]!);

/** For each defect: a probe that is true exactly when the defect shows (false on the conformant simulator). */
const PROBES: Record<DefectName, Probe> = {
  'wrong-check-digit': async (sim) => phnsIn((await postSoap(sim.url, getDemographicsRequest('9876543218'))).body).some((phn) => !isValidPhn(phn)),
  'missing-query-ack': async (sim) => !(await postSoap(sim.url, findCandidatesRequest('ASHWORTH', 'V8V 3K8'))).body.includes('<queryAck>'),
  'bad-oid': async (sim) => (await postSoap(sim.url, getDemographicsRequest('9876543218'))).body.includes('<id root="2.16.840.1.113883.3.40.1.5"'),
  'wrong-interaction-id': async (sim) => !(await postSoap(sim.url, getDemographicsRequest('9876543218'))).body.includes('extension="HCIM_IN_GetDemographicsResponse"'),
  'soap-fault-on-success': async (sim) => (await postSoap(sim.url, getDemographicsRequest('9876543218'))).status === 500,
  'wrong-response-code': async (sim) => bchcimCode((await postSoap(sim.url, getDemographicsRequest('9876543218'))).body) !== 'BCHCIM.GD.0.0013',
  'merged-without-warning': async (sim) => bchcimCode((await postSoap(sim.url, getDemographicsRequest('9877018352'))).body) !== 'BCHCIM.GD.1.0015',
  'unmasked-protected-person': async (sim) => !(await postSoap(sim.url, getDemographicsRequest('9876859975'))).body.includes('nullFlavor="MSK"'),
  'ack-wrong-target-message': async (sim) => {
    const message = personRevisedRequest({ sourceId: 'D-1', family: 'DEFECTIVE', given: 'ACK', gender: 'M', birthDate: '19700101' }, { async: true });
    return !(await postSoap(sim.url, message)).body.includes(`extension="${message.messageId}"`);
  },
  'soapaction-not-checked': async (sim) => (await postSoap(sim.url, getDemographicsRequest('9876543218'), 'urn:hl7-org:v3/QUPA_IN101103')).status === 200,
  'no-async-callback': async (sim, sink) => {
    await postSoap(sim.url, personRevisedRequest({ sourceId: 'D-2', family: 'DEFECTIVE', given: 'CALLBACK', gender: 'M', birthDate: '19700101' }, { async: true }));
    await sim.settled();
    return sink.received.length === 0;
  },
  'profile-violating-patient': async (sim) => {
    const { json } = await postFhir(`${sim.url}/hcim/fhir/Patient/$GetDemographics`, getDemographicsBundle('9876543218'));
    const patient = json.entry.find((e: any) => e.resource.resourceType === 'Patient').resource;
    return patient.identifier.some((i: any) => !['official', 'secondary'].includes(i.use));
  },
  'missing-operation-outcome': async (sim) => !(await postFhir(`${sim.url}/hcim/fhir/Patient/$GetDemographics`, getDemographicsBundle('9876543218'))).json.entry.some((e: any) => e.resource.resourceType === 'OperationOutcome'),
  'created-with-200': async (sim) => (await postFhir(`${sim.url}/hcim/fhir/Patient/$AddPatient`, patientBundle('add', { family: 'DEFECTCREATE', given: 'X', birthDate: '1999-01-01', gender: 'male' }))).status === 200,
  'wrong-content-type': async (sim) => !/^application\/fhir\+json/.test((await postFhir(`${sim.url}/hcim/fhir/Patient/$GetDemographics`, getDemographicsBundle('9876543218'))).headers.get('content-type') ?? ''),
  'missing-bearer-check': async (sim) => (await plr(sim, '/Practitioner/$entityQuery?family=TEN', { accept: ACCEPT })).status === 200,
  'accept-header-ignored': async (sim) => (await plr(sim, '/Practitioner/$entityQuery?family=TEN', { accept: 'application/json', authorization: `Bearer ${await token(sim)}` })).status === 200,
  'wildcard-not-enforced': async (sim) => !JSON.stringify((await plr(sim, '/Practitioner/$entityQuery?given=P*M*', { accept: ACCEPT, authorization: `Bearer ${await token(sim)}` })).json).includes('0.0.7018'),
  'plr-missing-ipc': async (sim) => !(await postSoap(sim.url, providerQueryRequest('IPC.00166847.BC.PRS'))).body.includes('root="2.16.840.1.113883.3.40.2.8"'),
};

describe('simulator defects', () => {
  it('the catalogue names every defect with a description and the interactions it touches; help lists them', () => {
    expect(Object.keys(PROBES).sort()).to.deep.equal(DEFECT_NAMES);
    for (const name of DEFECT_NAMES) {
      expect(DEFECTS[name].description.length, name).to.be.greaterThan(20);
      expect(DEFECTS[name].interactions.length, name).to.be.greaterThan(0);
      expect(defectHelp()).to.contain(`  ${name}\n`);
    }
    expect(() => parseDefects(['wrong-check-digit', 'nope'])).to.throw(/unknown defect "nope"; defects: accept-header-ignored/);
  });

  for (const name of DEFECT_NAMES) {
    it(`${name}: absent from the conformant simulator, present when switched on`, async () => {
      for (const on of [false, true]) {
        const sink = await startSink();
        const sim = await createSimulator({ defects: on ? [name] : [], callbackUrl: sink.url, asyncDelayMs: 1 });
        try {
          expect(await PROBES[name](sim, sink), `${name} ${on ? 'on' : 'off'}`).to.equal(on);
        } finally {
          await sim.close();
          await sink.close();
        }
      }
    });
  }

  it('wrong-check-digit also breaks FHIR Patient PHNs and newly assigned PHNs', async () => {
    const sim = await createSimulator({ defects: ['wrong-check-digit'] });
    try {
      const { json } = await postFhir(`${sim.url}/hcim/fhir/Patient/$GetDemographics`, getDemographicsBundle('9876543218'));
      const phn = json.entry.find((e: any) => e.resource.resourceType === 'Patient').resource.identifier.find((i: any) => i.system === HCIM_FHIR.phnSystem).value;
      expect(isValidPhn(phn)).to.equal(false);
      const added = await postSoap(sim.url, personRevisedRequest({ sourceId: 'D-3', family: 'DEFECTNEW', given: 'PHN', gender: 'F', birthDate: '19910101' }));
      expect(phnsIn(added.body).some((p) => !isValidPhn(p))).to.equal(true);
    } finally {
      await sim.close();
    }
  });
});
