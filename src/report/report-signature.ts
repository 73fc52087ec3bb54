import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HarnessError } from '../core/errors.js';
import type { Report } from '../run/report-schema.js';
import { canonicalJson } from './canonical-json.js';

/** The bytes a signature covers: the canonical JSON of the report without its `signature`. */
export function signedBytes(report: Readonly<Record<string, unknown>>): Buffer {
  const { signature: _signature, ...unsigned } = report;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
}

/** Read an Ed25519 private key (PEM, PKCS#8) for `run --sign-key`; throws ERR_USAGE when it is not one. */
export function loadSigningKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch (error) {
    throw new HarnessError('ERR_USAGE', `--sign-key ${file} is not a readable PEM private key: ${(error as Error).message}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new HarnessError('ERR_USAGE', `--sign-key ${file} is a ${key.asymmetricKeyType} key; an Ed25519 key is required (openssl genpkey -algorithm ed25519)`);
  return key;
}

/** Read an Ed25519 public key (PEM SPKI, or a private key whose public half is used) for `report --verify --pub`. */
export function loadVerifyKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(file));
  } catch (error) {
    throw new HarnessError('ERR_USAGE', `--pub ${file} is not a readable PEM public key: ${(error as Error).message}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new HarnessError('ERR_USAGE', `--pub ${file} is a ${key.asymmetricKeyType} key; an Ed25519 key is required`);
  return key;
}

/** A copy of `report` with an Ed25519 `signature` over its canonical JSON. */
export function signReport(report: Readonly<Report>, privateKey: KeyObject): Report {
  const unsigned = JSON.parse(JSON.stringify({ ...report, signature: undefined })) as Report;
  const value = sign(null, signedBytes(unsigned), privateKey).toString('base64');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { ...unsigned, signature: { algorithm: 'ed25519', publicKey, value } };
}

/**
 * Check a report's signature against a trusted public key. `report` is the JSON as read from disk
 * (not re-parsed through zod, so a member added after signing is detected too).
 */
export function checkSignature(report: Readonly<Record<string, unknown>>, publicKey: KeyObject): { ok: boolean; problem?: string } {
  const signature = report.signature as Report['signature'] | undefined;
  if (!signature) return { ok: false, problem: 'the report is not signed (run with --sign-key)' };
  if (signature.algorithm !== 'ed25519') return { ok: false, problem: `unsupported signature algorithm "${String(signature.algorithm)}"; expected "ed25519"` };
  let valid = false;
  try {
    valid = verify(null, signedBytes(report), publicKey, Buffer.from(signature.value, 'base64'));
  } catch (error) {
    return { ok: false, problem: `signature cannot be checked: ${(error as Error).message}` };
  }
  if (!valid) {
    const embedded = safePublicKey(signature.publicKey);
    const sameKey = embedded?.export({ type: 'spki', format: 'der' }).equals(publicKey.export({ type: 'spki', format: 'der' }));
    return { ok: false, problem: sameKey === false ? 'the report was signed with a different key than --pub' : 'signature does not match the report content (the report was modified after signing)' };
  }
  return { ok: true };
}

function safePublicKey(text: string): KeyObject | undefined {
  try {
    return text.includes('BEGIN') ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}
