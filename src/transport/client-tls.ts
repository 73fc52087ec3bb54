import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HarnessError } from '../core/errors.js';
import type { ClientTls } from './http.js';

/**
 * Read mutual-TLS material once: PEM cert + key, or a PKCS#12 bundle (`.p12`/`.pfx`) given as the
 * cert; the passphrase comes from the named env var only, so it never sits in a config file.
 */
export function loadClientTls(options: { cert?: string; key?: string; ca?: string; passphraseEnv?: string; servername?: string } | undefined, env: NodeJS.ProcessEnv = process.env): ClientTls | undefined {
  if (!options) return undefined;
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new HarnessError('ERR_FILE_NOT_FOUND', `${what} file cannot be read: ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  let passphrase: string | undefined;
  if (options.passphraseEnv) {
    passphrase = env[options.passphraseEnv];
    if (passphrase === undefined) throw new HarnessError('ERR_CONFIG', `--passphrase-env names ${options.passphraseEnv}, but that environment variable is not set`);
  }
  const tls: ClientTls = { passphrase, servername: options.servername };
  if (options.cert) {
    if (/\.(p12|pfx)$/i.test(options.cert)) tls.pfx = read(options.cert, '--cert (PKCS#12)');
    else {
      tls.cert = read(options.cert, '--cert');
      if (!options.key) throw new HarnessError('ERR_USAGE', '--cert with a PEM certificate needs --key');
      tls.key = read(options.key, '--key');
    }
  }
  if (options.ca) tls.ca = read(options.ca, '--ca');
  if (tls.cert) tls.certificateProblem = certificateProblem(tls.cert);
  return tls;
}

/** Spot an expired or not-yet-valid PEM certificate, so a refusal can say why. */
function certificateProblem(pem: Buffer, now = new Date()): string | undefined {
  try {
    const certificate = new X509Certificate(pem);
    if (new Date(certificate.validTo) < now) return `expired on ${new Date(certificate.validTo).toISOString()}`;
    if (new Date(certificate.validFrom) > now) return `is not valid before ${new Date(certificate.validFrom).toISOString()}`;
  } catch {
    return 'is not a readable PEM certificate';
  }
  return undefined;
}
