import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { HarnessError } from '../core/errors.js';
import { schemaForRoot, validateHl7v3 } from './hl7v3.js';
import { sample, variant } from './rules/test-helpers/samples.js';
import { FIXTURE_SCHEMAS_DIR } from './xsd.js';

const GD_REQUEST = 'hcim/HCIM_IN_GetDemographics.request.spec-sample.xml';
const GD_MOCK_SOAP = 'hcim/HCIM_IN_GetDemographicsResponse.soap11.healthgateway-mock.xml';

describe('validateHl7v3', function () {
  describe('schema selection', function () {
    it('validates a bare HCIM request against its port type schema, with evidence', async function () {
      const result = await validateHl7v3(sample(GD_REQUEST));
      expect(result).to.include({ kind: 'hl7v3', valid: true, schema: 'hcim/QUPA_AR101102.xsd' });
      expect(result.issues).to.deep.equal([]);
      const sha256 = createHash('sha256').update(fs.readFileSync(path.join(FIXTURE_SCHEMAS_DIR, 'hcim/QUPA_AR101102.xsd'))).digest('hex');
      expect(result.evidence).to.deep.equal([{ path: 'hcim/QUPA_AR101102.xsd', sha256 }]);
    });

    it('maps IHE PDQ/PIX roots to the NE2008 multicacheschemas file of that name, hashing every included file', async function () {
      const result = await validateHl7v3(sample('ihe-pdq-pix-v3/PDQ.xml'));
      expect(result).to.include({ valid: true, schema: 'hl7v3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd' });
      const paths = result.evidence!.map((entry) => entry.path);
      expect(paths).to.include.members(['hl7v3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd', 'hl7v3/NE2008/coreschemas/datatypes.xsd']);
      expect(schemaForRoot('PRPA_IN201310UV02')?.name).to.equal('hl7v3/NE2008/multicacheschemas/PRPA_IN201310UV02.xsd');
      expect(schemaForRoot('QUPC_IN043100UV01')?.name).to.equal('hl7v3/NE2008/multicacheschemas/QUPC_IN043100UV01.xsd');
    });

    it('uses options.schema by fixture-relative name, overriding the catalogue', async function () {
      const result = await validateHl7v3(sample('hcim/MCCI_IN000002.validHcimOut.xml'), { schema: 'hcim/QUPA_AR101102.xsd', only: ['xsd'] });
      expect(result.schema).to.equal('hcim/QUPA_AR101102.xsd');
      expect(result.valid).to.equal(false);
      expect(result.issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([{ code: 'xsd.cvc-elt.1', path: '/MCCI_IN000002', line: 2 }]);
    });

    it('uses options.schema given as a path', async function () {
      const schema = path.join(FIXTURE_SCHEMAS_DIR, 'hcim/QUPA_AR101102.xsd');
      const result = await validateHl7v3(sample(GD_REQUEST), { schema, only: ['xsd'] });
      expect(result).to.include({ valid: true, schema: 'hcim/QUPA_AR101102.xsd' });
    });

    it('throws a HarnessError naming the vendored schemas for a missing schema file', async function () {
      let error: unknown;
      try {
        await validateHl7v3(sample(GD_REQUEST), { schema: 'hcim/NOPE.xsd' });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(HarnessError);
      expect((error as HarnessError).code).to.equal('ERR_FILE_NOT_FOUND');
      expect((error as Error).message).to.match(/schema "hcim\/NOPE.xsd": no such file .*hcim\/QUPA_AR101102.xsd/);
    });

    it('reports an unknown root element, listing the known ones', async function () {
      const result = await validateHl7v3(sample('pan-canadian/PRPA_IN101101CA.xml'));
      expect(result.valid).to.equal(false);
      expect(result.issues).to.have.length(1);
      expect(result.issues[0]).to.include({ severity: 'error', code: 'hl7v3.unknown-root', path: '/PRPA_IN101101CA', line: 24, validator: 'hl7v3' });
      expect(result.issues[0]!.message).to.match(/^\/PRPA_IN101101CA: Unexpected root element: expected one of .*HCIM_IN_GetDemographics,.*PRPM_IN301030CA.*, but received "PRPA_IN101101CA"/);
    });

    it('warns that XSD was skipped for known roots without a public schema (PLR) and still runs the rules', async function () {
      const result = await validateHl7v3(sample('plr/PRPM_IN303030CA.xml'));
      expect(result.schema).to.equal(undefined);
      expect(result.issues.map(({ severity, code, line }) => ({ severity, code, line }))).to.deep.equal([
        { severity: 'warning', code: 'xsd.no-schema', line: 4 },
        { severity: 'error', code: 'rule.plr-ipc', line: 64 },
      ]);
    });
  });

  describe('SOAP envelopes', function () {
    it('unwraps SOAP 1.1 and keeps lines of the original file', async function () {
      const result = await validateHl7v3(sample(GD_MOCK_SOAP), { strict: true, only: ['xsd'] });
      expect(result.valid).to.equal(false);
      expect(result.issues.map(({ severity, code, path, line }) => ({ severity, code, path, line }))).to.deep.equal([
        { severity: 'error', code: 'xsd.cvc-pattern-valid', path: '/HCIM_IN_GetDemographicsResponse/controlActProcess/queryAck/queryResponseCode', line: 68 },
      ]);
    });

    it('unwraps SOAP 1.2', async function () {
      const result = await validateHl7v3(sample('hcim/HCIM_IN_GetDemographics.soap12.generated.xml'));
      expect(result).to.include({ valid: true, schema: 'hcim/QUPA_AR101102.xsd' });
    });

    it('reports an empty Body and a Fault instead of a message', async function () {
      const empty = await validateHl7v3('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n<s:Body/>\n</s:Envelope>');
      expect(empty.issues.map(({ code, line }) => ({ code, line }))).to.deep.equal([{ code: 'hl7v3.soap-body-empty', line: 2 }]);
      const fault = await validateHl7v3(
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad cert</faultstring></s:Fault></s:Body></s:Envelope>',
      );
      expect(fault.valid).to.equal(false);
      expect(fault.issues[0]!.code).to.equal('hl7v3.soap-fault');
      expect(fault.issues[0]!.message).to.contain('Bad cert');
    });
  });

  describe('layers, strictness and rules selection', function () {
    it('downgrades known HCIM deviations to warnings unless strict', async function () {
      const lenient = await validateHl7v3(sample(GD_MOCK_SOAP));
      expect(lenient.valid).to.equal(true);
      expect(lenient.issues).to.have.length(1);
      expect(lenient.issues[0]).to.include({ severity: 'warning', code: 'xsd.cvc-pattern-valid', line: 68 });
      expect(lenient.issues[0]!.message).to.match(/^\/HCIM_IN_GetDemographicsResponse\/controlActProcess\/queryAck\/queryResponseCode: known HCIM deviation HCIM-DEV-001: /);
      const strict = await validateHl7v3(sample(GD_MOCK_SOAP), { strict: true });
      expect(strict.valid).to.equal(false);
      expect(strict.issues[0]!.severity).to.equal('error');
    });

    it('runs only the layers asked for', async function () {
      const spec = sample('hcim/HCIM_IN_GetDemographicsResponse.spec-sample.xml');
      const xsdOnly = await validateHl7v3(spec, { only: ['xsd'] });
      expect(xsdOnly).to.include({ valid: true, schema: 'hcim/QUPA_AR101102.xsd' });
      const rulesOnly = await validateHl7v3(spec, { only: ['rules'] });
      expect(rulesOnly.schema).to.equal(undefined);
      expect(rulesOnly.valid).to.equal(false);
      expect(rulesOnly.issues.map((issue) => issue.code)).to.deep.equal(['rule.phn-check-digit', 'rule.phn-check-digit']);
    });

    it('runs only the rules asked for, and rejects unknown rule ids', async function () {
      const result = await validateHl7v3(sample('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml'), { only: ['rules'], rules: ['version-code'] });
      expect(result.issues).to.deep.equal([]);
      let error: unknown;
      try {
        await validateHl7v3(sample(GD_REQUEST), { rules: ['no-such-rule'] });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(HarnessError);
      expect((error as HarnessError).code).to.equal('ERR_USAGE');
    });

    it('reports an XSD error as an error when no deviation matches, even when not strict', async function () {
      const content = variant(sample(GD_REQUEST), '<versionCode code="V3PR1"/>', '<versionCode code="V3PR1" colour="blue"/>');
      const result = await validateHl7v3(content, { only: ['xsd'] });
      expect(result.valid).to.equal(false);
      expect(result.issues.map(({ severity, code, path, line }) => ({ severity, code, path, line }))).to.deep.equal([
        { severity: 'error', code: 'xsd.cvc-complex-type.3.2.2', path: '/HCIM_IN_GetDemographics/versionCode', line: 9 },
      ]);
    });
  });

  describe('hostile and broken input', function () {
    it('reports content that is not XML, with its line', async function () {
      const result = await validateHl7v3('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">\n  <id>\n</HCIM_IN_GetDemographics>');
      expect(result.valid).to.equal(false);
      expect(result.issues[0]).to.include({ severity: 'fatal', code: 'xml.not-well-formed', line: 3, validator: 'xml' });
      const prose = await validateHl7v3('hello, this is not XML');
      expect(prose.issues[0]).to.include({ severity: 'fatal', code: 'xml.not-well-formed' });
    });

    it('reports an empty file', async function () {
      for (const content of ['', '  \n\t']) {
        const result = await validateHl7v3(content);
        expect(result.valid).to.equal(false);
        expect(result.issues.map((issue) => issue.code)).to.deep.equal(['xml.empty']);
      }
    });

    it('refuses an external entity (XXE) without reading the file', async function () {
      const xxe = [
        '<?xml version="1.0"?>',
        '<!-- a comment first -->',
        '<!DOCTYPE HCIM_IN_GetDemographics [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>',
        '<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3"><id root="2.16.840.1.113883.3.51.1.1.1" extension="&xxe;"/></HCIM_IN_GetDemographics>',
      ].join('\n');
      const result = await validateHl7v3(xxe);
      expect(result.valid).to.equal(false);
      expect(result.issues.map(({ severity, code, line }) => ({ severity, code, line }))).to.deep.equal([{ severity: 'fatal', code: 'xml.doctype-forbidden', line: 3 }]);
      const serialised = JSON.stringify(result);
      expect(serialised).not.to.match(/root:.*:0:0:/);
      expect(serialised).not.to.match(/passwd.*(denied|failed|load|read)/i);
    });

    it('refuses an entity-expansion bomb quickly with bounded memory', async function () {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`);
      const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels.join('')}]>\n<lolz>&lol9;</lolz>`;
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const result = await validateHl7v3(bomb);
      const elapsed = performance.now() - started;
      expect(result.issues.map((issue) => issue.code)).to.deep.equal(['xml.doctype-forbidden']);
      expect(elapsed).to.be.below(500);
      expect(process.memoryUsage().heapUsed - heapBefore).to.be.below(50 * 1024 * 1024);
    });

    it('refuses a 50 MB file as an issue', async function () {
      const huge = `<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3"><!--${'x'.repeat(50 * 1024 * 1024)}--></HCIM_IN_GetDemographics>`;
      const started = performance.now();
      const result = await validateHl7v3(huge);
      expect(performance.now() - started).to.be.below(2000);
      expect(result.valid).to.equal(false);
      expect(result.issues).to.have.length(1);
      expect(result.issues[0]).to.include({ severity: 'fatal', code: 'xml.too-large' });
      expect(result.issues[0]!.message).to.match(/size must be at most 10485760 bytes, but received 52428\d{3} bytes/);
    });

    it('does not leak wasm memory over thousands of validations', async function () {
      this.timeout(60000);
      const content = sample('hcim/HCIM_IN_GetDemographicsResponse.spec-sample.xml');
      for (let i = 0; i < 200; i++) await validateHl7v3(content);
      const before = process.memoryUsage().rss;
      for (let i = 0; i < 2000; i++) await validateHl7v3(content);
      const grown = process.memoryUsage().rss - before;
      // Without dispose() the parsed documents alone add ~90 MB over 2000 calls.
      expect(grown).to.be.below(40 * 1024 * 1024);
    });
  });
});
