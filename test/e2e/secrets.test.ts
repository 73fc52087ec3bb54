import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestPki } from '../../src/transport/test-helpers/test-pki.js';
import { startTestServer } from '../../src/transport/test-helpers/test-server.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const CLIENT_SECRET = 'client-secret-Zq8w2Lx';
const ACCESS_TOKEN = 'access-token-Hh71PpQ0vX';
const SUITE = `id: secrets
title: Secrets stay secret
cases:
  - id: bearer-and-mtls
    title: A FHIR call over mutual TLS with a bearer token
    steps:
      - id: entity-query
        kind: fhir
        auth: bearer
        url: \${plr-fhir}/Practitioner/$entityQuery?family=SMITH
        headers:
          Cookie: session=cookie-value-Kk2
        expect:
          - status: 200
          - fhirpath: "Bundle.type"
            equals: searchset
`;

describe('e2e: secrets never reach reports or logs', function () {
  this.timeout(60_000);

  it('mTLS (PKCS#12 + passphrase env), OAuth2 client-credentials and --debug leave no secret in any artefact', async () => {
    const pki = createTestPki();
    const server = await startTestServer(
      (req, res, body) => {
        if (req.url === '/token') {
          const ok = new URLSearchParams(body).get('client_secret') === CLIENT_SECRET;
          res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
          return void res.end(ok ? JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 300 }) : '{"error":"invalid_client"}');
        }
        if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
          res.writeHead(401, { 'www-authenticate': 'Bearer' });
          return void res.end();
        }
        res.writeHead(200, { 'content-type': 'application/fhir+json', 'set-cookie': 'server-session=set-cookie-value-J9' });
        res.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] }));
      },
      { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey), ca: pki.read(pki.caCert), requestCert: true, rejectUnauthorized: true },
    );
    try {
      const cwd = tempProject({ 'suite.yaml': SUITE });
      const result = await runCli(
        ['run', 'suite.yaml', '--target-url', server.url, '--ca', pki.caCert, '--cert', pki.clientP12, '--passphrase-env', 'P12_PASS', '--token-url', `${server.url}/token`, '--client-id', 'partner', '--client-secret-env', 'PLR_SECRET', '--debug', '--reporter', 'console,json,junit'],
        { cwd, env: { P12_PASS: pki.p12Passphrase, PLR_SECRET: CLIENT_SECRET } },
      );
      expect(result.code, result.stderr + result.stdout).to.equal(0);
      expect(result.report.stats.passed).to.equal(1);
      const exchange = result.report.suites[0].cases[0].steps[0].exchanges[0];
      expect(exchange.request.headers.authorization).to.equal('[redacted]');
      expect(exchange.request.headers.cookie).to.equal('[redacted]');
      expect(exchange.response.headers['set-cookie']).to.equal('[redacted]');
      expect(result.report.target.tls).to.deep.equal({ clientCertificate: true, ca: true });
      expect(result.report.target.oauth).to.deep.equal({ tokenUrl: `${server.url}/token`, clientId: 'partner' });
      expect(result.stderr).to.contain('[debug]');
      const artefacts = readdirSync(path.join(cwd, 'reports')).map((name) => readFileSync(path.join(cwd, 'reports', name), 'utf8'));
      for (const text of [...artefacts, result.stdout, result.stderr]) {
        for (const secret of [CLIENT_SECRET, ACCESS_TOKEN, pki.p12Passphrase, 'cookie-value-Kk2', 'set-cookie-value-J9']) {
          expect(text, `leaked ${secret}`).to.not.contain(secret);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('--mask-phi masks PHNs and names in report.json and on the console', async () => {
    const result = await runCli(['run', '--grep', 'gd-by-phn', '--mask-phi']);
    expect(result.code).to.equal(0);
    const text = readFileSync(path.join(result.cwd, 'reports', 'report.json'), 'utf8');
    expect(text).to.not.contain('9876543218');
    expect(text).to.not.contain('ASHWORTH');
    expect(text).to.contain('98******18');
    expect(result.stdout).to.not.contain('9876543218');
  });
});
