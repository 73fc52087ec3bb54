import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { HarnessError } from '../core/errors.js';
import type { MessageValidation } from '../validate/contract.js';
import { createSimulator, type Simulator } from './simulator-server.js';
import { findCandidatesBundle, getDemographicsBundle, mergeParameters, patientBundle } from './test-support/fhir-requests.js';
import * as v3 from './test-support/hcim-v3-requests.js';
import { startSink } from './test-support/sink-server.js';

type Validator = (content: string, options?: Record<string, unknown>) => Promise<MessageValidation>;

/** A validator module, or the reason it cannot be used yet (ERR_VALIDATOR_UNAVAILABLE). */
async function load(name: 'hl7v3' | 'fhir'): Promise<Validator | string> {
  try {
    const validator = name === 'hl7v3' ? (await import('../validate/hl7v3.js')).validateHl7v3 : (await import('../validate/fhir-profile.js')).validateFhir;
    await validator(name === 'hl7v3' ? '<x/>' : '{}');
    return validator as Validator;
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'ERR_VALIDATOR_UNAVAILABLE') return error.message;
    throw error;
  }
}

function problems(result: MessageValidation): string[] {
  return result.issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal').map((issue) => `${issue.path ?? ''} ${issue.message}`);
}

const ACCEPT = 'application/fhir+json;fhirVersion=4.0;BCPLRVersion=1';

/**
 * The simulator validated by the project's own validators: every HL7v3 answer (and every message it
 * sends on its own) passes `validateHl7v3(…, { strict: true })` — XSD and the business rules, with
 * the request for correlation rules — and every FHIR answer passes `validateFhir` against its
 * profile.
 */
