import assert from 'node:assert/strict';
import { requestTarget } from './request-target.js';

const BASE = 'http://127.0.0.1:8080';

function viaUrl(target: string) {
  const url = new URL(target, BASE);
  return { path: url.pathname, query: [...url.searchParams], recordedUrl: `${url.pathname}${url.search}` };
}

function viaTarget(target: string) {
  const { path, query, recordedUrl } = requestTarget(target, BASE);
  return { path, query: [...query], recordedUrl };
}

function attempt<T>(run: () => T): T | string {
  try {
    return run();
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

describe('requestTarget', () => {
  it('gives what new URL gives for ordinary and odd targets', () => {
    const targets = [
      '/', '', '/hcim/QUPA_AR101102.asmx', '/hcim/QUPA_AR101102.asmx?wsdl', '/hcim/QUPA_AR101102.asmx?wsdl=async', '/hcim/QUPA_AR101102.asmx?',
      '/hcim/fhir/', '/hcim/fhir/Patient/9876543218', '/plr/fhir/Practitioner?identifier=a%7Cb&_count=10', '/a?x=1&y=%20&z=a+b', '/a?x=%zz',
      '/hcim/../plr/x', '/hcim/./x', '/hcim/%2e%2e/x', '/hcim/.%2E/x', '//host/x', 'http://other.example/x?y', '/x y', '/caf\u00e9', '/a\\b', '/a//b',
      '/a?b#c', '/a#c', '/a?q="<>\'', '/a?q=\u00e9', '/a?x?y', '*', '/a.b/c.d', '/a./b', '/.a', '/a/..', '/a/.', '/%41', '/a?;!$*()=,:@/',
    ];
    for (const target of targets) assert.deepEqual(viaTarget(target), viaUrl(target), target);
  });

  it('matches new URL on random targets', () => {
    const alphabet = ['/', '/', 'a', 'Z', '0', '_', '-', '~', '.', '..', '?', '&', '=', '%', '%2e', '%41', '+', ' ', '#', '"', "'", '<', '>', '\\', '\u00e9', ';', '@', ':', '!', '(', '*', '$', ','];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      let target = '/';
      const length = Math.floor(next() * 12);
      for (let j = 0; j < length; j++) target += alphabet[Math.floor(next() * alphabet.length)];
      const expected = attempt(() => viaUrl(target));
      assert.deepEqual(attempt(() => viaTarget(target)), expected, target);
    }
  });

  it('throws where new URL throws', () => {
    assert.throws(() => requestTarget('//[x', BASE), /Invalid URL/);
  });
});
