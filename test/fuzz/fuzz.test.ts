import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateExpectation } from '../../src/assert/evaluate-expectation.js';
import { ResponseView } from '../../src/assert/response-view.js';
import type { Expectation } from '../../src/suite/suite-schema.js';
import { readCapture } from '../../src/run/capture.js';
import type { Exchange } from '../../src/transport/exchange.js';
import { validateFhir } from '../../src/validate/fhir-profile.js';
import { validateHl7v3 } from '../../src/validate/hl7v3.js';
import { REPO_ROOT } from '../e2e/helpers/run-cli.js';
import { mutate, prng } from './mutate.js';

const COUNT = Number(process.env.HIE_FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.HIE_FUZZ_SEED ?? 20261123);

function samples(folder: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(extension)) out.push(readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO_ROOT, 'test', 'fixtures', folder));
  return out;
}

const EXPECTATIONS: Expectation[] = [
  { status: 200 },
  { header: { name: 'content-type', matches: 'xml|json' } },
  { 'soap-fault': false },
  { xpath: '//hl7:queryAck/hl7:queryResponseCode/@code', matches: '^BCHCIM' },
  { xpath: 'count(//hl7:subject) >= 0' },
  { fhirpath: "Bundle.entry.resource.ofType(OperationOutcome).issue.details.coding.code", exists: true },
  { fhirpath: 'Bundle.total', equals: 1 },
  { 'response-code': 'BCHCIM.GD.0.0013' },
];

describe('fuzz: mutated XML and JSON bodies never crash the validators or the response path', function () {
  this.timeout(600_000);

  it(`${COUNT} seeded mutations of the reference samples (seed ${SEED})`, async () => {
    const xml = samples('hl7v3', '.xml');
    const json = samples('fhir', '.json');
    expect(xml.length).to.be.greaterThan(5);
    expect(json.length).to.be.greaterThan(5);
    const random = prng(SEED);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const crashes: string[] = [];
    const verdicts = { valid: 0, invalid: 0 };
    try {
      for (let i = 0; i < COUNT; i++) {
        const isXml = i % 2 === 0;
        const source = isXml ? xml[Math.floor(random() * xml.length)]! : json[Math.floor(random() * json.length)]!;
        let body = source;
        const rounds = 1 + Math.floor(random() * 3);
        for (let r = 0; r < rounds; r++) body = mutate(body, random);
        try {
          const result = isXml ? await validateHl7v3(body, { strict: i % 4 === 0 }) : await validateFhir(body, {});
          expect(result.issues).to.be.an('array');
          verdicts[result.valid ? 'valid' : 'invalid'] += 1;
          const exchange: Exchange = {
            id: `f${i}`,
            stepId: 'fuzz',
            direction: 'outgoing',
            protocol: isXml ? 'soap' : 'fhir',
            request: { method: 'POST', url: 'http://127.0.0.1/x', headers: {} },
            response: { status: 200, headers: { 'content-type': isXml ? 'text/xml' : 'application/fhir+json' }, body },
            startedAt: new Date(0).toISOString(),
            durationMs: 0,
          };
          const view = new ResponseView(exchange);
          const location = { file: 'fuzz.yaml', line: 1, column: 1 };
          for (const expectation of EXPECTATIONS) {
            const assertion = await evaluateExpectation(expectation, { view, strict: false }, location);
            expect(['passed', 'failed', 'error']).to.include(assertion.outcome);
          }
          await readCapture(isXml ? { xpath: 'string(//hl7:id/@extension)' } : { fhirpath: 'Bundle.id' }, view);
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_VALIDATOR_UNAVAILABLE') throw error;
          crashes.push(`#${i} (${isXml ? 'xml' : 'json'}): ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        }
      }
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    console.log(`      fuzz: ${COUNT} bodies (seed ${SEED}): ${verdicts.valid} valid, ${verdicts.invalid} invalid, ${crashes.length} crashes, ${unhandled.length} unhandled rejections`);
    expect(crashes, crashes.slice(0, 5).join('\n')).to.deep.equal([]);
    expect(unhandled).to.deep.equal([]);
  });
});
