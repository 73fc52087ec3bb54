import { expect } from 'chai';
import type { StructureDefinition } from '../../fhir/definitions.js';
import { FIXTURE_PROFILES_DIR, ProfileRegistry } from '../../fhir/profiles.js';
import { validateResourceTree, type EngineIssue } from './engine.js';

const HCIM = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';
const TEST = 'http://example.org/fhir/StructureDefinition/';

let registry: ProfileRegistry;

function profile(id: string, type: string, elements: Record<string, unknown>[], base = `http://hl7.org/fhir/StructureDefinition/${type}`): string {
  const sd: StructureDefinition = {
    resourceType: 'StructureDefinition',
    url: `${TEST}${id}`,
    name: id,
    type,
    kind: 'resource',
    baseDefinition: base,
    derivation: 'constraint',
    differential: { element: [{ id: type, path: type }, ...elements] as never },
  };
  registry.add(sd, 'file');
  return sd.url;
}

const validate = (resource: Record<string, unknown>, profiles: string[] = []) => validateResourceTree(registry, resource, profiles).issues;
const brief = (issues: EngineIssue[]) => issues.map((issue) => [issue.severity, issue.code, issue.path]);
const errorsOf = (issues: EngineIssue[]) => brief(issues.filter((issue) => issue.severity === 'error'));

const patient = (extra: Record<string, unknown> = {}) => ({ resourceType: 'Patient', ...extra });