describe('simulator self-validation: every interaction is valid', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let hl7v3: Validator | string;
  let fhir: Validator | string;
  let bearer: string;

  before(async () => {
    hl7v3 = await load('hl7v3');
    fhir = await load('fhir');
    sink = await startSink(200);
    sim = await createSimulator({ callbackUrl: sink.url, subscriberUrl: sink.url, plrSubscriberUrl: sink.url, asyncDelayMs: 1 });
    const token = await fetch(`${sim.url}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials&client_id=hie-conform&client_secret=hie-conform-secret' });
    bearer = `Bearer ${(await token.json()).access_token}`;
  });
  after(async () => {
    await sim?.close();
    await sink?.close();
  });

  const V3_CASES: [string, () => v3.V3Message, string][] = [
    ['GetDemographics found', () => v3.getDemographicsRequest('9876543218'), 'BCHCIM.GD.0.0013'],
    ['GetDemographics .History', () => v3.getDemographicsRequest('9876543218', { history: true }), 'BCHCIM.GD.0.0013'],
    ['GetDemographics merged', () => v3.getDemographicsRequest('9877018352'), 'BCHCIM.GD.1.0015'],
    ['GetDemographics masked', () => v3.getDemographicsRequest('9876859975'), 'BCHCIM.GD.0.0013'],
    ['GetDemographics deceased', () => v3.getDemographicsRequest('9876939162'), 'BCHCIM.GD.0.0013'],
    ['GetDemographics not found', () => v3.getDemographicsRequest('9877731066'), 'BCHCIM.GD.0.0018'],
    ['GetDemographics by source id', () => v3.getDemographicsRequest('VIHA-000417', { root: '2.16.840.1.113883.3.51.1.1.6' }), 'BCHCIM.GD.0.0013'],
    ['GetDemographics schema-invalid', () => { const m = v3.getDemographicsRequest('9876543218'); return { ...m, body: m.body.replace('<processingCode code="P"/>', '') }; }, 'BCHCIM.GD.2.0006'],
    ['FindCandidates found', () => v3.findCandidatesRequest('ASHWORTH', 'V8V 3K8'), 'BCHCIM.FC.0.0012'],
    ['FindCandidates none', () => v3.findCandidatesRequest('ZYXWVUTSRQ', 'V8V 3K8'), 'BCHCIM.FC.0.0018'],
    ['FindCandidates surname only', () => v3.findCandidatesRequest('ASHWORTH'), 'BCHCIM.SCH.2.5107'],
    ['GetRelatedIdentifiers', () => v3.getRelatedIdentifiersRequest('9876543218'), 'BCHCIM.GD.0.0013'],
    ['PersonRevised new PHN', () => v3.personRevisedRequest({ sourceId: 'SV-1', family: 'SELFVALID', given: 'NEW', gender: 'F', birthDate: '19900101' }), 'BCHCIM.RP.0.0000'],
    ['PersonRevised existing PHN', () => v3.personRevisedRequest({ sourceId: 'SV-2', phn: '9876780786', family: 'ASHWORTH', given: 'THOMAS', gender: 'M', birthDate: '19770802' }), 'BCHCIM.RP.0.0001'],
    ['PersonRevised deceased (Nak)', () => v3.personRevisedRequest({ sourceId: 'SV-3', phn: '9876939162', family: 'DELACROIX', given: 'SIMONE', gender: 'F', birthDate: '19400101' }), 'BCHCIM.RP.2.0016'],
    ['PersonRevised async accepted', () => v3.personRevisedRequest({ sourceId: 'SV-4', family: 'SELFVALID', given: 'ASYNC', gender: 'M', birthDate: '19800101' }, { async: true }), 'BCHCIM.RP.0.0007'],
    ['PersonRevised async rejected', () => v3.personRevisedRequest({ sourceId: 'SV-5', phn: '9876939162', family: 'DELACROIX', given: 'SIMONE', gender: 'F', birthDate: '19400101' }, { async: true }), 'BCHCIM.RP.0.0007'],
    ['PersonMerged sync', () => v3.personMergedRequest('9877176374', '9877176002'), 'BCHCIM.PM.0.0008'],
    ['PersonMerged async', () => v3.personMergedRequest('9877176747', '9877176002', { async: true }), 'BCHCIM.PM.0.0007'],
    ['PersonNullified', () => v3.personNullifiedRequest('9877097548'), 'BCHCIM.PM.0.0007'],
    ['PLR provider details query', () => v3.providerQueryRequest('IPC.00166847.BC.PRS'), ''],
  ];

  for (const [title, build, code] of V3_CASES) {
    it(`HL7v3 ${title}${code ? ` (${code})` : ''}`, async function () {
      if (typeof hl7v3 === 'string') this.skip();
      const message = build();
      const response = await fetch(`${sim.url}${message.path}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${message.soapAction}"` }, body: message.body });
      const body = await response.text();
      expect(response.status).to.equal(200);
      if (code) expect(body).to.contain(`code="${code}"`);
      const result = await (hl7v3 as Validator)(body, { strict: true, request: message.body });
      expect(problems(result), body).to.deep.equal([]);
    });
  }

  it('HL7v3 messages the simulator sends on its own (async results, PLR distributions)', async function () {
    if (typeof hl7v3 === 'string') this.skip();
    await sim.settled();
    await sim.distributeProvider('IPC.00166847.BC.PRS', { kind: 'add' });
    await sim.distributeProvider('IPC.00166848.BC.PRS', { kind: 'revise' });
    const sent = sink.received.filter((r) => r.body.startsWith('<?xml'));
    const roots = sent.map((r) => /<(HCIM_IN_\w+|PRPM_IN\d+CA)/.exec(r.body)?.[1]).sort();
    expect(roots).to.include.members(['HCIM_IN_PersonRevisedAccepted', 'HCIM_IN_PersonRevisedRejected', 'PRPM_IN301030CA', 'PRPM_IN303030CA']);
    for (const received of sent) expect(problems(await (hl7v3 as Validator)(received.body, { strict: true })), received.body).to.deep.equal([]);
  });

  const FHIR_CASES: [string, string, string, () => string | undefined, Record<string, string>?][] = [
    ['$GetDemographics', 'POST', '/hcim/fhir/Patient/$GetDemographics', () => getDemographicsBundle('9876543218')],
    ['$GetDemographics merged', 'POST', '/hcim/fhir/Patient/$GetDemographics', () => getDemographicsBundle('9877018352')],
    ['$GetDemographics masked', 'POST', '/hcim/fhir/Patient/$GetDemographics', () => getDemographicsBundle('9876859975')],
    ['$GetDemographics bad PHN', 'POST', '/hcim/fhir/Patient/$GetDemographics', () => getDemographicsBundle('9876543217')],
    ['$FindCandidates', 'POST', '/hcim/fhir/Patient/$FindCandidates', () => findCandidatesBundle('ASHWORTH', '1975-03-14')],
    ['$FindCandidates surname only (SCH.2.5107)', 'POST', '/hcim/fhir/Patient/$FindCandidates', () => findCandidatesBundle('ASHWORTH')],
    ['$AddPatient', 'POST', '/hcim/fhir/Patient/$AddPatient', () => patientBundle('add', { family: 'SELFVALIDFHIR', given: 'ADA', birthDate: '1990-05-05', gender: 'female' })],
    ['$AddPatient.Async', 'POST', '/hcim/fhir/Patient/$AddPatient.Async', () => patientBundle('add', { family: 'SELFVALIDFHIR', given: 'BEA', birthDate: '1991-05-05', gender: 'female' })],
    ['$RevisePatient', 'POST', '/hcim/fhir/Patient/$RevisePatient', () => patientBundle('revise', { family: 'ASHWORTH', given: 'THOMAS', birthDate: '1977-08-02', gender: 'male', phn: '9876780786' })],
    ['$RevisePatient.Async', 'POST', '/hcim/fhir/Patient/$RevisePatient.Async', () => patientBundle('revise', { family: 'ASHWORTH', given: 'THOMAS', birthDate: '1977-08-02', gender: 'male', phn: '9876780786' })],
    ['$MergePatient', 'POST', '/hcim/fhir/Patient/$MergePatient', () => mergeParameters('9877176374', '9877176002')],
    ['$MergePatient.Async', 'POST', '/hcim/fhir/Patient/$MergePatient.Async', () => mergeParameters('9877176747', '9877176002', randomUUID())],
    ['GET Patient?family&birthdate', 'GET', '/hcim/fhir/Patient?family=ASHWORTH&birthdate=1975-03-14', () => undefined],
    ['GET Patient?identifier', 'GET', '/hcim/fhir/Patient?identifier=https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id|9876543218', () => undefined],
    ['GET Patient/[phn]', 'GET', '/hcim/fhir/Patient/9876543218', () => undefined],
    ['GET Patient/[phn]/_history', 'GET', '/hcim/fhir/Patient/9876780786/_history', () => undefined],
    ['PLR Practitioner/[IPC]/$entityQuery', 'GET', '/plr/fhir/Practitioner/IPC.00166847.BC.PRS/$entityQuery', () => undefined, { accept: ACCEPT }],
    ['PLR Practitioner/$extendedQuery?given=PRIM*', 'GET', '/plr/fhir/Practitioner/$extendedQuery?given=PRIM*', () => undefined, { accept: ACCEPT }],
    ['PLR two wildcards (7018)', 'GET', '/plr/fhir/Practitioner/$entityQuery?given=P*M*', () => undefined, { accept: ACCEPT }],
    ['PLR no records (7047)', 'GET', '/plr/fhir/Practitioner/$entityQuery?family=NOBODY', () => undefined, { accept: ACCEPT }],
    ['PLR Organization/$entityQuery', 'GET', '/plr/fhir/Organization/$entityQuery?name=VICTORIA*', () => undefined, { accept: ACCEPT }],
    ['PLR Location/[IFC]/$entityQuery', 'GET', '/plr/fhir/Location/IFC.00047423.BC.PRS/$entityQuery', () => undefined, { accept: ACCEPT }],
    ['PLR $maintain', 'POST', '/plr/fhir/$maintain', () => JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Practitioner', identifier: [{ system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc', value: 'IPC.00888888.BC.PRS' }], name: [{ family: 'SELF', given: ['VALID'] }] }, request: { method: 'POST', url: 'Practitioner' } }] }), { accept: ACCEPT }],
    ['PLR 401 without token', 'GET', '/plr/fhir/Practitioner/$entityQuery?family=TEN', () => undefined, { accept: ACCEPT, authorization: '' }],
  ];

  for (const [title, method, path, body, headers] of FHIR_CASES) {
    it(`FHIR ${title}`, async function () {
      if (typeof fhir === 'string') this.skip();
      const auth: Record<string, string> = path.startsWith('/plr/') && headers?.authorization === undefined ? { authorization: bearer } : {};
      const response = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/fhir+json', ...auth, ...(headers ?? {}) }, body: body() ?? null });
      const text = await response.text();
      const result = await (fhir as Validator)(text, { strict: true });
      expect(problems(result), text.slice(0, 3000)).to.deep.equal([]);
    });
  }

  it('FHIR messages the simulator sends on its own (async results, distributions, PLR $distribution)', async function () {
    if (typeof fhir === 'string') this.skip();
    await sim.distributeProvider('IPC.00166847.BC.PRS', { format: 'fhir', kind: 'revise' });
    await fetch(`${sim.url}/admin/hcim/distribute?event=DEATH&phn=9876939162`, { method: 'POST' });
    await sim.settled();
    const sent = sink.received.filter((r) => r.body.startsWith('{'));
    expect(sent.length).to.be.greaterThan(4);
    for (const received of sent) expect(problems(await (fhir as Validator)(received.body, { strict: true })), received.body.slice(0, 2000)).to.deep.equal([]);
  });
});
