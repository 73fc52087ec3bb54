import { expect } from 'chai';
import { createSimulator, type Simulator } from '../simulator-server.js';
import { outcomeCodes, postFhir } from '../test-support/fhir-requests.js';

const ACCEPT = 'application/fhir+json;fhirVersion=4.0;BCPLRVersion=1';

describe('simulator PLR FHIR', () => {
  let sim: Simulator;
  let headers: Record<string, string>;
  const get = async (path: string, h = headers) => {
    const response = await fetch(`${sim.url}/plr/fhir${path}`, { headers: h });
    return { status: response.status, json: await response.json(), headers: response.headers };
  };
  beforeEach(async () => {
    sim = await createSimulator({ oauth: { clientId: 'client-a', clientSecret: 'secret-a' } });
    const token = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=client-a&client_secret=secret-a' });
    expect(token.status).to.equal(200);
    headers = { authorization: `Bearer ${(await token.json()).access_token}`, accept: ACCEPT };
  });
  afterEach(() => sim.close());

  it('the token endpoint rejects wrong client credentials and other grants', async () => {
    const wrong = await fetch(`${sim.url}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials&client_id=client-a&client_secret=nope' });
    expect(wrong.status).to.equal(401);
    expect((await wrong.json()).error).to.equal('invalid_client');
    const basic = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('client-a:secret-a').toString('base64')}` }, body: 'grant_type=client_credentials' });
    expect(basic.status).to.equal(200);
    expect((await fetch(`${sim.url}/oauth/token`, { method: 'POST', body: 'grant_type=password' })).status).to.equal(400);
  });

  it('no or a bad bearer token → 401 with WWW-Authenticate: Bearer; a wrong Accept → 406', async () => {
    const none = await get('/Practitioner/$entityQuery?family=TEN', { accept: ACCEPT });
    expect(none.status).to.equal(401);
    expect(none.headers.get('www-authenticate')).to.match(/^Bearer/);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { accept: ACCEPT, authorization: 'Bearer forged' })).status).to.equal(401);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { ...headers, accept: 'application/fhir+json' })).status).to.equal(406);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { ...headers, accept: 'application/fhir+json; fhirVersion=4; BCPLRVersion=1' })).status).to.equal(200);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { ...headers, accept: 'application/fhir+json;fhirVersion=4.0;BCPLRVersion=2' })).status).to.equal(406);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { ...headers, accept: 'application/fhir+json;fhirVersion=5.0;BCPLRVersion=1' })).status).to.equal(406);
    expect((await get('/Practitioner/$entityQuery?family=TEN', { ...headers, accept: 'application/fhir+json;BCPLRVersion=1;fhirVersion=4.0' })).status).to.equal(406);
  });

  it('$entityQuery by IPC answers a searchset: entry[0] OperationOutcome (outcome), then a practitioner collection', async () => {
    const { status, json } = await get('/Practitioner/IPC.00166847.BC.PRS/$entityQuery');
    expect(status).to.equal(200);
    expect(json.type).to.equal('searchset');
    expect(json.entry[0].search.mode).to.equal('outcome');
    expect(outcomeCodes(json.entry[0].resource)).to.deep.equal(['PRS.PRP.MTN.UNK.0.0.7067']);
    expect(json.entry[1].resource.type).to.equal('collection');
    expect(json.entry[1].resource.entry[0].resource.id).to.equal('IPC.00166847.BC.PRS');
  });

  it('parameters: identifier system|value, one trailing wildcard; two wildcards → 7018; nothing → 7047 warning', async () => {
    const byCollege = await get(`/Practitioner/$entityQuery?identifier=${encodeURIComponent('https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-physician|20101')}`);
    expect(byCollege.json.total).to.equal(1);
    const wildcard = await get('/Practitioner/$entityQuery?given=PRIM*&family=TEN');
    expect(wildcard.json.total).to.equal(1);
    const many = await get('/Practitioner/$extendedQuery?given=PRIM*');
    expect(many.json.total).to.be.greaterThan(10);
    const two = await get('/Practitioner/$entityQuery?given=P*M*');
    expect(outcomeCodes(two.json)).to.deep.equal(['GRS.DPS.UNK.UNK.0.0.7018']);
    const none = await get('/Practitioner/$entityQuery?family=NOBODY');
    expect(none.json.entry[0].resource.issue[0].severity).to.equal('warning');
    expect(outcomeCodes(none.json)).to.deep.equal(['GRS.DPS.UNK.UNK.0.0.7047']);
    expect((await get('/Location/IFC.00047423.BC.PRS/$entityQuery')).json.total).to.equal(1);
    expect((await get('/Organization/$entityQuery?name=VICTORIA*')).json.total).to.equal(1);
  });

  it('$maintain keeps the CPN, licence, gender and birth date of the Practitioner it receives', async () => {
    const practitioner = {
      resourceType: 'Practitioner',
      identifier: [
        { system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc', value: 'IPC.00999998.BC.PRS' },
        { system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-common-party-number', value: 'CPN.00999998.BC.PRS' },
        { system: 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-nurse', value: '77001' },
        { system: 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-physician', value: '' },
      ],
      name: [{ family: 'KEPT', given: ['ALL'] }],
      gender: 'female',
      birthDate: '1980-02-29',
    };
    const transaction = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: practitioner, request: { method: 'POST', url: 'Practitioner' } }] };
    expect((await postFhir(`${sim.url}/plr/fhir/$maintain`, JSON.stringify(transaction), headers)).json.entry[0].response.status).to.equal('201 Created');
    const byLicence = await get(`/Practitioner/$entityQuery?identifier=${encodeURIComponent('https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-license-nurse|77001')}`);
    expect(byLicence.json.total).to.equal(1);
    const kept = byLicence.json.entry[1].resource.entry[0].resource;
    expect(kept.identifier.map((i: { value: string }) => i.value)).to.deep.equal(['IPC.00999998.BC.PRS', 'CPN.00999998.BC.PRS', '77001']);
    expect([kept.gender, kept.birthDate]).to.deep.equal(['female', '1980-02-29']);
  });

  it('$maintain answers a transaction-response with PRS.PRP.MTN.UNK.0.0.0000; $batch one per transaction', async () => {
    const practitioner = { resourceType: 'Practitioner', identifier: [{ system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc', value: 'IPC.00999999.BC.PRS' }], name: [{ family: 'MAINTAINED', given: ['NEW'] }] };
    const transaction = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: practitioner, request: { method: 'POST', url: 'Practitioner' } }] };
    const maintain = await postFhir(`${sim.url}/plr/fhir/$maintain`, JSON.stringify(transaction), headers);
    expect(maintain.json.type).to.equal('transaction-response');
    expect(maintain.json.entry[0].response.status).to.equal('201 Created');
    expect(outcomeCodes(maintain.json)).to.deep.equal(['PRS.PRP.MTN.UNK.0.0.0000']);
    const maintained = await get('/Practitioner/IPC.00999999.BC.PRS/$entityQuery');
    expect(maintained.json.total).to.equal(1);
    const created = maintained.json.entry[1].resource.entry[0].resource;
    expect(created.identifier).to.deep.equal([{ system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc', value: 'IPC.00999999.BC.PRS' }]);
    expect(created.name).to.deep.equal([{ use: 'official', family: 'MAINTAINED', given: ['NEW'] }]);
    expect(maintained.json.entry[1].resource.entry[1].resource).to.not.have.property('code');
    const batch = await postFhir(`${sim.url}/plr/fhir/$batch`, JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: transaction }, { resource: { resourceType: 'Patient' } }] }), headers);
    expect(batch.json.type).to.equal('batch-response');
    expect(batch.json.entry.map((e: any) => e.response.status)).to.deep.equal(['200 OK', '400 Bad Request']);
    expect((await postFhir(`${sim.url}/plr/fhir/$maintain`, JSON.stringify({ resourceType: 'Bundle', type: 'batch' }), headers)).status).to.equal(400);
  });
});
