import net from 'node:net';
import { expect } from 'chai';
import type { Exchange } from '../transport/exchange.js';
import { createSimulator, type Simulator } from './simulator-server.js';
import { getDemographicsRequest } from './test-support/hcim-v3-requests.js';

/**
 * Sends raw bytes on one loopback connection; resolves with everything the server answered before
 * closing. `halfClose: false` keeps the sending side open (Node's HTTP server drops the answer to a
 * request whose client half-closed before it was ready, as nginx does with its 499).
 */
function raw(port: number, text: string | Buffer, halfClose = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => (halfClose ? socket.end(text) : socket.write(text)));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
  });
}

describe('simulator server: request targets', () => {
  let sim: Simulator;
  before(async () => {
    sim = await createSimulator();
  });
  after(async () => {
    await sim?.close();
  });

  it('answers a target the URL parser rejects with 400, records it, and goes on serving', async () => {
    const answer = await raw(sim.port, 'GET //[x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(answer).to.match(/^HTTP\/1\.1 400 /);
    expect(answer).to.include('request target is not a valid URL: //[x');
    const recorded = sim.exchanges.at(-1)!;
    expect(recorded.request?.url).to.equal('//[x');
    expect(recorded.response?.status).to.equal(400);
    const next = await raw(sim.port, 'GET /hcim/QUPA_AR101102.asmx?wsdl HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(next).to.match(/^HTTP\/1\.1 200 /);
  });
});

describe('simulator server: recorded bodies', () => {
  let sim: Simulator;
  before(async () => {
    sim = await createSimulator({ recordLimit: 5 });
  });
  after(async () => {
    await sim?.close();
  });

  it('records each body as sent over the wire; read, serialised and spread as a plain string', async () => {
    const body = '{"resourceType":"Parameters","parameter":[{"name":"x","valueString":"MÜLLER 李"}]}';
    const reply = await fetch(`${sim.url}/hcim/fhir/Patient/$GetDemographics`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: 'Bearer secret-token' }, body });
    const replyText = await reply.text();
    const recorded = sim.exchanges.at(-1)!;
    expect(recorded.request.body).to.equal(body);
    expect(recorded.response?.body).to.equal(replyText);
    expect(recorded.response?.headers['content-length']).to.equal(undefined, 'the recorded headers are the answer headers, without the computed length');
    expect(recorded.request.headers.authorization).to.not.contain('secret-token');
    // Reports serialise exchanges and the run copies them with spreads: the body must survive both.
    const copy = JSON.parse(JSON.stringify({ ...recorded, request: { ...recorded.request }, response: { ...recorded.response } }));
    expect(copy.request.body).to.equal(body);
    expect(copy.response.body).to.equal(replyText);
    expect(Object.keys(recorded.request)).to.deep.equal(['method', 'url', 'headers', 'body']);
  });

  it('decodes bytes that are not UTF-8 with replacement characters, as the handlers saw them', async () => {
    const body = Buffer.concat([Buffer.from('<x>'), Buffer.from([0xff, 0xfe]), Buffer.from('</x>')]);
    const head = `POST /hcim/QUPA_AR101102.asmx HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const answer = await raw(sim.port, Buffer.concat([Buffer.from(head), body]), false);
    expect(answer).to.match(/^HTTP\/1\.1 /);
    const recorded = sim.exchanges.at(-1)!;
    expect(recorded.request.body).to.equal('<x>\uFFFD\uFFFD</x>');
  });

  it('records a request whose client closed its side before the answer (no answer is sent then)', async () => {
    // The answer is held back (latency fault) until the server has surely seen the client's close:
    // without it, which comes first depends on the machine's load. Faults apply to an interaction,
    // so the request is a real GetDemographics.
    const slow = await createSimulator({ faults: ['*=latency:300'] });
    const request = getDemographicsRequest('9876543218');
    const body = request.body;
    let answer: string;
    let recorded: Exchange;
    try {
      answer = await raw(slow.port, `POST ${request.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nSOAPAction: "${request.soapAction}"\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      recorded = slow.exchanges.at(-1)!;
    } finally {
      await slow.close();
    }
    expect(answer).to.equal('');
    expect(recorded.request.url).to.equal('/hcim/QUPA_AR101102.asmx');
    expect(recorded.request.body).to.equal(body);
    expect(recorded.protocol).to.equal('soap');
    expect(recorded.failure?.code).to.equal('ABORTED');
    expect(recorded.response).to.equal(undefined);
  });

  it('records a request whose client went away in the middle of its body', async () => {
    await raw(sim.port, 'POST /plr/fhir/Practitioner/$entityQuery HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\nAuthorization: Bearer top-secret\r\nContent-Length: 100\r\n\r\n{"resourceType":');
    // The close reaches the server a moment after the client sees its own end.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const recorded = sim.exchanges.at(-1)!;
    expect(recorded.request.url).to.equal('/plr/fhir/Practitioner/$entityQuery');
    expect(recorded.request.body).to.equal('{"resourceType":');
    expect(recorded.request.headers.authorization).to.not.contain('top-secret');
    expect(recorded.protocol).to.equal('fhir');
    expect(recorded.failure?.code).to.equal('ABORTED');
  });
});
