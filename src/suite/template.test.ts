import { expect } from 'chai';
import { HarnessError } from '../core/errors.js';
import { hl7Timestamp, renderTemplate, stepBuiltins } from './template.js';

describe('suite/template', () => {
  const location = { file: 'suites/x.yaml', line: 7, column: 5 };

  it('replaces variables and leaves FHIR $operations alone', () => {
    const out = renderTemplate('${base}/Patient/$GetDemographics?phn=${phn}', { base: 'http://h', phn: '9735353315' }, { key: 'url' });
    expect(out).to.equal('http://h/Patient/$GetDemographics?phn=9735353315');
  });

  it('escapes $${ to a literal ${', () => {
    expect(renderTemplate('a $${x} b', {}, { key: 'body' })).to.equal('a ${x} b');
  });

  it('throws a located error naming the unknown variable and the known ones', () => {
    try {
      renderTemplate('${phm}', { phn: '1' }, { key: 'cases[0].steps[0].body', location });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(HarnessError);
      expect((error as HarnessError).code).to.equal('ERR_TEMPLATE_VARIABLE');
      expect((error as Error).message).to.equal('suites/x.yaml:7:5: cases[0].steps[0].body uses unknown variable "${phm}"; known variables: phn, uuid');
    }
  });

  it('formats HL7 timestamps as yyyyMMddHHmmss and generates distinct uuids', () => {
    expect(hl7Timestamp(new Date('2026-11-23T08:09:10.123Z'))).to.equal('20261123080910');
    const a = renderTemplate('${uuid}', {}, { key: 'k' });
    const b = renderTemplate('${uuid}', {}, { key: 'k' });
    expect(a).to.match(/^[0-9a-f-]{36}$/);
    expect(a).to.not.equal(b);
    const builtins = stepBuiltins(new Date('2026-01-02T03:04:05Z'));
    expect(builtins.now).to.equal('20260102030405');
    expect(builtins.today).to.equal('20260102');
    expect(builtins.messageId).to.match(/^[0-9A-F-]{36}$/);
  });
});