describe('FHIR profile engine', function () {
  this.timeout(20_000);
  before(() => {
    registry = new ProfileRegistry();
    registry.addDirectory(FIXTURE_PROFILES_DIR);
  });

  describe('cardinality', () => {
    it('reports a profile minimum not met, at the missing element', () => {
      const url = profile('card-min', 'Patient', [{ id: 'Patient.birthDate', path: 'Patient.birthDate', min: 1 }]);
      const issues = validate(patient(), [url]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.cardinality', 'Patient.birthDate']]);
      expect(issues[0]!.message).to.equal('Missing Patient.birthDate: expected at least 1 (1..1 in card-min), but received 0');
      expect(issues[0]!.validator).to.equal('fhir-profile');
      expect(validate(patient({ birthDate: '1982-12-04' }), [url])).to.deep.equal([]);
    });

    it('reports a profile maximum exceeded', () => {
      const url = profile('card-max', 'Patient', [{ id: 'Patient.name', path: 'Patient.name', max: '1' }]);
      expect(errorsOf(validate(patient({ name: [{ family: 'A' }, { family: 'B' }] }), [url]))).to.deep.equal([['error', 'fhir.cardinality', 'Patient.name']]);
      expect(validate(patient({ name: [{ family: 'A' }] }), [url])).to.deep.equal([]);
    });

    it('reports a base R4 minimum (Bundle.type 1..1) with validator "fhir"', () => {
      const issues = validate({ resourceType: 'Bundle' });
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.cardinality', 'Bundle.type']]);
      expect(issues[0]!.validator).to.equal('fhir');
    });
  });

  describe('types and structure', () => {
    it('reports a choice type the profile excludes', () => {
      const issues = validate(patient({ deceasedBoolean: true }), [`${HCIM}bc-patient`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.type', 'Patient.deceasedBoolean']]);
      expect(issues[0]!.message).to.equal('Unexpected Patient.deceasedBoolean: expected dateTime, but received boolean');
      expect(validate(patient({ deceasedDateTime: '2026-02-26' }), [`${HCIM}bc-patient`])).to.deep.equal([]);
    });

    it('reports primitive values that break the R4 lexical rules', () => {
      const issues = validate(patient({ birthDate: '1982-13-04', active: 'true', multipleBirthInteger: 1.5 }));
      expect(errorsOf(issues)).to.have.deep.members([
        ['error', 'fhir.type', 'Patient.birthDate'],
        ['error', 'fhir.type', 'Patient.active'],
        ['error', 'fhir.type', 'Patient.multipleBirthInteger'],
      ]);
      expect(issues.find((issue) => issue.path === 'Patient.active')!.message).to.equal('Unexpected Patient.active: expected a JSON boolean, but received "true"');
    });

    it('reports unknown properties listing the valid element names', () => {
      const issues = validate(patient({ name: [{ familyName: 'X' }] }));
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.structure', 'Patient.name[0].familyName']]);
      expect(issues[0]!.message).to.contain('expected one of the elements of HumanName (id, extension, use, text, family, given, prefix, suffix, period)');
    });

    it('reports arrays vs single values, empty objects, empty arrays and nulls', () => {
      const issues = validate(patient({ gender: ['male'], name: [], telecom: [{}], birthDate: null }));
      expect(errorsOf(issues)).to.have.deep.members([
        ['error', 'fhir.structure', 'Patient.gender'],
        ['error', 'fhir.structure.empty', 'Patient.name'],
        ['error', 'fhir.structure.empty', 'Patient.telecom[0]'],
        ['error', 'fhir.structure.empty', 'Patient.birthDate'],
      ]);
    });

    it('reports an unknown resourceType with the closest R4 names', () => {
      const issues = validate({ resourceType: 'Patinet' });
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.resource-type', 'Patinet']]);
      expect(issues[0]!.message).to.contain('closest: Patient');
    });
  });

  describe('fixed and pattern values', () => {
    it('reports a fixed code that differs (bc-search-response-bundle type searchset)', () => {
      const issues = validate({ resourceType: 'Bundle', type: 'collection' }, [`${HCIM}bc-search-response-bundle`]);
      expect(errorsOf(issues)).to.deep.include(['error', 'fhir.fixed', 'Bundle.type']);
      expect(issues.find((issue) => issue.code === 'fhir.fixed')!.message).to.equal('Unexpected Bundle.type: expected "searchset", but received "collection"');
    });

    it('reports a pattern not matched, and passes a superset', () => {
      const url = profile('pattern', 'Patient', [
        { id: 'Patient.maritalStatus', path: 'Patient.maritalStatus', patternCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] } },
      ]);
      const married = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M', display: 'Married' }], text: 'married' };
      expect(validate(patient({ maritalStatus: married }), [url])).to.deep.equal([]);
      const single = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'S' }] };
      expect(errorsOf(validate(patient({ maritalStatus: single }), [url]))).to.deep.equal([['error', 'fhir.pattern', 'Patient.maritalStatus']]);
    });
  });

  describe('bindings', () => {
    it('reports a code outside a required BC ValueSet, listing the valid codes', () => {
      const issues = validate(patient({ name: [{ use: 'maiden', family: 'X' }] }), [`${HCIM}bc-patient`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.binding', 'Patient.name[0].use']]);
      expect(issues[0]!.message).to.equal(
        'Unexpected Patient.name[0].use: expected a code from BC Name Use Value Set (https://terminology.hlth.gov.bc.ca/ClientRegistry/ValueSet/bc-name-use-value-set: usual, official, nickname), but received "maiden"',
      );
      expect(validate(patient({ name: [{ use: 'nickname', given: ['X'] }] }), [`${HCIM}bc-patient`])).to.deep.equal([]);
    });

    it('reports a Coding from an unknown code system in a required binding', () => {
      const bad = { resourceType: 'Parameters', parameter: [{ name: 'messageId', valueString: 'm' }, { name: 'eventType', valueCodeableConcept: { coding: [{ system: 'http://example.org/events', code: 'NEW' }] } }] };
      const issues = validate(bad, [`${HCIM}bc-metadata-parameters-subscription`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.binding', 'Parameters.parameter[1].valueCodeableConcept.coding[0]']]);
      expect(issues[0]!.message).to.contain('but received code system http://example.org/events (not in the value set) "NEW"');
      const good = structuredClone(bad);
      good.parameter[1]!.valueCodeableConcept!.coding[0]!.system = 'https://terminology.hlth.gov.bc.ca/ClientRegistry/CodeSystem/bc-client-registry-patient-change-notification-events';
      expect(validate(good, [`${HCIM}bc-metadata-parameters-subscription`])).to.deep.equal([]);
    });

    it('reports an extensible binding miss as a warning', () => {
      const url = profile('extensible', 'Patient', [
        { id: 'Patient.maritalStatus', path: 'Patient.maritalStatus', binding: { strength: 'extensible', valueSet: 'http://hl7.org/fhir/ValueSet/marital-status' } },
      ]);
      const issues = validate(patient({ maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'ZZ' }] } }), [url]);
      expect(brief(issues)).to.deep.equal([['warning', 'fhir.binding', 'Patient.maritalStatus.coding[0]']]);
    });
  });

  describe('slicing', () => {
    const parameters = (...parameter: Record<string, unknown>[]) => ({ resourceType: 'Parameters', parameter });

    it('slices Parameters.parameter by name: a required slice missing, a slice repeated', () => {
      const missing = validate(parameters({ name: 'history', valueBoolean: true }), [`${HCIM}bc-metadata-parameters-in`]);
      expect(errorsOf(missing)).to.deep.equal([['error', 'fhir.slice', 'Parameters.parameter']]);
      expect(missing[0]!.message).to.equal('Unexpected Parameters.parameter: expected 1..1 of slice "messageId" (name = "messageId") in MetadataParametersIn, but received 0');
      const twice = validate(parameters({ name: 'messageId', valueString: 'a' }, { name: 'messageId', valueString: 'b' }), [`${HCIM}bc-metadata-parameters-in`]);
      expect(errorsOf(twice)).to.deep.equal([['error', 'fhir.slice', 'Parameters.parameter']]);
      expect(validate(parameters({ name: 'messageId', valueString: 'a' }), [`${HCIM}bc-metadata-parameters-in`])).to.deep.equal([]);
    });

    it('applies the slice constraints to the matched item (messageId value must be a string)', () => {
      const issues = validate(parameters({ name: 'messageId', valueInteger: 7 }), [`${HCIM}bc-metadata-parameters-in`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.type', 'Parameters.parameter[0].valueInteger']]);
    });

    it('slices Bundle.entry by resource type and validates entries against the slice profile', () => {
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:00000000-0000-0000-0000-000000000001', resource: { resourceType: 'Parameters', parameter: [{ name: 'messageId', valueString: 'm' }] } },
          { fullUrl: 'urn:uuid:00000000-0000-0000-0000-000000000002', resource: { resourceType: 'Patient', name: [{ use: 'temp', family: 'X' }] } },
          { fullUrl: 'urn:uuid:00000000-0000-0000-0000-000000000003', resource: { resourceType: 'Patient', name: [{ family: 'Y' }] } },
        ],
      };
      const issues = validate(bundle, [`${HCIM}bc-get-demographics-request-bundle`]);
      expect(errorsOf(issues)).to.have.deep.members([
        ['error', 'fhir.cardinality', 'Bundle.entry'], // 2..2
        ['error', 'fhir.slice', 'Bundle.entry'], // patient 1..1
        ['error', 'fhir.binding', 'Bundle.entry[1].resource.name[0].use'], // bc-patient via the slice
      ]);
    });

    it('slices extensions by url (bc-patient gender history: sourceID at most once)', () => {
      const sourceId = { url: `${HCIM}bc-sourceId-extension`, valueString: 'A' };
      const issues = validate(patient({ gender: 'male', _gender: { extension: [sourceId, { ...sourceId, valueString: 'B' }] } }), [`${HCIM}bc-patient`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.slice', 'Patient.gender.extension']]);
      expect(issues[0]!.message).to.contain('slice "sourceID"');
    });

    it('slices extensions by url even where the profile declares no slicing (Patient.extension:patientEffectiveDates 0..1)', () => {
      const period = { url: `${HCIM}bc-business-period-extension`, valuePeriod: { start: '2026-01-01' } };
      const issues = validate(patient({ extension: [period, period] }), [`${HCIM}bc-patient`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.slice', 'Patient.extension']]);
      expect(validate(patient({ extension: [period] }), [`${HCIM}bc-patient`])).to.deep.equal([]);
    });

    it('reports items outside a closed slicing', () => {
      const url = profile('closed', 'Parameters', [
        { id: 'Parameters.parameter', path: 'Parameters.parameter', slicing: { discriminator: [{ type: 'value', path: 'name' }], rules: 'closed' } },
        { id: 'Parameters.parameter:a', path: 'Parameters.parameter', sliceName: 'a', min: 0, max: '1' },
        { id: 'Parameters.parameter:a.name', path: 'Parameters.parameter.name', fixedString: 'a' },
      ]);
      expect(validate(parameters({ name: 'a', valueString: 'x' }), [url])).to.deep.equal([]);
      expect(errorsOf(validate(parameters({ name: 'b', valueString: 'x' }), [url]))).to.deep.equal([['error', 'fhir.slice', 'Parameters.parameter[0]']]);
    });
  });

  describe('extensions', () => {
    it('checks the extension against its definition (value type) and its context', () => {
      const onRoot = { url: `${HCIM}bc-validation-status-extension`, valueCode: 'valid' };
      const context = validate(patient({ extension: [onRoot] }), [`${HCIM}bc-patient`]);
      expect(errorsOf(context)).to.deep.equal([['error', 'fhir.extension.context', 'Patient.extension[0]']]);
      expect(context[0]!.message).to.equal(`Unexpected Patient.extension[0]: extension ${HCIM}bc-validation-status-extension may be used on Address, but it is on Patient`);
      const onAddress = validate(patient({ address: [{ city: 'Avola', extension: [{ url: onRoot.url, valueString: 'valid' }] }] }), [`${HCIM}bc-patient`]);
      expect(errorsOf(onAddress)).to.deep.equal([['error', 'fhir.type', 'Patient.address[0].extension[0].valueString']]);
      expect(validate(patient({ address: [{ city: 'Avola', extension: [onRoot] }] }), [`${HCIM}bc-patient`])).to.deep.equal([]);
    });

    it('checks complex extensions: required sub-extension missing', () => {
      const flag = { url: `${HCIM}bc-death-verified-flag-extension`, extension: [{ url: `${HCIM}bc-business-period-extension`, valuePeriod: { start: '2026-01-01' } }] };
      const issues = validate(patient({ deceasedDateTime: '2026-02-26', _deceasedDateTime: { extension: [flag] } }), [`${HCIM}bc-patient`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.slice', 'Patient.deceasedDateTime.extension[0].extension']]);
    });

    it('warns about an extension whose definition is not loaded', () => {
      const issues = validate(patient({ extension: [{ url: 'http://example.org/ext', valueString: 'x' }] }));
      expect(brief(issues)).to.deep.equal([['warning', 'fhir.extension.unknown', 'Patient.extension[0].url']]);
    });
  });

  describe('invariants', () => {
    it('evaluates profile invariants with FHIRPath (invariant-fc-1)', () => {
      const base = { resourceType: 'Bundle', type: 'collection' };
      const entry = (n: number, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-0000-0000-00000000000${n}`, resource });
      const both = { ...base, entry: [entry(1, { resourceType: 'Parameters', parameter: [{ name: 'messageId', valueString: 'm' }] }), entry(2, { resourceType: 'Patient' }), entry(3, { resourceType: 'RelatedPerson', patient: { reference: 'urn:uuid:00000000-0000-0000-0000-000000000002' } })] };
      const issues = validate(both, [`${HCIM}bc-find-candidates-request-bundle`]);
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.invariant.invariant-fc-1', 'Bundle']]);
      expect(validate({ ...both, entry: both.entry.slice(0, 2) }, [`${HCIM}bc-find-candidates-request-bundle`])).to.deep.equal([]);
    });

    it('evaluates base invariants natively (per-1 on a Period)', () => {
      const issues = validate(patient({ name: [{ family: 'X', period: { start: '2020-01-01', end: '2019-01-01' } }] }));
      expect(errorsOf(issues)).to.deep.equal([['error', 'fhir.invariant.per-1', 'Patient.name[0].period']]);
    });
  });

  describe('references inside a Bundle', () => {
    it('reports a urn:uuid reference that no entry fullUrl resolves', () => {
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:00000000-0000-0000-0000-000000000001', resource: { resourceType: 'Patient' } },
          { fullUrl: 'urn:uuid:00000000-0000-0000-0000-000000000002', resource: { resourceType: 'RelatedPerson', patient: { reference: 'urn:uuid:00000000-0000-0000-0000-000000000009' } } },
        ],
      };
      expect(errorsOf(validate(bundle))).to.deep.equal([['error', 'fhir.reference', 'Bundle.entry[1].resource.patient.reference']]);
      bundle.entry[1]!.resource.patient!.reference = 'urn:uuid:00000000-0000-0000-0000-000000000001';
      expect(validate(bundle)).to.deep.equal([]);
    });
  });
});
