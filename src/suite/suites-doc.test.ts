import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CallbackStepSchema, CaseSchema, EXPECTATION_KINDS, FhirStepSchema, SoapStepSchema, SuiteSchema } from './suite-schema.js';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/suites.md');

/** docs/suites.md is the format reference: check it against the zod schema so the two cannot drift. */
describe('docs/suites.md against the suite schema', () => {
  const text = readFileSync(DOC, 'utf8');
  const examples = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as unknown);

  it('every YAML example is a valid suite', () => {
    expect(examples.length).to.be.greaterThanOrEqual(4);
    for (const example of examples) {
      const result = SuiteSchema.safeParse(example);
      expect(result.success, JSON.stringify(result.error?.issues)).to.equal(true);
    }
  });

  it('has a worked example of every step kind and every expectation kind', () => {
    const steps = examples.flatMap((e) => SuiteSchema.parse(e).cases.flatMap((c) => c.steps));
    expect(new Set(steps.map((s) => s.kind))).to.deep.equal(new Set(['soap', 'fhir', 'callback']));
    const kinds = new Set(steps.flatMap((s) => s.expect.flatMap((e) => Object.keys(e).filter((k) => (EXPECTATION_KINDS as readonly string[]).includes(k)))));
    expect([...kinds].sort()).to.deep.equal([...EXPECTATION_KINDS].sort());
  });

  it('documents every key of suites, cases and steps in its tables', () => {
    const documented = new Set([...text.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]));
    const keys = [
      ...Object.keys(SuiteSchema.shape),
      ...Object.keys(CaseSchema.shape),
      ...Object.keys(SoapStepSchema.shape).filter((k) => !['id', 'title', 'headers', 'capture', 'expect', 'timeout', 'kind'].includes(k)),
      ...Object.keys(FhirStepSchema.shape).filter((k) => !['id', 'title', 'headers', 'capture', 'expect', 'timeout', 'kind'].includes(k)),
      ...Object.keys(CallbackStepSchema.shape).filter((k) => !['id', 'title', 'capture', 'expect', 'timeout', 'kind'].includes(k)),
      ...EXPECTATION_KINDS,
    ];
    const missing = [...new Set(keys)].filter((key) => !documented.has(key));
    expect(missing, `undocumented keys: ${missing.join(', ')}`).to.deep.equal([]);
  });
});
