import { createRequire } from 'node:module';
import { expect } from 'chai';
import * as v3 from '../simulator/test-support/hcim-v3-requests.js';
import { decodeInspection, type RawNativeInspection, type RawNativeXsdAddon } from './native-inspection.js';
import { inspectAndValidate } from './hl7v3-native.js';
import { NATIVE_ADDON_PATH, nativeXsdAddon } from './xsd-engine.js';

describe('native inspection records', () => {
  it('decodes a record: name, namespace, line, validated, values with a null', () => {
    expect(decodeInspection('HCIM_IN_GetDemographics\x01urn:hl7-org:v3\x0112\x01vx\x01M-1\x01\x02\x01\x01<a/>')).to.deep.equal({
      status: 'ok',
      name: 'HCIM_IN_GetDemographics',
      ns: 'urn:hl7-org:v3',
      line: 12,
      findings: [],
      values: ['M-1', null, '', '<a/>'],
    });
  });

  it('leaves out what the record does not carry: no namespace, not validated, no values', () => {
    expect(decodeInspection('root\x01\x013\x01')).to.deep.equal({ status: 'ok', name: 'root', line: 3 });
    expect(decodeInspection('root\x01\x013\x01x')).to.deep.equal({ status: 'ok', name: 'root', line: 3, values: [] });
  });

  it('passes objects (fallbacks, findings) through as they are', () => {
    const fallback: RawNativeInspection = { status: 'fallback', reason: 'not XML' };
    expect(decodeInspection(fallback)).to.equal(fallback);
  });

  describe('with the addon', function () {
    before(function () {
      if (nativeXsdAddon() === undefined) this.skip();
    });
    const raw = (): RawNativeXsdAddon => createRequire(import.meta.url)(NATIVE_ADDON_PATH) as RawNativeXsdAddon;
    const valid = v3.getDemographicsRequest('9876543218').body;
    const options = { maxBytes: 1 << 20, validate: true };

    it('sends a valid message as a record and one with findings as an object', async () => {
      const addon = nativeXsdAddon()!;
      await inspectAndValidate(addon, Buffer.from(valid), { maxBytes: 1 << 20 }); // registers the root's schema
      const xpaths = addon.prepareXPaths(['string(hl7:id[1]/@extension)', 'hl7:sender[1]/hl7:device[1]/hl7:id[1]', 'string(hl7:nothing[1]/@x)']);
      const [record, withFindings] = (await raw().inspect([Buffer.from(valid), Buffer.from(valid.replace('<creationTime', '<unexpected/><creationTime'))], { ...options, xpaths })) as RawNativeInspection[];
      expect(record).to.be.a('string');
      expect(withFindings).to.be.an('object').with.property('status', 'ok');
      expect(withFindings).to.have.property('findings').that.is.not.empty;
      const decoded = decodeInspection(record!);
      expect(decoded).to.include({ status: 'ok', name: 'HCIM_IN_GetDemographics', ns: 'urn:hl7-org:v3' });
      expect(decoded).to.have.property('findings').that.deep.equals([]);
      expect(decoded).to.have.property('values').that.has.length(3);
      const values = (decoded as { values: string[] }).values;
      expect(values[0]).to.match(/\S/);
      expect(values[1]).to.match(/^<id [^>]*\/>$/);
      expect(values[2]).to.equal('');
      // What callers see through nativeXsdAddon(): the same inspection either way.
      expect(await addon.inspect(Buffer.from(valid), { ...options, xpaths })).to.deep.equal(decoded);
    });

    it('keeps non-ASCII values intact', async () => {
      const addon = nativeXsdAddon()!;
      const xpaths = addon.prepareXPaths(['string(hl7:id[1]/@extension)']);
      const message = valid.replace(/(<id [^>]*extension=")[^"]*"/, '$1MÜLLER-李"');
      const result = await addon.inspect(Buffer.from(message), { ...options, xpaths });
      expect(result).to.have.property('values').that.deep.equals(['MÜLLER-李']);
    });
  });
});
