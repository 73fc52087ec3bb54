import { expect } from 'chai';
import { CallbackListener } from './callback-listener.js';

async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/fhir+json' }) {
  return fetch(url, { method: 'POST', headers, body });
}

const idIs = (id: string) => (exchange: { request: { body?: string } }) => JSON.parse(exchange.request.body ?? '{}').id === id;

describe('transport/callback-listener', () => {
  let listener: CallbackListener;
  beforeEach(async () => {
    listener = await CallbackListener.start({ host: '127.0.0.1', port: 0, maxBodyBytes: 1024 });
  });
  afterEach(async () => listener.close());

  it('hands a later message to the waiter whose predicate accepts it, and leaves others for later steps', async () => {
    const waiting = listener.waitFor(idIs('b'), { timeoutMs: 2000 });
    const replyA = await post(listener.url, '{"id":"a"}');
    const replyB = await post(listener.url, '{"id":"b"}');
    expect(replyA.status).to.equal(202);
    expect(replyB.status).to.equal(202);
    const got = await waiting;
    expect(JSON.parse(got!.request.body!).id).to.equal('b');
    expect(got!.direction).to.equal('incoming');
    // "a" arrived before anyone wanted it: it is kept, not lost.
    const early = await listener.waitFor(idIs('a'), { timeoutMs: 50 });
    expect(JSON.parse(early!.request.body!).id).to.equal('a');
    expect(listener.received).to.have.length(2);
  });

  it('gives each message to one waiter only', async () => {
    const first = listener.waitFor(idIs('x'), { timeoutMs: 500 });
    const second = listener.waitFor(idIs('x'), { timeoutMs: 300 });
    await post(listener.url, '{"id":"x"}');
    const results = await Promise.all([first, second]);
    expect(results.filter(Boolean)).to.have.length(1);
  });

  it('resolves undefined on timeout and on abort', async () => {
    expect(await listener.waitFor(() => true, { timeoutMs: 30 })).to.equal(undefined);
    const controller = new AbortController();
    const waiting = listener.waitFor(() => true, { timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    expect(await waiting).to.equal(undefined);
  });

  it('answers SOAP senders with an envelope, refuses bodies over the cap, and redacts Authorization', async () => {
    const soap = await post(listener.url, '<Envelope/>', { 'content-type': 'text/xml', soapaction: 'urn:hl7-org:v3/PRPA_IN101201', authorization: 'Bearer s3cret-token' });
    expect(soap.status).to.equal(200);
    expect(await soap.text()).to.contain('Envelope');
    const big = await post(listener.url, 'x'.repeat(4096));
    expect(big.status).to.equal(413);
    expect(JSON.stringify(listener.received)).not.to.contain('s3cret-token');
    expect(listener.received[1]!.failure?.code).to.equal('BODY_TOO_LARGE');
  });

  it('reports a taken port as ERR_CALLBACK_LISTEN', async () => {
    const port = Number(new URL(listener.url).port);
    try {
      await CallbackListener.start({ host: '127.0.0.1', port, maxBodyBytes: 1024 });
      expect.fail('second listener on the same port started');
    } catch (error) {
      expect((error as { code?: string }).code).to.equal('ERR_CALLBACK_LISTEN');
    }
  });
});
