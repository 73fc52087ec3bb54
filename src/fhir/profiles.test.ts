import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HarnessError } from '../core/errors.js';
import { validateFhir } from '../validate/fhir-profile.js';
import { readIgPackage, tarEntries } from './ig-package.js';
import { FIXTURE_PROFILES_DIR, ProfileRegistry } from './profiles.js';

const HCIM = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';
const NAME_USE = 'https://terminology.hlth.gov.bc.ca/ClientRegistry/ValueSet/bc-name-use-value-set';

/** A ustar archive of the given files (enough of the format for the reader under test). */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const long = name.length > 100;
    // GNU long name: a preceding 'L' entry whose data is the name.
    if (long) blocks.push(...entry('././@LongLink', Buffer.from(`${name}\0`), 'L'));
    blocks.push(...entry(long ? name.slice(0, 100) : name, data, '0'));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);

  function entry(name: string, data: Buffer, type: string): Buffer[] {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'utf8');
    header.write('0000644\0', 100);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(type, 156);
    header.write('ustar\0', 257);
    header.write('        ', 148);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return [header, data, Buffer.alloc((512 - (data.length % 512)) % 512)];
  }
}

describe('FHIR profile registry', function () {
  this.timeout(20_000);
  let registry: ProfileRegistry;
  before(() => {
    registry = new ProfileRegistry();
    registry.addDirectory(FIXTURE_PROFILES_DIR);
  });

  it('loads the vendored and authored HCIM and PLR profiles', () => {
    const urls = registry.list();
    expect(urls.filter((url) => url.startsWith(HCIM)).length).to.be.greaterThan(25);
    expect(urls).to.include.members([`${HCIM}bc-patient`, `${HCIM}bc-search-response-bundle`, 'http://hlth.gov.bc.ca/fhir/provider/StructureDefinition/bc-practitioner']);
  });

  it('generates a snapshot: slices copied from the sliced element, data types unrolled', () => {
    const bundle = registry.get(`${HCIM}bc-search-response-bundle`)!;
    expect(bundle.slices.get('Bundle.entry')!.map((slice) => slice.sliceName)).to.deep.equal(['patient', 'parameters', 'operationOutcome', 'relatedPerson']);
    // fullUrl min 1 was set on Bundle.entry before slicing, so every slice inherits it.
    expect(bundle.byId.get('Bundle.entry:patient.fullUrl')!.min).to.equal(1);
    expect(bundle.byId.get('Bundle.type')!.fixedCode).to.equal('searchset');
    const patient = registry.get(`${HCIM}bc-patient`)!;
    expect(patient.byId.get('Patient.identifier.use')!.binding!.valueSet).to.equal('https://terminology.hlth.gov.bc.ca/ClientRegistry/ValueSet/bc-identifier-use-value-set');
    expect(patient.byId.get('Patient.deceased[x]')!.type!.map((type) => type.code)).to.deep.equal(['dateTime']);
    expect(patient.byId.has('Patient.deceased[x].extension:verifiedDeathFlag')).to.equal(true);
  });

  it('builds on the core resource when the CA-baseline parent is not loaded, and says so', () => {
    const patient = registry.get(`${HCIM}bc-patient`)!;
    expect(patient.notes).to.include('base http://hl7.org/fhir/ca/baseline/StructureDefinition/profile-patient is not loaded: built on http://hl7.org/fhir/StructureDefinition/Patient instead');
  });

  it('builds on a BC parent profile (bc-metadata-parameters-out on -in)', () => {
    const out = registry.get(`${HCIM}bc-metadata-parameters-out`)!;
    expect(out.slices.get('Parameters.parameter')!.map((slice) => slice.sliceName)).to.include.members(['messageId', 'identifiersOnly', 'history', 'requestMessageId', 'sender']);
    expect(out.byId.get('Parameters.parameter')!.min).to.equal(2);
  });

  it('compiles each profile once per registry', () => {
    expect(registry.get(`${HCIM}bc-patient`)).to.equal(registry.get(`${HCIM}bc-patient`));
  });

  it('expands BC ValueSets, including those built on core ones with exclusions', () => {
    const system = registry.expansion('https://terminology.hlth.gov.bc.ca/ClientRegistry/ValueSet/bc-contact-point-system-value-set')!;
    expect([...(system.systems.get('http://hl7.org/fhir/contact-point-system') as Set<string>)]).to.have.members(['phone', 'email']);
  });

  it('reads StructureDefinitions/ValueSets from an IG package.tgz, ignoring examples and other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hie-conform-ig-'));
    const file = join(dir, 'package.tgz');
    const valueSet = { resourceType: 'ValueSet', url: NAME_USE, name: 'OfficialNameUseVS', compose: { include: [{ system: 'http://hl7.org/fhir/name-use', concept: [{ code: 'usual' }, { code: 'official' }, { code: 'nickname' }, { code: 'maiden' }] }] } };
    writeFileSync(
      file,
      gzipSync(
        tar({
          'package/package.json': JSON.stringify({ name: 'fhir.ca-bc.client', version: '1.0.0' }),
          'package/ValueSet-bc-name-use-value-set.json': JSON.stringify(valueSet),
          'package/example/Patient-x.json': JSON.stringify({ resourceType: 'Patient' }),
          [`package/${'StructureDefinition-'.padEnd(110, 'x')}.json`]: JSON.stringify({ resourceType: 'StructureDefinition', url: 'http://example.org/long', type: 'Patient', differential: { element: [] } }),
        }),
      ),
    );
    expect(readIgPackage(file).map((resource) => resource.url)).to.have.members([NAME_USE, 'http://example.org/long']);
    return (async () => {
      const patient = JSON.stringify({ resourceType: 'Patient', meta: { profile: [`${HCIM}bc-patient`] }, name: [{ use: 'maiden', family: 'X' }] });
      expect((await validateFhir(patient)).valid).to.equal(false);
      // The package's ValueSet replaces the authored one.
      expect((await validateFhir(patient, { igPackages: [file] })).valid).to.equal(true);
    })();
  });

  it('refuses a file that is not a gzip tar with ERR_FHIR_PACKAGE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hie-conform-ig-'));
    const file = join(dir, 'bad.tgz');
    writeFileSync(file, 'not gzip');
    expect(() => readIgPackage(file)).to.throw(HarnessError).with.property('code', 'ERR_FHIR_PACKAGE');
  });

  it('reads plain ustar entries', () => {
    const archive = tar({ 'a.txt': 'A' });
    expect([...tarEntries(archive)].map((entry) => [entry.name, entry.data.toString()])).to.deep.equal([['a.txt', 'A']]);
  });

  it('validates against a StructureDefinition given as a file (options.profile)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hie-conform-sd-'));
    const file = join(dir, 'StructureDefinition-local.json');
    writeFileSync(file, JSON.stringify({
      resourceType: 'StructureDefinition', url: 'http://example.org/StructureDefinition/needs-birthdate', name: 'NeedsBirthDate', type: 'Patient', kind: 'resource',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient', derivation: 'constraint',
      differential: { element: [{ id: 'Patient', path: 'Patient' }, { id: 'Patient.birthDate', path: 'Patient.birthDate', min: 1 }] },
    }));
    const result = await validateFhir(JSON.stringify({ resourceType: 'Patient' }), { profile: file });
    expect(result.profiles).to.deep.equal(['http://example.org/StructureDefinition/needs-birthdate']);
    expect(result.issues.map((issue) => [issue.code, issue.path])).to.deep.equal([['fhir.cardinality', 'Patient.birthDate']]);
  });
});
