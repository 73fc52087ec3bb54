import { expect } from 'chai';
import net from 'node:net';
import { sendHttp } from './http.js';
import { REDACTED } from './redact.js';
import { startTestServer } from './test-helpers/test-server.js';

const base = { method: 'GET', headers: {}, timeoutMs: 2000, maxBodyBytes: 1024 * 1024 };
const meta = { stepId: 's', protocol: 'http' as const };

describe('transport/http', () => {
  it('records request and response, redacting secret headers both ways', async () => {
    const server = await startTestServer((_req, res) => {
      res.setHeader('set-cookie', 'session=abc123');
      res.setHeader('content-type', 'text/plain');
      res.end('hello');
    });
    try {
      const exchange = await sendHttp({ ...base, url: `${server.url}/x`, headers: { Authorization: 'Bearer s3cr3t-token', Cookie: 'a=b', 'X-Trace': '1' } }, meta);
      expect(exchange.failure).to.equal(undefined);
      expect(exchange.response?.status).to.equal(200);
      expect(exchange.response?.body).to.equal('hello');
      expect(exchange.request.headers.authorization).to.equal(REDACTED);
      expect(exchange.request.headers.cookie).to.equal(REDACTED);
      expect(exchange.request.headers['x-trace']).to.equal('1');
      expect(exchange.response?.headers['set-cookie']).to.equal(REDACTED);
      expect(JSON.stringify(exchange)).to.not.contain('s3cr3t-token').and.not.contain('abc123');
      // The real header still reached the server.
      expect(server.requests[0]!.headers.authorization).to.equal('Bearer s3cr3t-token');
    } finally {
      await server.close();
    }
  });

  it('a refused connection is a failure ECONNREFUSED, never a response', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const exchange = await sendHttp({ ...base, url: `http://127.0.0.1:${port}/` }, meta);
    expect(exchange.failure?.code).to.equal('ECONNREFUSED');
    expect(exchange.response).to.equal(undefined);
  });

  it('a slow-loris trickle hits the step timeout (ETIMEDOUT) and is cut off', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const started = Date.now();
      const exchange = await sendHttp({ ...base, url: server.url, timeoutMs: 400 }, meta);
      expect(exchange.failure?.code).to.equal('ETIMEDOUT');
      expect(exchange.failure?.message).to.contain('400 ms');
      expect(Date.now() - started).to.be.lessThan(2000);
    } finally {
      await server.close();
    }
  });

  it('a body over --max-body stops reading with BODY_TOO_LARGE and keeps only a prefix', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = () => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    try {
      const exchange = await sendHttp({ ...base, url: server.url, maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 }, meta);
      expect(exchange.failure?.code).to.equal('BODY_TOO_LARGE');
      expect(exchange.response?.truncated).to.equal(true);
      expect(exchange.response!.body!.length).to.be.at.most(4096);
    } finally {
      await server.close();
    }
  });

  it('a connection dropped mid-body is a failure, not a short response', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '1000' });
      res.write('<partial');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const exchange = await sendHttp({ ...base, url: server.url }, meta);
      expect(exchange.failure).to.not.equal(undefined);
      expect(['OTHER']).to.include(exchange.failure!.code);
    } finally {
      await server.close();
    }
  });

  it('an aborted run aborts the request (ABORTED)', async () => {
    const server = await startTestServer(() => undefined);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const exchange = await sendHttp({ ...base, url: server.url, signal: controller.signal }, meta);
      expect(exchange.failure?.code).to.equal('ABORTED');
    } finally {
      await server.close();
    }
  });

  it('invalid UTF-8 in a body is decoded with replacement characters, never thrown', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]));
    });
    try {
      const exchange = await sendHttp({ ...base, url: server.url }, meta);
      expect(exchange.failure).to.equal(undefined);
      expect(exchange.response?.body).to.equal('<a>\uFFFD\uFFFD</a>');
    } finally {
      await server.close();
    }
  });
});
