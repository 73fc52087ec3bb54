import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { checkSignature, signReport } from './report-signature.js';
import { sampleReport } from './test-helpers/sample-report.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, keeps array order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' }, e: undefined })).to.equal('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson({ s: 'ü"\n' })).to.equal('{"s":"ü\\"\\n"}');
  });
});

describe('report signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('signs the canonical JSON without the signature; a round trip through JSON text verifies', () => {
    const signed = signReport(sampleReport(), privateKey);
    expect(signed.signature?.algorithm).to.equal('ed25519');
    expect(signed.signature?.publicKey).to.match(/^-----BEGIN PUBLIC KEY-----/);
    const reread = JSON.parse(JSON.stringify(signed, null, 2));
    expect(checkSignature(reread, publicKey)).to.deep.equal({ ok: true });
  });

  it('any change to the content, an added member, or another key fails', () => {
    const signed = JSON.parse(JSON.stringify(signReport(sampleReport(), privateKey)));
    expect(checkSignature({ ...signed, durationMs: signed.durationMs + 1 }, publicKey).ok).to.equal(false);
    expect(checkSignature({ ...signed, extra: true }, publicKey).ok).to.equal(false);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(checkSignature(signed, other)).to.deep.equal({ ok: false, problem: 'the report was signed with a different key than --pub' });
    const { signature: _s, ...unsigned } = signed;
    expect(checkSignature(unsigned, publicKey).problem).to.contain('not signed');
  });

  it('re-signing replaces an earlier signature rather than covering it', () => {
    const once = signReport(sampleReport(), privateKey);
    const twice = signReport(once, privateKey);
    expect(twice.signature?.value).to.equal(once.signature?.value);
  });
});
