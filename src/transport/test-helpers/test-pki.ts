import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** PEM/PKCS#12 material generated per test run with openssl; never committed. */
export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** PKCS#12 of the client, protected by `p12Passphrase`. */
  clientP12: string;
  p12Passphrase: string;
  /** Self-signed client certificate the CA never issued. */
  untrustedCert: string;
  untrustedKey: string;
  /** Client certificate issued by the CA whose validity has already ended. */
  expiredCert: string;
  expiredKey: string;
  read(file: string): Buffer;
}

/** Generate a throw-away CA, a server cert for 127.0.0.1/localhost and client certs. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'hie-pki-'));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=hie-conform test CA');
  writeFileSync(f('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const issue = (name: string, cn: string, days: string, ext?: string) => {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f(`${name}.pem`), '-days', days, ...(ext ? ['-extfile', f(ext)] : []));
  };
  issue('server', 'localhost', '2', 'server.ext');
  issue('client', 'partner-system', '2');
  // -days 0: notAfter == notBefore == now, so the certificate is expired a second later.
  issue('expired', 'expired-partner', '0');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('untrusted.key'), '-out', f('untrusted.pem'), '-days', '2', '-subj', '/CN=intruder');
  const p12Passphrase = 'test-p12-passphrase-7f3a';
  openssl('pkcs12', '-export', '-in', f('client.pem'), '-inkey', f('client.key'), '-out', f('client.p12'), '-passout', `pass:${p12Passphrase}`);
  return {
    dir,
    caCert: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
    clientP12: f('client.p12'),
    p12Passphrase,
    untrustedCert: f('untrusted.pem'),
    untrustedKey: f('untrusted.key'),
    expiredCert: f('expired.pem'),
    expiredKey: f('expired.key'),
    read: (file) => readFileSync(file),
  };
}
