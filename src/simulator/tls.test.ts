import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSimulator, type Simulator } from './simulator-server.js';

/** A throwaway CA, a server cert for 127.0.0.1 and two client certs (one from another CA), made with openssl. */
function makePki(dir: string): Record<string, Buffer> {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ca = (name: string) => run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '1', '-subj', `/CN=${name}`);
  const leaf = (name: string, issuer: string, ext: string) => {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', ext);
  };
  ca('ca');
  ca('rogue-ca');
  execFileSync('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.1\\n" > server.ext; printf "extendedKeyUsage=clientAuth\\n" > client.ext'], { cwd: dir });
  leaf('server', 'ca', 'server.ext');
  leaf('client', 'ca', 'client.ext');
  leaf('rogue', 'rogue-ca', 'client.ext');
  const out: Record<string, Buffer> = {};
  for (const name of ['ca', 'server', 'client', 'rogue']) {
    out[`${name}.crt`] = readFileSync(path.join(dir, `${name}.crt`));
    out[`${name}.key`] = readFileSync(path.join(dir, `${name}.key`));
  }
  return out;
}

function get(url: string, options: https.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, options, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error('timeout')));
  });
}

describe('simulator mutual TLS', function () {
  this.timeout(60_000);
  let dir: string;
  let pki: Record<string, Buffer>;
  let sim: Simulator;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hie-conform-tls-'));
    pki = makePki(dir);
    sim = await createSimulator({ tls: { cert: pki['server.crt']!, key: pki['server.key']!, ca: pki['ca.crt']! } });
  });
  after(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers over https to a client whose certificate chains to the CA', async () => {
    expect(sim.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${sim.url}/`, { ca: pki['ca.crt'], cert: pki['client.crt'], key: pki['client.key'] })).to.equal(200);
  });

  it('rejects a client without a certificate and one from an unknown CA during the handshake', async () => {
    for (const options of [{ ca: pki['ca.crt'] }, { ca: pki['ca.crt'], cert: pki['rogue.crt'], key: pki['rogue.key'] }]) {
      let failed = false;
      try {
        await get(`${sim.url}/`, options);
      } catch {
        failed = true;
      }
      expect(failed, JSON.stringify(Object.keys(options))).to.equal(true);
    }
  });
});
