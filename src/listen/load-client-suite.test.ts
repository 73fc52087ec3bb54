import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import { loadClientSuite } from './load-client-suite.js';

function write(text: string): { cwd: string; file: string } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'client-suite-'));
  writeFileSync(path.join(cwd, 'client.yaml'), text);
  return { cwd, file: 'client.yaml' };
}

function loadError(text: string): HarnessError {
  const { cwd, file } = write(text);
  try {
    loadClientSuite(file, { cwd });
  } catch (error) {
    return error as HarnessError;
  }
  throw new Error('expected the suite to be refused');
}

const VALID = `kind: client
id: c
title: C
expectations:
  - id: gd
    title: GD
    requirements: [HCIM-CL-01]
    request:
      kind: soap
      root: HCIM_IN_GetDemographics
      where:
        - xpath: "//hl7:person.id"
    response:
      - status: 200
`;

describe('loadClientSuite', () => {
  it('loads a client suite with defaults and the position of each condition', () => {
    const { cwd, file } = write(VALID);
    const suite = loadClientSuite(file, { cwd });
    expect(suite.document.id).to.equal('c');
    const [gd] = suite.expectations;
    expect(gd!.document.count).to.equal(1);
    expect(gd!.document.valid).to.equal(true);
    expect(gd!.document.optional).to.equal(false);
    expect(gd!.location).to.deep.equal({ file: 'client.yaml', line: 5, column: 5 });
    expect(gd!.where[0]!.location.line).to.equal(12);
    expect(gd!.where[0]!.path).to.equal('expectations[0].request.where[0]');
    expect(gd!.response[0]!.location.line).to.equal(14);
    expect(suite.sha256).to.match(/^[0-9a-f]{64}$/);
  });

  it('refuses an unknown request kind with file:line and the valid values', () => {
    const error = loadError(VALID.replace('kind: soap', 'kind: rest'));
    expect(error.code).to.equal('ERR_SUITE_SCHEMA');
    expect(error.message).to.equal('client.yaml:9:7: expectations[0].request.kind must be one of "soap", "fhir", but received "rest"');
  });

  it('refuses a request condition that cannot apply to a request', () => {
    const error = loadError(VALID.replace('- xpath: "//hl7:person.id"', '- status: 200'));
    expect(error.message).to.equal('client.yaml:12:11: expectations[0].request.where[0].status cannot be a request condition; valid kinds: xpath, fhirpath, header');
  });

  it('refuses root on a fhir request and operation on a soap request', () => {
    expect(loadError(VALID.replace('kind: soap', 'kind: fhir')).message).to.match(/expectations\[0\]\.request\.root is for kind "soap"/);
    expect(loadError(VALID.replace('root: HCIM_IN_GetDemographics', 'operation: Patient/$GetDemographics')).message).to.match(/expectations\[0\]\.request\.operation is for kind "fhir"/);
  });

  it('refuses duplicate expectation ids and a run suite given by mistake', () => {
    const duplicate = VALID + VALID.split('expectations:\n')[1]!;
    expect(loadError(duplicate).code).to.equal('ERR_SUITE_DUPLICATE_ID');
    const runSuite = loadError('id: r\ntitle: R\ncases: []\n');
    expect(runSuite.message).to.match(/client\.yaml:1:1: is a run suite \(it has "cases"\), not a client suite/);
  });
});
