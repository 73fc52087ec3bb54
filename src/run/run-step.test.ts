import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuite } from '../suite/load-suite.js';
import { startTestServer } from '../transport/test-helpers/test-server.js';
import type { RunContext } from './run-context.js';
import { runStep } from './run-step.js';

function suiteWith(expectStatus: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'run-step-'));
  const file = path.join(dir, 's.yaml');
  writeFileSync(file, `id: s\ntitle: S\ncases:\n  - id: c\n    title: C\n    steps:\n      - id: call\n        kind: fhir\n        url: \${base}/x\n        capture:\n          bundleId: { fhirpath: "Bundle.id" }\n        expect:\n          - status: ${expectStatus}\n          - fhirpath: "Bundle.id"\n            equals: \${expectedId}\n`);
  return loadSuite(file, { cwd: dir });
}

function context(overrides: Partial<RunContext> = {}): RunContext {
  return { endpoints: {}, targetVariables: {}, timeoutMs: 2000, retries: 2, maxBodyBytes: 1 << 20, strict: false, allowExternalFiles: false, signal: new AbortController().signal, evidence: new Map(), ...overrides };
}

describe('run/run-step', () => {
  it('retries a transport error and reports the attempts', async () => {
    let calls = 0;
    const server = await startTestServer((_req, res) => {
      calls += 1;
      if (calls === 1) return void res.socket?.destroy();
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType":"Bundle","id":"b1"}');
    });
    try {
      const suite = suiteWith(200);
      const result = await runStep(suite.cases[0]!.steps[0]!, suite, { base: server.url, expectedId: 'b1' }, context());
      expect(result.outcome).to.equal('passed');
      expect(result.attempts).to.equal(2);
      expect(result.exchanges).to.have.length(1);
      expect(result.captures).to.deep.equal({ bundleId: 'b1' });
    } finally {
      await server.close();
    }
  });

  it('never retries a failed assertion into a pass', async () => {
    let calls = 0;
    const server = await startTestServer((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 500 : 200, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType":"Bundle","id":"b1"}');
    });
    try {
      const suite = suiteWith(200);
      const result = await runStep(suite.cases[0]!.steps[0]!, suite, { base: server.url, expectedId: 'b1' }, context());
      expect(result.outcome).to.equal('failed');
      expect(result.attempts).to.equal(1);
      expect(calls).to.equal(1);
      expect(result.assertions[0]!.message).to.equal('Unexpected HTTP status: expected 200, but received 500');
    } finally {
      await server.close();
    }
  });

  it('renders ${var} in expectations and reports an unknown one as error at the expectation', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType":"Bundle","id":"b1"}');
    });
    try {
      const suite = suiteWith(200);
      const result = await runStep(suite.cases[0]!.steps[0]!, suite, { base: server.url }, context());
      expect(result.outcome).to.equal('error');
      expect(result.assertions[1]!.outcome).to.equal('error');
      expect(result.assertions[1]!.message).to.contain('unknown variable "${expectedId}"');
      expect(result.assertions[1]!.source.line).to.equal(14);
    } finally {
      await server.close();
    }
  });
});
