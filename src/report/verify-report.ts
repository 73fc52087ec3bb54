import { createHash, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSignature } from './report-signature.js';

/** One evidence file checked against the hash recorded in the report. */
export interface EvidenceCheck {
  path: string;
  kind: 'suite' | 'file';
  status: 'same' | 'changed' | 'not-found';
  expected: string;
  actual?: string;
  /** Where it was found on disk. */
  resolved?: string;
}

/** The outcome of `report --verify`. */
export interface Verification {
  /** True when the signature is valid and no evidence file on disk differs. */
  ok: boolean;
  signature: { ok: boolean; problem?: string };
  files: EvidenceCheck[];
}

/**
 * Verify a signed report: the Ed25519 signature over its canonical JSON, then every suite and
 * evidence file still on disk re-hashed against the recorded sha256. Paths in the report are
 * relative (to the run's working folder, or to fixtures/ for schemas and profiles), so each is
 * looked up in `searchRoots` in order; a file found nowhere is `not-found`, which is reported but
 * is not tampering (the report may be verified on another machine).
 */
export function verifyReport(json: Readonly<Record<string, unknown>>, publicKey: KeyObject, searchRoots: readonly string[]): Verification {
  const signature = checkSignature(json, publicKey);
  const evidence = (json.evidence ?? {}) as { suites?: { file: string; sha256: string }[]; files?: { path: string; sha256: string }[] };
  const wanted = [
    ...(evidence.suites ?? []).map((s) => ({ path: s.file, sha256: s.sha256, kind: 'suite' as const })),
    ...(evidence.files ?? []).map((f) => ({ path: f.path, sha256: f.sha256, kind: 'file' as const })),
  ];
  const files = wanted.map((entry): EvidenceCheck => {
    const resolved = locate(entry.path, searchRoots);
    if (!resolved) return { path: entry.path, kind: entry.kind, status: 'not-found', expected: entry.sha256 };
    const actual = createHash('sha256').update(readFileSync(resolved)).digest('hex');
    return { path: entry.path, kind: entry.kind, status: actual === entry.sha256 ? 'same' : 'changed', expected: entry.sha256, actual, resolved };
  });
  return { ok: signature.ok && files.every((f) => f.status !== 'changed'), signature, files };
}

function locate(file: string, roots: readonly string[]): string | undefined {
  // URLs (FHIR profile canonicals without a local file) cannot be re-hashed.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return undefined;
  if (path.isAbsolute(file)) return existsSync(file) ? file : undefined;
  for (const root of roots) {
    const candidate = path.resolve(root, file);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
