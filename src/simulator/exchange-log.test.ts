import { expect } from 'chai';
import type { Exchange } from '../transport/exchange.js';
import { ExchangeLog, type AnsweredRequest } from './exchange-log.js';

const STARTED = Date.parse('2026-11-23T10:15:00.123Z');

function answered(n: number, overrides: Partial<Omit<AnsweredRequest, 'responseLength'>> = {}): AnsweredRequest {
  const request: Omit<AnsweredRequest, 'responseLength'> = {
    method: 'POST',
    url: `/hcim/QUPA_AR101102.asmx?n=${n}`,
    requestHeaders: { host: '127.0.0.1:1', 'content-type': 'text/xml', authorization: 'Bearer s3cret', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' },
    requestBytes: Buffer.from(`<request n="${n}">é</request>`),
    status: 200,
    responseHeaders: { 'Content-Type': 'text/xml; charset=utf-8' },
    responseBody: `<answer n="${n}">ü</answer>`,
    protocol: 'soap',
    startedAt: STARTED + n,
    durationMs: 1.25,
    ...overrides,
  };
  return { ...request, responseLength: Buffer.byteLength(request.responseBody) };
}

function failure(id: string): Exchange {
  return { id, stepId: '', direction: 'outgoing', protocol: 'http', request: { method: 'POST', url: 'http://127.0.0.1:9/cb', headers: {} }, failure: { code: 'ECONNREFUSED', message: 'refused' }, startedAt: new Date(STARTED).toISOString(), durationMs: 2 };
}

const ids = (log: ExchangeLog) => log.exchanges().map((exchange) => exchange.id);

describe('ExchangeLog', () => {
  it('gives an answered request back as the Exchange it was (secrets redacted, names lower-cased)', () => {
    const log = new ExchangeLog(10);
    log.answered(7, answered(7));
    expect(log.exchanges()).to.deep.equal([
      {
        id: 'in7',
        stepId: '',
        direction: 'incoming',
        protocol: 'soap',
        request: { method: 'POST', url: '/hcim/QUPA_AR101102.asmx?n=7', headers: { host: '127.0.0.1:1', 'content-type': 'text/xml', authorization: '[redacted]', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' }, body: '<request n="7">é</request>' },
        response: { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: '<answer n="7">ü</answer>' },
        startedAt: '2026-11-23T10:15:00.130Z',
        durationMs: 1.25,
      },
    ]);
    expect(JSON.stringify(log.exchanges())).to.not.contain('s3cret');
  });

  it('keeps packed and object entries in order and builds each Exchange once', () => {
    const log = new ExchangeLog(10);
    log.answered(1, answered(1));
    log.add(failure('out2'));
    log.answered(3, answered(3, { protocol: 'fhir', status: 201, responseHeaders: {}, responseBody: '' }));
    expect(ids(log)).to.deep.equal(['in1', 'out2', 'in3']);
    const [first, , third] = log.exchanges();
    expect(log.exchanges()[0]).to.equal(first);
    expect(third).to.include({ protocol: 'fhir' });
    expect(third!.response).to.deep.equal({ status: 201, headers: {}, body: '' });
  });

  it('drops the oldest entries past the limit', () => {
    const log = new ExchangeLog(3);
    for (let n = 1; n <= 5; n++) log.answered(n, answered(n));
    log.add(failure('out6'));
    expect(ids(log)).to.deep.equal(['in4', 'in5', 'out6']);
    expect(log.size).to.equal(3);
    expect(log.exchanges()[0]!.request.body).to.equal('<request n="4">é</request>');
  });

  it('drops the oldest packed entries whose bytes the ring needs, and never returns overwritten bytes', () => {
    // 2,000 bytes of ring, entries of about 300: the ring wraps several times.
    const log = new ExchangeLog(100, 2000);
    const body = (n: number) => `<answer n="${n}">${'x'.repeat(100)}</answer>`;
    for (let n = 1; n <= 40; n++) log.answered(n, answered(n, { responseBody: body(n) }));
    const kept = log.exchanges();
    expect(kept.length).to.be.within(4, 7);
    expect(kept.at(-1)!.id).to.equal('in40');
    for (const exchange of kept) {
      const n = Number(exchange.id.slice(2));
      expect(exchange.request.body).to.equal(`<request n="${n}">é</request>`);
      expect(exchange.response!.body).to.equal(body(n));
      expect(exchange.request.url).to.equal(`/hcim/QUPA_AR101102.asmx?n=${n}`);
    }
    // Consecutive numbers: only the oldest go.
    expect(kept.map((exchange) => Number(exchange.id.slice(2)))).to.deep.equal(Array.from({ length: kept.length }, (_, i) => 41 - kept.length + i));
  });

  it('keeps an entry too big for the ring as an object, whole', () => {
    const log = new ExchangeLog(10, 1000);
    const big = 'y'.repeat(5000);
    log.answered(1, answered(1, { responseBody: big }));
    log.answered(2, answered(2));
    const [first, second] = log.exchanges();
    expect(first!.response!.body).to.equal(big);
    expect(first!.request.headers.authorization).to.equal('[redacted]');
    expect(second!.request.body).to.equal('<request n="2">é</request>');
  });

  it('decodes invalid UTF-8 as U+FFFD and keeps a header value with a line feed on one line', () => {
    const log = new ExchangeLog(10);
    log.answered(1, answered(1, { requestBytes: Buffer.from([0x3c, 0x61, 0xff, 0x3e]), responseHeaders: { 'x-note': 'a\nb' } }));
    const [exchange] = log.exchanges();
    expect(exchange!.request.body).to.equal('<a\uFFFD>');
    expect(exchange!.response!.headers).to.deep.equal({ 'x-note': 'a b' });
  });

  it('keeps nothing with a limit of 0', () => {
    const log = new ExchangeLog(0);
    log.answered(1, answered(1));
    log.add(failure('out2'));
    expect(log.exchanges()).to.deep.equal([]);
  });
});
