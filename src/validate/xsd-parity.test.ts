import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { MessageValidator } from './contract.js';
import { validateHl7v3 } from './hl7v3.js';
import { validateHl7v3XsdNative } from './hl7v3-native.js';
import { findMessageElement } from './xml-message-element.js';
import { parseXmlSafely } from './xml-parse.js';
import { FIXTURE_SCHEMAS_DIR } from './xsd.js';
import { nativeAddonProblem, nativeXsdAddon } from './xsd-engine.js';

// Fidelity: with --strict --only xsd our verdict must equal xmllint's on the same schema
// (DESIGN.md §3). Every sample under test/fixtures/hl7v3 takes part, including the generated
// invalid variants in invalid/. Both XSD engines take part: the WebAssembly one (always) and the
// native addon (xsd-engine.ts; skipped when it is not built).
const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/hl7v3');
/** Samples for which no schema is public (PLR, pan-Canadian): parity does not apply. */
const NO_SCHEMA = new Set(['plr/PRPM_IN301030CA.xml', 'plr/PRPM_IN303030CA.xml', 'pan-canadian/PRPA_IN101101CA.xml', 'pan-canadian/PRPM_IN306011CA.xml']);

function listXml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listXml(path.join(dir, entry.name)) : entry.name.endsWith('.xml') ? [path.join(dir, entry.name)] : []))
    .sort();
}

function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error('xmllint is not installed, but the XSD parity test needs it as the reference validator: run `apt-get install -y libxml2-utils` (CI installs it)');
  }
}

/** The bare HL7v3 message for xmllint: the file itself, or the SOAP Body child with its in-scope namespaces. */
function bareMessageFile(file: string, tmp: string): string {
  const content = fs.readFileSync(file, 'utf8');
  const parsed = parseXmlSafely(content);
  if (!parsed.ok) return file;
  try {
    const located = findMessageElement(parsed.doc);
    if (!located.ok || located.soap === undefined) return file;
    const element = located.element;
    const local = element.nsDeclarations;
    for (const [prefix, uri] of Object.entries(element.namespaces)) {
      if (!(prefix in local)) element.addNsDeclaration(uri, prefix === '' ? undefined : prefix);
    }
    const out = path.join(tmp, `${path.basename(file, '.xml')}.body.xml`);
    fs.writeFileSync(out, `<?xml version="1.0" encoding="UTF-8"?>\n${element.toString({ format: false })}\n`);
    return out;
  } finally {
    parsed.doc.dispose();
  }
}

const ENGINES: { name: 'wasm' | 'native'; validate: MessageValidator }[] = [
  { name: 'wasm', validate: validateHl7v3 },
  { name: 'native', validate: validateHl7v3XsdNative },
];

for (const engine of ENGINES) {
  describe(`XSD parity with xmllint (--strict --only xsd), ${engine.name} engine`, function () {
    const files = listXml(SAMPLES_DIR);
    let tmp: string;

    before(function () {
      if (engine.name === 'native' && !nativeXsdAddon()) {
        // Not built (no compiler or libxml2 headers): the wasm engine is then the only one in use.
        console.log(`      skipped: ${nativeAddonProblem()}`);
        this.skip();
      }
      requireXmllint();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hie-conform-parity-'));
    });
    after(function () {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('covers valid and invalid samples', function () {
      expect(files.length).to.be.greaterThan(20);
      expect(files.filter((file) => file.includes(`${path.sep}invalid${path.sep}`)).length).to.be.at.least(5);
    });

    for (const file of files) {
      const name = path.relative(SAMPLES_DIR, file).split(path.sep).join('/');
      const title = NO_SCHEMA.has(name) ? `${name}: no public schema, reported as such (parity not applicable)` : `${name}: same verdict as xmllint`;
      it(title, async function () {
        const result = await engine.validate(fs.readFileSync(file, 'utf8'), { strict: true, only: ['xsd'] });
        if (NO_SCHEMA.has(name)) {
          expect(result.schema, 'no vendored schema expected').to.equal(undefined);
          expect(result.issues.map((issue) => issue.code)).to.satisfy((codes: string[]) => codes.includes('xsd.no-schema') || codes.includes('hl7v3.unknown-root'));
          return;
        }
        expect(result.schema, `${name} should map to a vendored schema`).to.be.a('string');
        const schemaPath = path.join(FIXTURE_SCHEMAS_DIR, result.schema!);
        const xmllint = spawnSync('xmllint', ['--noout', '--schema', schemaPath, bareMessageFile(file, tmp)], { encoding: 'utf8' });
        // xmllint exit codes: 0 valid, 3 validation error; anything else means it could not judge.
        expect([0, 3], `xmllint could not validate ${name}: ${xmllint.stderr}`).to.include(xmllint.status);
        const xmllintValid = xmllint.status === 0;
        expect(result.valid, `in-process verdict ${result.valid} vs xmllint ${xmllintValid}\nours: ${JSON.stringify(result.issues, null, 1)}\nxmllint: ${xmllint.stderr}`).to.equal(xmllintValid);
      });
    }
  });
}
