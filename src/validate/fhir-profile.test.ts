import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import type { MessageValidation } from './contract.js';
import { loadedFhirProfiles, validateFhir } from './fhir-profile.js';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'fhir');
const HCIM = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';
const PLR = 'http://hlth.gov.bc.ca/fhir/provider/StructureDefinition/';

const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const errors = (result: MessageValidation): Issue[] => result.issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
const errorAt = (result: MessageValidation, path: string, code?: string) =>
  expect(errors(result).some((issue) => issue.path === path && (!code || issue.code === code)), `expected an error${code ? ` ${code}` : ''} at ${path}; got:\n${errors(result).map((issue) => `${issue.code} ${issue.path}`).join('\n')}`).to.equal(true);

describe('validateFhir — published HCIM samples', function () {
  this.timeout(30_000);
  before(async () => {
    await validateFhir(sample('hcim/Get-Demographics-Request.json')); // loads the R4 definitions once
  });

  // Published as valid (bcgov/MOH-HCIM-FHIR-HAPI-Validator input-samples) and valid here.
  for (const [file, profile] of [
    ['Find-Candidates-Request.json', 'bc-find-candidates-request-bundle'],
    ['Find-Candidates-Response.json', 'bc-search-response-bundle'],
    ['Get-Demographics-Request.json', 'bc-get-demographics-request-bundle'],
    ['Get-Demographics-Response.json', 'bc-search-response-bundle'],
    ['Add-Patient-Response.json', 'bc-add-response-bundle'],
    ['Revise-Patient-Response-Sync-PHN-New.json', 'bc-revise-response-bundle'],
    ['Merge-Request-Sync.json', 'bc-merge-request-parameters'],
    ['Merge-Response-Sync.json', 'bc-merge-response-parameters'],
    ['Distribution-NEW.json', 'bc-subscription-notification-bundle'],
    ['Distribution-DEATH.json', 'bc-subscription-notification-bundle'],
  ]) {
    it(`${file} is valid against ${profile}`, async () => {
      const result = await validateFhir(sample(`hcim/${file}`));
      expect(errors(result), errors(result).map((issue) => issue.message).join('\n')).to.deep.equal([]);
      expect(result.valid).to.equal(true);
      expect(result.profiles).to.include(`${HCIM}${profile}`);
    });
  }

  // Published as valid, but both carry `"valuecode": "unknown"` (lower-case c) inside an extension
  // on identifier[0]._value: an unknown JSON property, and the extension then has no value (ext-1).
  // That is a genuine base-R4 violation, reported as such (HAPI reports it too when strict).
  for (const file of ['Add-Patient-Request.json', 'Revise-Patient-Request-Sync-PHN-New.json']) {
    it(`${file} is invalid only for its misspelt valuecode property`, async () => {
      const result = await validateFhir(sample(`hcim/${file}`));
      const extension = 'Bundle.entry[1].resource.identifier[0].value.extension[0]';
      expect(errors(result).map((issue) => [issue.code, issue.path])).to.have.deep.members([
        ['fhir.structure', `${extension}.valuecode`],
        ['fhir.invariant.ext-1', extension],
      ]);
      expect(result.profiles).to.include(`${HCIM}bc-patient`);
    });
  }

  it('Add-Patient-Response.json: bdl-2 and the missing sender are documented deviations (warnings), errors with strict', async () => {
    const lenient = await validateFhir(sample('hcim/Add-Patient-Response.json'));
    const bdl2 = lenient.issues.find((issue) => issue.code === 'fhir.invariant.bdl-2');
    expect(bdl2?.severity).to.equal('warning');
    expect(bdl2?.message).to.contain('HCIM-FHIR-DEV-001');
    expect(lenient.issues.find((issue) => issue.code === 'fhir.slice')?.message).to.contain('HCIM-FHIR-DEV-002');
    const strict = await validateFhir(sample('hcim/Add-Patient-Response.json'), { strict: true });
    expect(strict.valid).to.equal(false);
    expect(errors(strict).map((issue) => issue.code)).to.have.members(['fhir.invariant.bdl-2', 'fhir.slice']);
  });

  // Invalid samples: each must fail AT the element altered from its valid counterpart.
  it('MP-Request-Invalid-Codes.json: identifier.use and link.type codes', async () => {
    const result = await validateFhir(sample('hcim/MP-Request-Invalid-Codes.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Parameters.parameter[0].valueReference.identifier.use', 'fhir.binding'); // "usual"
    errorAt(result, 'Parameters.parameter[1].valueReference.identifier.use', 'fhir.binding'); // "merged"
    errorAt(result, 'Parameters.parameter[2].resource.link[0].type', 'fhir.binding'); // "unknown"
  });

  it('MP-Request-Missing-Mandatory-Fields.json: source-patient, identifier and link removed', async () => {
    const result = await validateFhir(sample('hcim/MP-Request-Missing-Mandatory-Fields.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Parameters.parameter', 'fhir.slice');
    expect(errors(result).find((issue) => issue.code === 'fhir.slice')?.message).to.contain('"source-patient"');
    errorAt(result, 'Parameters.parameter[0].valueReference.identifier', 'fhir.cardinality');
    errorAt(result, 'Parameters.parameter[1].resource.link', 'fhir.cardinality');
  });

  it('RP-Request-Invalid-Codes.json: identifier, name, telecom, gender and address codes', async () => {
    const result = await validateFhir(sample('hcim/RP-Request-Invalid-Codes.json'));
    expect(result.valid).to.equal(false);
    const patient = 'Bundle.entry[1].resource';
    errorAt(result, `${patient}.identifier[0].use`, 'fhir.binding'); // usual
    errorAt(result, `${patient}.identifier[1].use`, 'fhir.binding'); // anidentifier
    errorAt(result, `${patient}.name[0].use`, 'fhir.binding'); // temp
    errorAt(result, `${patient}.name[1].use`, 'fhir.binding'); // typeofname
    for (let i = 0; i < 6; i++) errorAt(result, `${patient}.telecom[${i}].system`, 'fhir.binding'); // fax, pager, url, sms, other, somethingelse
    errorAt(result, `${patient}.telecom[2].use`, 'fhir.binding'); // temp
    errorAt(result, `${patient}.gender`, 'fhir.binding'); // undetermined
    errorAt(result, `${patient}.address[1].type`, 'fhir.binding'); // neither
    // Issues carry the line/column of the element (sample line 66: `"use": "usual",`).
    expect(errors(result).find((issue) => issue.path === `${patient}.identifier[0].use`)).to.include({ line: 66, column: 20 });
    const gender = errors(result).find((issue) => issue.path === `${patient}.gender`);
    expect(gender?.message).to.equal(
      `Unexpected ${patient}.gender: expected a code from AdministrativeGender (http://hl7.org/fhir/ValueSet/administrative-gender: male, female, other, unknown), but received "undetermined"`,
    );
  });

  it('RP-Request-Missing-Mandatory-Fields.json: type, fullUrl, messageId, parameter value/name, empty telecom', async () => {
    const result = await validateFhir(sample('hcim/RP-Request-Missing-Mandatory-Fields.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Bundle.type', 'fhir.cardinality');
    // A missing element is located at its nearest present ancestor (entry[0] starts on line 17).
    expect(errors(result).find((issue) => issue.path === 'Bundle.entry[0].fullUrl')).to.include({ line: 17, column: 5 });
    errorAt(result, 'Bundle.entry[0].fullUrl', 'fhir.cardinality');
    errorAt(result, 'Bundle.entry[1].fullUrl', 'fhir.cardinality');
    errorAt(result, 'Bundle.entry[0].resource.parameter', 'fhir.slice'); // messageId removed
    errorAt(result, 'Bundle.entry[0].resource.parameter[0]', 'fhir.invariant.inv-1'); // messageDateTime without value
    errorAt(result, 'Bundle.entry[0].resource.parameter[1].name', 'fhir.cardinality'); // sender name removed
    errorAt(result, 'Bundle.entry[1].resource.telecom[3]', 'fhir.structure.empty'); // {}
  });

  it('Search-Request-FC-Invalid-Codes.json: name.use "temp"', async () => {
    const result = await validateFhir(sample('hcim/Search-Request-FC-Invalid-Codes.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Bundle.entry[1].resource.name[0].use', 'fhir.binding');
    expect(errors(result)).to.have.length(1);
  });

  it('Search-Request-FC-Missing-Mandatory-Fields.json: the Patient entry removed', async () => {
    const result = await validateFhir(sample('hcim/Search-Request-FC-Missing-Mandatory-Fields.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Bundle.entry', 'fhir.cardinality'); // 2..3 entries
    errorAt(result, 'Bundle', 'fhir.invariant.invariant-fc-1'); // exactly one Patient xor RelatedPerson
  });

  it('Search-Response-Invalid-Codes.json: codes in the matched Patient', async () => {
    const result = await validateFhir(sample('hcim/Search-Response-Invalid-Codes.json'));
    expect(result.valid).to.equal(false);
    const patient = 'Bundle.entry[2].resource';
    errorAt(result, `${patient}.identifier[0].use`, 'fhir.binding');
    errorAt(result, `${patient}.identifier[1].extension[0].valueCode`, 'fhir.binding'); // idstatus
    errorAt(result, `${patient}.name[0].use`, 'fhir.binding');
    errorAt(result, `${patient}.telecom[5].use`, 'fhir.binding');
    errorAt(result, `${patient}.gender`, 'fhir.binding'); // mailing
    errorAt(result, `${patient}.address[1].extension[0].valueCode`, 'fhir.binding'); // statusofaddress
    errorAt(result, `${patient}.address[1].type`, 'fhir.binding'); // typeofaddress
  });

  it('Distribution-DEATH-Missing-Death-Verified.json: the death verification removed', async () => {
    const result = await validateFhir(sample('hcim/Distribution-DEATH-Missing-Death-Verified.json'));
    expect(result.valid).to.equal(false);
    errorAt(result, 'Bundle.entry[1].resource.deceasedDateTime', 'fhir.structure.empty'); // "_deceasedDateTime": {}
    errorAt(result, 'Bundle', 'fhir.invariant.bc-notification-death-1');
  });

  it('Distribution-NEWBORN-Missing-Related-Person.json: the mother (RelatedPerson entry) missing', async () => {
    const result = await validateFhir(sample('hcim/Distribution-NEWBORN-Missing-Related-Person.json'));
    expect(result.valid).to.equal(false);
    // The altered element is an absent Bundle.entry; the rule that needs it sits on Bundle.
    errorAt(result, 'Bundle', 'fhir.invariant.bc-notification-newborn-1');
  });

  it('covers every sample in test/fixtures/fhir/hcim', () => {
    expect(readdirSync(join(SAMPLES, 'hcim'))).to.have.length(21);
  });
});

describe('validateFhir — PLR', () => {
  it('the IG example $entityQuery response Bundle is valid, nested Bundles and contained resources included', async () => {
    const result = await validateFhir(sample('plr/Bundle-Example-Response-Query-Practitioner-Bundle.json'));
    expect(errors(result)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(result.profiles).to.include.members([
      `${PLR}bc-query-response-bundle`,
      `${PLR}bc-operation-outcome`,
      `${PLR}bc-practitioner-bundle`,
      `${PLR}bc-practitioner`,
      `${PLR}bc-organization`,
      `${PLR}bc-practitioner-role`,
      `${PLR}bc-role-relationships`,
    ]);
  });

  it('reports a nested Practitioner without identifier against bc-practitioner', async () => {
    const bundle = JSON.parse(sample('plr/Bundle-Example-Response-Query-Practitioner-Bundle.json'));
    delete bundle.entry[1].resource.entry[0].resource.identifier;
    const result = await validateFhir(JSON.stringify(bundle));
    errorAt(result, 'Bundle.entry[1].resource.entry[0].resource.identifier', 'fhir.cardinality');
    expect(errors(result)[0]?.validator).to.equal('fhir-profile');
  });
});

describe('validateFhir — profile selection', () => {
  it('infers the profile from the Bundle shape when meta.profile is absent', async () => {
    const bundle = JSON.parse(sample('hcim/Find-Candidates-Response.json'));
    delete bundle.meta;
    for (const entry of bundle.entry) delete entry.resource.meta;
    const result = await validateFhir(JSON.stringify(bundle));
    expect(result.profiles).to.include.members([`${HCIM}bc-search-response-bundle`, `${HCIM}bc-metadata-parameters-out`, `${HCIM}bc-patient`]);
  });

  it('infers find-candidates for a collection of Parameters + Patient without the operation link', async () => {
    const bundle = JSON.parse(sample('hcim/Find-Candidates-Request.json'));
    delete bundle.meta;
    delete bundle.link;
    const result = await validateFhir(JSON.stringify(bundle));
    expect(result.profiles?.[0]).to.equal(`${HCIM}bc-find-candidates-request-bundle`);
  });

  it('infers the PLR query response from a searchset with an OperationOutcome and nested Bundles', async () => {
    const bundle = JSON.parse(sample('plr/Bundle-Example-Response-Query-Practitioner-Bundle.json'));
    delete bundle.entry[0].resource.meta;
    delete bundle.entry[1].resource.meta;
    const result = await validateFhir(JSON.stringify(bundle));
    expect(result.profiles).to.include.members([`${PLR}bc-query-response-bundle`, `${PLR}bc-practitioner-bundle`]);
  });

  it('options.profile overrides meta.profile', async () => {
    const result = await validateFhir(sample('hcim/Find-Candidates-Request.json'), { profile: `${HCIM}bc-get-demographics-request-bundle` });
    expect(result.profiles?.[0]).to.equal(`${HCIM}bc-get-demographics-request-bundle`);
    expect(result.profiles).not.to.include(`${HCIM}bc-find-candidates-request-bundle`);
  });

  it('an unknown options.profile is a HarnessError listing the loaded profiles', async () => {
    try {
      await validateFhir(sample('hcim/Find-Candidates-Request.json'), { profile: `${HCIM}bc-nope` });
      expect.fail('expected a HarnessError');
    } catch (error) {
      expect(error).to.be.instanceOf(HarnessError);
      expect((error as HarnessError).code).to.equal('ERR_FHIR_PROFILE_UNKNOWN');
      expect((error as HarnessError).message).to.contain(`${HCIM}bc-patient`);
    }
  });

  it('an unknown meta.profile is a warning and validation continues on the base definition', async () => {
    const result = await validateFhir(JSON.stringify({ resourceType: 'Basic', meta: { profile: ['http://example.org/x'] }, code: { text: 'x' } }));
    expect(result.valid).to.equal(true);
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.path])).to.deep.equal([['warning', 'fhir.profile.unknown', 'Basic.meta.profile']]);
  });

  it('lists the loaded BC profiles', () => {
    const profiles = loadedFhirProfiles();
    expect(profiles).to.include.members([`${HCIM}bc-patient`, `${HCIM}bc-revise-request-bundle`, `${PLR}bc-practitioner`, `${PLR}bc-query-response-bundle`]);
  });

  it('only: ["xsd"] skips the profile layer', async () => {
    const result = await validateFhir('not json', { only: ['xsd'] });
    expect(result).to.deep.equal({ kind: 'fhir', valid: true, issues: [] });
  });
});
