import { expect } from 'chai';
import type { TLSSocket } from 'node:tls';
import { loadClientTls } from './client-tls.js';
import { sendHttp } from './http.js';
import { createTestPki, type TestPki } from './test-helpers/test-pki.js';
import { startTestServer } from './test-helpers/test-server.js';

describe('transport: mutual TLS', function () {
  this.timeout(30_000);
  let pki: TestPki;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  before(async () => {
    pki = createTestPki();
    server = await startTestServer(
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        res.end(`hello ${peer.subject?.CN}`);
      },
      { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey), ca: pki.read(pki.caCert), requestCert: true, rejectUnauthorized: true },
    );
    // The expired certificate's validity ended at issue time; make sure a second has passed.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });
  after(async () => server?.close());

  const send = (tls: ReturnType<typeof loadClientTls>) => sendHttp({ method: 'GET', url: server.url, headers: {}, timeoutMs: 5000, maxBodyBytes: 1024, tls }, { stepId: 's', protocol: 'soap' });

  it('authenticates with a PEM certificate and key', async () => {
    const exchange = await send(loadClientTls({ cert: pki.clientCert, key: pki.clientKey, ca: pki.caCert }));
    expect(exchange.failure).to.equal(undefined);
    expect(exchange.response?.body).to.equal('hello partner-system');
  });

  it('authenticates with a PKCS#12 bundle whose passphrase comes from an env var', async () => {
    const tls = loadClientTls({ cert: pki.clientP12, ca: pki.caCert, passphraseEnv: 'TEST_P12_PASS' }, { TEST_P12_PASS: pki.p12Passphrase });
    const exchange = await send(tls);
    expect(exchange.failure).to.equal(undefined);
    expect(exchange.response?.body).to.equal('hello partner-system');
  });

  it('a missing passphrase env var is a configuration error naming the variable', () => {
    expect(() => loadClientTls({ cert: pki.clientP12, passphraseEnv: 'NOT_SET_ANYWHERE' }, {})).to.throw(/NOT_SET_ANYWHERE/);
  });

  it('no client certificate → TLS failure naming the reason', async () => {
    const exchange = await send(loadClientTls({ ca: pki.caCert }));
    expect(exchange.failure?.code).to.equal('TLS');
    expect(exchange.failure?.message).to.contain('certificate required');
    expect(exchange.response).to.equal(undefined);
  });

  it('an untrusted client certificate is refused (TLS, not a response)', async () => {
    const exchange = await send(loadClientTls({ cert: pki.untrustedCert, key: pki.untrustedKey, ca: pki.caCert }));
    expect(exchange.response).to.equal(undefined);
    expect(exchange.failure?.code).to.be.oneOf(['TLS', 'OTHER']);
  });

  it('an expired client certificate is refused', async () => {
    const exchange = await send(loadClientTls({ cert: pki.expiredCert, key: pki.expiredKey, ca: pki.caCert }));
    expect(exchange.response).to.equal(undefined);
    expect(exchange.failure?.code).to.equal('TLS');
    expect(exchange.failure?.message).to.match(/the certificate expired on \d{4}-/);
  });

  it('a server the CA bundle does not vouch for is a TLS failure with the reason', async () => {
    const exchange = await send(loadClientTls({ cert: pki.clientCert, key: pki.clientKey }));
    expect(exchange.failure?.code).to.equal('TLS');
    expect(exchange.failure?.message).to.match(/self[- ]signed|unable to (get|verify)/i);
  });

  it('a server name that does not match the certificate is a TLS failure', async () => {
    const exchange = await send(loadClientTls({ cert: pki.clientCert, key: pki.clientKey, ca: pki.caCert, servername: 'hcim.example.org' }));
    expect(exchange.failure?.code).to.equal('TLS');
    expect(exchange.failure?.message).to.match(/altname|hostname|does not match/i);
  });
});
