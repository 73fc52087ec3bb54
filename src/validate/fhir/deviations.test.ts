import { expect } from 'chai';
import { applyDeviations, FHIR_DEVIATIONS } from './deviations.js';
import type { EngineIssue } from './engine.js';

const HCIM = 'http://hlth.gov.bc.ca/fhir/client/StructureDefinition/';
const bdl2 = (rootProfile: string): EngineIssue => ({ severity: 'error', code: 'fhir.invariant.bdl-2', message: 'Unexpected Bundle: …', path: 'Bundle', validator: 'fhir', rule: 'bdl-2', rootProfile });

describe('HCIM FHIR deviations', () => {
  it('have stable ids, titles and evidence', () => {
    expect(FHIR_DEVIATIONS.map((deviation) => deviation.id)).to.deep.equal(['HCIM-FHIR-DEV-001', 'HCIM-FHIR-DEV-002']);
    for (const deviation of FHIR_DEVIATIONS) expect(deviation.evidence).to.match(/sample/i);
  });

  it('downgrade a matching error to a warning naming the deviation, unless strict', () => {
    const [lenient] = applyDeviations([bdl2(`${HCIM}bc-revise-response-bundle`)], false);
    expect(lenient!.severity).to.equal('warning');
    expect(lenient!.message).to.contain('known HCIM deviation HCIM-FHIR-DEV-001').and.contain('use --strict');
    const [strict] = applyDeviations([bdl2(`${HCIM}bc-revise-response-bundle`)], true);
    expect(strict!.severity).to.equal('error');
    expect(strict!.message).to.contain('HCIM-FHIR-DEV-001');
  });

  it('do not match the same rule elsewhere (bdl-2 on a request bundle stays an error)', () => {
    const [issue] = applyDeviations([bdl2(`${HCIM}bc-find-candidates-request-bundle`)], false);
    expect(issue!.severity).to.equal('error');
    expect(issue!.message).not.to.contain('HCIM-FHIR-DEV');
  });

  it('match the sender slice only on bc-metadata-parameters-out', () => {
    const sender = (profile: string): EngineIssue => ({ severity: 'error', code: 'fhir.slice', message: 'm', path: 'Parameters.parameter', validator: 'fhir-profile', rule: 'slice:sender', profile });
    expect(applyDeviations([sender(`${HCIM}bc-metadata-parameters-out`)], false)[0]!.severity).to.equal('warning');
    expect(applyDeviations([sender(`${HCIM}bc-metadata-parameters-in`)], false)[0]!.severity).to.equal('error');
  });
});
