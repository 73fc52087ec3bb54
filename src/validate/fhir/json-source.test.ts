import { expect } from 'chai';
import { validateFhir } from '../fhir-profile.js';
import { MAX_DEPTH } from './engine.js';
import { lineColumn, parseJsonSource, syntaxErrorOffset } from './json-source.js';

describe('FHIR JSON source', function () {
  this.timeout(20_000);

  it('reports a syntax error with line and column', () => {
    const parsed = parseJsonSource('{\n  "resourceType": "Patient",\n  "active": tru\n}');
    expect(parsed.kind).to.equal('failed');
    if (parsed.kind !== 'failed') return;
    expect(parsed.issue).to.include({ severity: 'fatal', code: 'json.syntax', line: 3, validator: 'json' });
    expect(parsed.issue.column).to.be.within(13, 15);
    expect(parsed.issue.message).to.equal(`3:${parsed.issue.column}: expected JSON, but received "tru\\n}"`);
  });

  it('reports an empty document', () => {
    const parsed = parseJsonSource('   ');
    expect(parsed.kind === 'failed' && parsed.issue.message).to.equal('1:4: expected JSON, but received an empty document');
  });

  it('parses 10,000 levels of nesting (V8 JSON.parse is iterative)', () => {
    const parsed = parseJsonSource(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(parsed.kind).to.equal('ok');
  });

  it('locates syntax errors itself: trailing commas, bad literals, unterminated strings', () => {
    expect(syntaxErrorOffset('{"a":1,}')).to.equal(7);
    expect(syntaxErrorOffset('[1, nul]')).to.equal(4);
    expect(syntaxErrorOffset('{"a":"x')).to.equal(7);
    expect(syntaxErrorOffset('{"a":[1,{"b":true}]} x')).to.equal(21);
    expect(syntaxErrorOffset('{"a":[1,{"b":true}]}')).to.equal(-1);
  });

  it('computes 1-based line and column of an offset', () => {
    expect(lineColumn('ab\ncd', 4)).to.deep.equal({ line: 2, column: 2 });
  });

  describe('through validateFhir', () => {
    it('not JSON → invalid with a positioned json.syntax issue', async () => {
      const result = await validateFhir('<Bundle/>');
      expect(result.valid).to.equal(false);
      expect(result.issues.map((issue) => [issue.code, issue.line, issue.column])).to.deep.equal([['json.syntax', 1, 1]]);
    });

    it('JSON that is not a resource → fhir.not-a-resource', async () => {
      for (const [text, received] of [['[1,2]', 'an array'], ['{"a":1}', 'an object without resourceType'], ['42', 'a JSON number']] as const) {
        const result = await validateFhir(text);
        expect(result.valid).to.equal(false);
        expect(result.issues[0]).to.include({ code: 'fhir.not-a-resource', severity: 'fatal' });
        expect(result.issues[0]!.message).to.equal(`Unexpected document: expected a FHIR resource (a JSON object with resourceType), but received ${received}`);
      }
    });

    it('10,000-level deep nesting → one fatal issue, no stack overflow', async () => {
      const part = `${'{"name":"p","part":['.repeat(10_000)}{"name":"leaf","valueString":"x"}${']}'.repeat(10_000)}`;
      const result = await validateFhir(`{"resourceType":"Parameters","parameter":[${part}]}`);
      expect(result.valid).to.equal(false);
      const deep = result.issues.filter((issue) => issue.code === 'fhir.too-deep');
      expect(deep).to.have.length(1);
      expect(deep[0]!.severity).to.equal('fatal');
      expect(deep[0]!.message).to.contain(`at most ${MAX_DEPTH} levels`);
      expect(deep[0]!.path).to.match(/^Parameters\.parameter\[0\](\.part\[0\])+$/);
    });

    it('10,000 levels of arrays are "not a resource", not a crash', async () => {
      const result = await validateFhir(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      expect(result.issues[0]!.code).to.equal('fhir.not-a-resource');
    });

    it('handles a 50 MB Bundle', async () => {
      const patient = (i: number) => ({
        fullUrl: `urn:uuid:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        resource: { resourceType: 'Patient', name: [{ family: 'Crossett', given: ['Reed'] }], birthDate: '1982-12-04' },
      });
      const big = { resourceType: 'Binary', contentType: 'text/plain', data: 'QUJD'.repeat(12_500_000) };
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: [...Array.from({ length: 2000 }, (_, i) => patient(i)), { fullUrl: 'urn:uuid:ffffffff-0000-0000-0000-000000000000', resource: big }] };
      const text = JSON.stringify(bundle);
      expect(text.length).to.be.greaterThan(50_000_000);
      const result = await validateFhir(text);
      expect(result.issues.filter((issue) => issue.severity === 'error')).to.deep.equal([]);
      expect(result.valid).to.equal(true);
    });
  });
});
