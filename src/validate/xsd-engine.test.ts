import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { HarnessError } from '../core/errors.js';
import type { ValidationOptions } from './contract.js';
import { validateHl7v3 } from './hl7v3.js';
import { disposeNativeSchemas, validateHl7v3XsdNative } from './hl7v3-native.js';
import { FIXTURE_SCHEMAS_DIR } from './schema-ref.js';
import { isXsdOnly, NATIVE_ADDON_PATH, nativeAddonProblem, nativeXsdAddon, xsdEngine } from './xsd-engine.js';

// The native XSD engine (native/, system libxml2) must be a drop-in for the WebAssembly one: the
// same MessageValidation, issue for issue (severity, code, message, line, path), on every sample
// and on invalid variants. Without the addon built these tests are skipped (the wasm engine is
// then the only one) — build it with `npm run build:native`.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES_DIR = path.join(ROOT, 'test/fixtures/hl7v3');
const SKIP_REASON = `native XSD addon not available: ${nativeAddonProblem() ?? ''}`;

function listXml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listXml(path.join(dir, entry.name)) : entry.name.endsWith('.xml') ? [path.join(dir, entry.name)] : []))
    .sort();
}

/** Invalid variants of a valid message: each mutation that applies to a sample makes one variant. */
const MUTATIONS: { name: string; apply(content: string): string | undefined }[] = [
  { name: 'unknown attribute on the first id', apply: (c) => replaceOnce(c, /<((?:\w+:)?id) /, '<$1 bogus="1" ') },
  { name: 'duplicated creationTime', apply: (c) => replaceOnce(c, /(<(?:\w+:)?creationTime\b[^>]*\/>)/, '$1$1') },
  { name: 'unexpected element inside the control act', apply: (c) => replaceOnce(c, /(<(?:\w+:)?controlActProcess\b[^>]*>)/, '$1<unexpected xmlns="urn:hl7-org:v3"/>') },
  { name: 'text where only elements are allowed', apply: (c) => replaceOnce(c, /(<(?:\w+:)?controlActProcess\b[^>]*>)/, '$1 stray text ') },
  { name: 'bad code value', apply: (c) => replaceOnce(c, /(<(?:\w+:)?processingCode\b[^>]*code=")[^"]*"/, '$1not a code!"') },
  { name: 'missing interactionId', apply: (c) => replaceOnce(c, /<(?:\w+:)?interactionId\b[^>]*\/>/, '') },
  { name: 'repeated siblings, the second one invalid', apply: (c) => replaceOnce(c, /(<((?:\w+:)?id) ([^>]*)\/>)/, '$1<$2 $3 extension2="x"/>') },
  { name: 'wrong value in a long attribute', apply: (c) => replaceOnce(c, /(<(?:\w+:)?creationTime\b[^>]*value=")[^"]*"/, `$1${'9'.repeat(150)}x"`) },
];

function replaceOnce(content: string, pattern: RegExp, replacement: string): string | undefined {
  if (!pattern.test(content)) return undefined;
  const changed = content.replace(pattern, replacement);
  return changed === content ? undefined : changed;
}

/** Inputs every engine must turn into clean issues (no crash, no entity expansion, no network). */
const HOSTILE: Record<string, string> = {
  empty: '',
  whitespace: '  \n\t ',
  'not XML': 'hello, world',
  'not well-formed': '<?xml version="1.0"?>\n<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">\n  <id root="1"></HCIM_IN_GetDemographics>\n',
  'XXE via DOCTYPE': '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">&xxe;</HCIM_IN_GetDemographics>\n',
  'billion laughs': '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<lolz>&lol2;</lolz>',
  'DOCTYPE after a comment': '<!-- hi -->\n<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">\n<x/>',
  'external entity without DOCTYPE': '<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">&ext;</HCIM_IN_GetDemographics>',
  'unknown root': '<Whatever xmlns="urn:hl7-org:v3"/>',
  'undeclared namespace prefix': '<MCCI_IN000002 xmlns="urn:hl7-org:v3"><x:id/></MCCI_IN000002>',
  'relative namespace URI': '<MCCI_IN000002 xmlns="relative"><id/></MCCI_IN000002>',
  'duplicate attribute': '<MCCI_IN000002 xmlns="urn:hl7-org:v3" a="1" a="2"/>',
  'control character': '<MCCI_IN000002 xmlns="urn:hl7-org:v3">\u0001</MCCI_IN000002>',
  'undefined entity reference': '<MCCI_IN000002 xmlns="urn:hl7-org:v3">&amp;&#65;&unknown;</MCCI_IN000002>',
  'ISO-8859-1 declaration, BOM, PI, comment, CDATA': '\ufeff<?xml version="1.0" encoding="ISO-8859-1"?><?xml-stylesheet href="x"?><MCCI_IN000002 xmlns="urn:hl7-org:v3"><!-- c --><![CDATA[x]]><id root="é"/></MCCI_IN000002>',
  'message without a namespace': '<MCCI_IN000002><id/></MCCI_IN000002>',
  'SOAP-wrapped message without a namespace': '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><MCCI_IN000002/></s:Body></s:Envelope>',
  'SOAP without Body': '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/></s:Envelope>',
  'SOAP with an empty Body': '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>  </s:Body></s:Envelope>',
  'SOAP Fault': '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>',
  'xsi:schemaLocation pointing elsewhere': '<MCCI_IN000002 xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:hl7-org:v3 http://example.invalid/x.xsd"/>',
  'too large': `<a>${'x'.repeat(11 * 1024 * 1024)}</a>`,
};

async function both(content: string, options: ValidationOptions) {
  const wasm = await validateHl7v3(content, options);
  const native = await validateHl7v3XsdNative(content, options);
  return { wasm, native };
}

describe('XSD engines (native addon vs WebAssembly)', function () {
  this.timeout(120000);

  describe('selection', function () {
    let saved: string | undefined;
    beforeEach(() => (saved = process.env.HIE_CONFORM_XSD_ENGINE));
    afterEach(() => {
      if (saved === undefined) delete process.env.HIE_CONFORM_XSD_ENGINE;
      else process.env.HIE_CONFORM_XSD_ENGINE = saved;
    });

    it('uses the addon when built, else wasm; HIE_CONFORM_XSD_ENGINE=wasm forces wasm', function () {
      delete process.env.HIE_CONFORM_XSD_ENGINE;
      expect(xsdEngine()).to.equal(nativeXsdAddon() ? 'native' : 'wasm');
      process.env.HIE_CONFORM_XSD_ENGINE = 'wasm';
      expect(xsdEngine()).to.equal('wasm');
    });

    it('HIE_CONFORM_XSD_ENGINE=native: the addon, or a clear error when it is not built', function () {
      process.env.HIE_CONFORM_XSD_ENGINE = 'native';
      if (nativeXsdAddon()) expect(xsdEngine()).to.equal('native');
      else expect(() => xsdEngine()).to.throw(HarnessError, /HIE_CONFORM_XSD_ENGINE=native, but the native XSD addon/);
      process.env.HIE_CONFORM_XSD_ENGINE = 'fast';
      expect(() => xsdEngine()).to.throw(HarnessError, /must be wasm or native/);
    });

    it('the addon is a drop-in for --only xsd only (rules need the wasm DOM)', function () {
      expect(isXsdOnly({ only: ['xsd'] })).to.equal(true);
      expect(isXsdOnly({ only: ['xsd', 'profile'] })).to.equal(true);
      expect(isXsdOnly({ only: ['xsd', 'rules'] })).to.equal(false);
      expect(isXsdOnly({ only: ['rules'] })).to.equal(false);
      expect(isXsdOnly({})).to.equal(false);
    });

    it('the CLI reports a forced but missing addon as a harness error (exit 2)', function () {
      if (nativeXsdAddon()) this.skip(); // only meaningful without the addon
      const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/hie-conform'), 'validate', '--only', 'xsd', path.join(SAMPLES_DIR, 'hcim/MCCI_IN000002.validHcimOut.xml')], {
        encoding: 'utf8',
        env: { ...process.env, HIE_CONFORM_XSD_ENGINE: 'native' },
      });
      if (result.status === 2 && /dist\/ is missing/.test(result.stderr)) this.skip();
      expect(result.status).to.equal(2);
      expect(result.stderr).to.match(/native XSD addon is not built/);
    });
  });

  describe('identical results', function () {
    before(function () {
      if (!nativeXsdAddon()) {
        console.log(`      (${SKIP_REASON})`);
        this.skip();
      }
    });
    after(() => disposeNativeSchemas());

    // Without the addon this whole block is skipped (mocha shows it pending); SKIP_REASON says why.
    it('the addon is built and reports its libxml2 version', function () {
      expect(fs.existsSync(NATIVE_ADDON_PATH)).to.equal(true);
      expect(nativeXsdAddon()!.libxml2Version).to.match(/^\d+\.\d+\.\d+/);
    });

    const files = listXml(SAMPLES_DIR);
    for (const file of files) {
      const name = path.relative(SAMPLES_DIR, file).split(path.sep).join('/');
      it(`${name}: deep-equal issues, strict and not, and every invalid variant`, async function () {
        const content = fs.readFileSync(file, 'utf8');
        for (const strict of [true, false]) {
          const { wasm, native } = await both(content, { strict, only: ['xsd'] });
          expect(native, `${name} strict=${strict}`).to.deep.equal(wasm);
        }
        for (const mutation of MUTATIONS) {
          const variant = mutation.apply(content);
          if (variant === undefined) continue;
          const { wasm, native } = await both(variant, { strict: true, only: ['xsd'] });
          expect(native, `${name}: ${mutation.name}`).to.deep.equal(wasm);
        }
      });
    }

    it('the invalid variants do produce XSD issues (the comparison is not vacuous)', async function () {
      const content = fs.readFileSync(path.join(SAMPLES_DIR, 'hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'), 'utf8');
      let withIssues = 0;
      for (const mutation of MUTATIONS) {
        const variant = mutation.apply(content);
        if (variant === undefined) continue;
        const native = await validateHl7v3XsdNative(variant, { strict: true, only: ['xsd'] });
        if (native.issues.some((issue) => issue.validator === 'xsd' && issue.path !== undefined)) withIssues++;
      }
      expect(withIssues).to.be.at.least(5);
    });

    for (const [name, content] of Object.entries(HOSTILE)) {
      it(`${name}: the same clean issues from both engines`, async function () {
        const { wasm, native } = await both(content, { strict: true, only: ['xsd'] });
        expect(native).to.deep.equal(wasm);
        expect(native.issues.length).to.be.greaterThan(0);
      });
    }

    it('a schema override (--schema): same schema name, evidence and issues', async function () {
      const content = fs.readFileSync(path.join(SAMPLES_DIR, 'ihe-pdq-pix-v3/PDQ.xml'), 'utf8');
      for (const schema of ['hl7v3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd', 'hcim/QUPA_AR101102.xsd']) {
        const { wasm, native } = await both(content, { strict: true, only: ['xsd'], schema });
        expect(native).to.deep.equal(wasm);
        expect(native.evidence!.length).to.be.greaterThan(0);
      }
    });

    it('a schema that cannot be compiled: the same harness error', async function () {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hie-conform-engine-'));
      try {
        const bad = path.join(tmp, 'bad.xsd');
        fs.writeFileSync(bad, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="http://example.invalid/x.xsd"/><xs:element name="a" type="nope"/></xs:schema>');
        const content = '<a/>';
        const errors = await Promise.all([validateHl7v3(content, { only: ['xsd'], schema: bad }), validateHl7v3XsdNative(content, { only: ['xsd'], schema: bad })].map((p) => p.then(() => undefined, (error: unknown) => error)));
        expect(errors[0]).to.be.instanceOf(HarnessError);
        expect(errors[1]).to.be.instanceOf(HarnessError);
        expect((errors[1] as Error).message).to.equal((errors[0] as Error).message);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('the CLI (validate --strict --only xsd --format json) prints byte-identical output with either engine', function () {
      if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) this.skip(); // needs `npm run build`
      const files = listXml(SAMPLES_DIR);
      const run = (engine: string) =>
        spawnSync(process.execPath, [path.join(ROOT, 'bin/hie-conform'), 'validate', '--strict', '--only', 'xsd', '--format', 'json', ...files], {
          encoding: 'utf8',
          env: { ...process.env, HIE_CONFORM_XSD_ENGINE: engine, HIE_CONFORM_VALIDATE_WORKERS: '0' },
        });
      const wasm = run('wasm');
      const native = run('native');
      expect(wasm.status, wasm.stderr).to.equal(1); // the invalid/ samples
      expect(native.status, native.stderr).to.equal(wasm.status);
      expect(native.stdout).to.equal(wasm.stdout);
    });

    it('the CLI: hostile, oversized and non-XML files, read by the addon itself, give the same output as the WebAssembly engine; in flight or one at a time', function () {
      if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) this.skip(); // needs `npm run build`
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hie-conform-engine-'));
      try {
        const files = Object.entries(HOSTILE).map(([name, content], i) => {
          const file = path.join(tmp, `${String(i).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.xml`);
          fs.writeFileSync(file, content);
          return file;
        });
        const big = path.join(tmp, 'fifty-mb.xml');
        fs.writeFileSync(big, `<MCCI_IN000002 xmlns="urn:hl7-org:v3">${'x'.repeat(50 * 1024 * 1024)}</MCCI_IN000002>`);
        const json = path.join(tmp, 'patient.json');
        fs.writeFileSync(json, '{"resourceType":"Patient"}');
        const latin1 = path.join(tmp, 'latin1.xml');
        fs.writeFileSync(latin1, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><MCCI_IN000002 xmlns="urn:hl7-org:v3"><id root="\xe9"/></MCCI_IN000002>', 'latin1'));
        const valid = listXml(SAMPLES_DIR).filter((file) => file.includes('/hcim/'));
        const all = [...files, big, json, latin1, ...valid, ...files];
        const run = (engine: string, workers?: string) =>
          spawnSync(process.execPath, [path.join(ROOT, 'bin/hie-conform'), 'validate', '--strict', '--only', 'xsd', '--format', 'json', ...all], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, HIE_CONFORM_XSD_ENGINE: engine, ...(workers !== undefined ? { HIE_CONFORM_VALIDATE_WORKERS: workers } : {}) },
          });
        const wasm = run('wasm', '0');
        expect(wasm.status, wasm.stderr).to.equal(1);
        expect(JSON.parse(wasm.stdout).files).to.have.length(all.length);
        for (const workers of [undefined, '0']) {
          const native = run('native', workers);
          expect(native.stderr, `workers=${workers}`).to.equal(wasm.stderr);
          expect(native.status).to.equal(wasm.status);
          expect(native.stdout, `workers=${workers}`).to.equal(wasm.stdout);
        }
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('inspect: an array of inputs gives one result per input, in order; freeSchema unregisters a root schema', async function () {
      const addon = nativeXsdAddon()!;
      const schema = addon.compileSchema(path.join(FIXTURE_SCHEMAS_DIR, 'hcim/QUPA_AR101102.xsd'), [FIXTURE_SCHEMAS_DIR]);
      expect(schema.handle).to.not.equal(undefined);
      const good = fs.readFileSync(path.join(SAMPLES_DIR, 'hcim/HCIM_IN_GetDemographics.request.spec-sample.xml'));
      const bad = Buffer.from(MUTATIONS[0]!.apply(good.toString('utf8'))!);
      const inputs = [good, Buffer.from('not xml'), bad, Buffer.from('<Other xmlns="urn:x"/>')];
      addon.setRootSchema('HCIM_IN_GetDemographics', schema.handle!);
      const results = await addon.inspect(inputs, { maxBytes: 1 << 20, validate: true });
      expect(results.map((r) => r.status)).to.deep.equal(['ok', 'fallback', 'ok', 'ok']);
      const [first, , third, fourth] = results as Extract<(typeof results)[number], { status: 'ok' }>[];
      expect(first!.name).to.equal('HCIM_IN_GetDemographics');
      expect(first!.findings).to.deep.equal([]);
      expect(third!.findings!.length).to.be.greaterThan(0);
      expect(fourth!.ns).to.equal('urn:x');
      expect(fourth!.findings).to.equal(undefined); // no schema registered for this root
      expect((await addon.inspect(good, { maxBytes: 10, validate: true })).status).to.equal('fallback');
      const values = await addon.inspect(good, { maxBytes: 1 << 20, xpaths: addon.prepareXPaths(['string(hl7:id/@root)', 'count(hl7:*)', 'hl7:interactionId', 'hl7:nothing']) });
      expect(values.status === 'ok' && values.values).to.deep.equal(['2.16.840.1.113883.3.51.1.1.1', '10', '<interactionId root="2.16.840.1.113883.3.51.1.1.2" extension="HCIM_IN_GetDemographics"/>', '']);
      addon.freeSchema(schema.handle!);
      const after = await addon.inspect(good, { maxBytes: 1 << 20, validate: true });
      expect(after.status === 'ok' && after.findings).to.equal(undefined);
      disposeNativeSchemas(); // this test replaced the registration hl7v3-native.ts made: let it start over
    });

    it('compiling a schema reads files only under the allowed roots, never the network', function () {
      const addon = nativeXsdAddon()!;
      const schema = path.join(FIXTURE_SCHEMAS_DIR, 'hl7v3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd');
      const confined = addon.compileSchema(schema, [path.dirname(schema)]);
      expect(confined.handle).to.equal(undefined);
      expect(confined.refused.some((file) => file.includes('coreschemas'))).to.equal(true);
      expect(confined.served.every((file) => file.startsWith(path.dirname(schema) + path.sep))).to.equal(true);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hie-conform-engine-'));
      try {
        const remote = path.join(tmp, 'remote.xsd');
        fs.writeFileSync(remote, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:x" schemaLocation="http://127.0.0.1:9/x.xsd"/></xs:schema>');
        const network = addon.compileSchema(remote, [tmp]);
        expect(network.refused).to.deep.equal(['http://127.0.0.1:9/x.xsd']);
        expect(network.served).to.deep.equal([remote]);
        const outside = path.join(tmp, 'outside.xsd');
        fs.writeFileSync(outside, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="../../../../etc/passwd"/></xs:schema>');
        const escaped = addon.compileSchema(outside, [tmp]);
        expect(escaped.handle).to.equal(undefined);
        expect(escaped.refused).to.have.length(1);
        expect(escaped.refused[0]).to.match(/etc\/passwd$/);
        expect(escaped.served).to.deep.equal([outside]);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
});
