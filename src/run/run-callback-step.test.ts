import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuite } from '../suite/load-suite.js';
import { CallbackListener } from '../transport/callback-listener.js';
import type { RunContext } from './run-context.js';
import { runStep } from './run-step.js';

function callbackSuite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'callback-step-'));
  const file = path.join(dir, 's.yaml');
  writeFileSync(file, [
    'id: s', 'title: S', 'cases:', '  - id: c', '    title: C', '    steps:',
    '      - id: result', '        kind: callback',
    '        match: { fhirpath: "Bundle.id", equals: "${wanted}" }',
    '        timeout: 300',
    '        capture:', '          total: { fhirpath: "Bundle.total" }',
    '        expect:', '          - fhirpath: "Bundle.type"', '            equals: message',
    '          - header: { name: content-type, matches: "fhir\\\\+json" }', '',
  ].join('\n'));
  return loadSuite(file, { cwd: dir });
}

describe('run/run-callback-step', () => {
  let listener: CallbackListener;
  beforeEach(async () => {
    listener = await CallbackListener.start({ host: '127.0.0.1', port: 0, maxBodyBytes: 1 << 20 });
  });
  afterEach(async () => listener.close());

  const context = (): RunContext => ({ endpoints: {}, targetVariables: {}, timeoutMs: 2000, retries: 0, maxBodyBytes: 1 << 20, strict: false, allowExternalFiles: false, signal: new AbortController().signal, evidence: new Map(), callbacks: listener });
  const post = (body: object) => fetch(listener.url, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(body) });

  it('claims the matching message and checks it like a response', async () => {
    const suite = callbackSuite();
    await post({ resourceType: 'Bundle', id: 'other', type: 'message' });
    const running = runStep(suite.cases[0]!.steps[0]!, suite, { wanted: 'mine' }, context());
    await post({ resourceType: 'Bundle', id: 'mine', type: 'message', total: 3 });
    const result = await running;
    expect(result.outcome).to.equal('passed');
    expect(result.kind).to.equal('callback');
    expect(result.captures).to.deep.equal({ total: '3' });
    expect(result.exchanges).to.have.length(1);
    expect(result.exchanges[0]!.direction).to.equal('incoming');
  });

  it('fails a non-conformant result', async () => {
    const suite = callbackSuite();
    await post({ resourceType: 'Bundle', id: 'mine', type: 'collection', total: 1 });
    const result = await runStep(suite.cases[0]!.steps[0]!, suite, { wanted: 'mine' }, context());
    expect(result.outcome).to.equal('failed');
    expect(result.assertions.find((a) => a.outcome === 'failed')!.kind).to.equal('fhirpath');
  });

  it('is failed, naming the callback URL, when no matching result arrives in time', async () => {
    const suite = callbackSuite();
    await post({ resourceType: 'Bundle', id: 'someone-else', type: 'message' });
    const result = await runStep(suite.cases[0]!.steps[0]!, suite, { wanted: 'mine' }, context());
    expect(result.outcome).to.equal('failed');
    expect(result.assertions[0]!.kind).to.equal('callback');
    expect(result.assertions[0]!.message).to.contain(listener.url).and.contain('within 300 ms').and.contain('1 callback message(s)');
  });

  it('is error when the run has no listener', async () => {
    const suite = callbackSuite();
    const { callbacks: _ignored, ...withoutListener } = context();
    const result = await runStep(suite.cases[0]!.steps[0]!, suite, { wanted: 'mine' }, withoutListener);
    expect(result.outcome).to.equal('error');
    expect(result.error!.code).to.equal('ERR_CONFIG');
  });
});
