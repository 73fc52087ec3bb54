import type { CaseResult, Report, StepResult } from '../../run/report-schema.js';

/** A small hand-built report for reporter unit tests: one passed, one failed, one error, one skipped case. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  const file = 'suites/demo.yaml';
  const step = (id: string, outcome: StepResult['outcome'], line: number, extra: Partial<StepResult> = {}): StepResult => ({
    id,
    kind: 'soap',
    location: { file, line, column: 9 },
    outcome,
    durationMs: 12,
    attempts: outcome === 'skipped' ? 0 : 1,
    exchanges: [],
    assertions: [],
    captures: {},
    ...extra,
  });
  const exchange = {
    id: 'ex-1',
    stepId: 'send',
    direction: 'outgoing' as const,
    protocol: 'soap' as const,
    request: { method: 'POST', url: 'http://127.0.0.1:4000/hcim/QUPA_AR101102.asmx', headers: { soapaction: '"urn:hl7-org:v3/QUPA_IN101101"' }, body: '<Envelope><Body><x>1</x></Body></Envelope>' },
    response: { status: 200, headers: { 'content-type': 'text/xml' }, body: '<Envelope>\n<Body>\n<code>BCHCIM.GD.0.0013</code>\n</Body>\n</Envelope>' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 5,
  };
  const cases: CaseResult[] = [
    { id: 'ok-case', title: 'OK case', tags: ['smoke'], requirements: ['REQ-1'], optional: false, location: { file, line: 5, column: 5 }, outcome: 'passed', durationMs: 20, steps: [step('send', 'passed', 8, { assertions: [{ kind: 'status', outcome: 'passed', message: 'status 200', issues: [], exchangeId: 'ex-0', source: { file, line: 12, column: 13 } }] })] },
    {
      id: 'bad-case', title: 'Bad case', tags: ['gd'], requirements: ['REQ-2'], optional: false, location: { file, line: 15, column: 5 }, outcome: 'failed', durationMs: 30,
      steps: [step('send', 'failed', 18, {
        exchanges: [exchange],
        assertions: [{
          kind: 'response-code', outcome: 'failed', message: 'Unexpected response code: expected BCHCIM.GD.0.0099, but received BCHCIM.GD.0.0013', expected: 'BCHCIM.GD.0.0099', actual: 'BCHCIM.GD.0.0013',
          issues: [{ severity: 'error', code: 'xsd.cvc-pattern-valid', message: 'bad <value> & pattern', line: 3, validator: 'xsd' }], exchangeId: 'ex-1', source: { file, line: 24, column: 13 },
        }],
      })],
    },
    { id: 'broken-case', title: 'Broken case', tags: [], requirements: ['REQ-3'], optional: true, location: { file, line: 30, column: 5 }, outcome: 'error', durationMs: 40, steps: [step('send', 'error', 33, { error: { code: 'ERR_TRANSPORT_ECONNREFUSED', message: 'no usable response from http://127.0.0.1:1/x: connection refused' } })] },
    { id: 'later-case', title: 'Later case', tags: [], requirements: [], optional: false, location: { file, line: 40, column: 5 }, outcome: 'skipped', durationMs: 0, skipReason: 'not in this release', steps: [] },
  ];
  return {
    schemaVersion: 1,
    tool: { name: 'hie-conform', version: '0.1.0' },
    target: { name: 'local', kind: 'embedded', urls: { 'hcim-v3': 'http://127.0.0.1:4000/hcim' }, variables: { phn: '9876543218' } },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 100,
    outcome: 'error',
    suites: [{ id: 'demo', title: 'Demo suite', file, sha256: 'a'.repeat(64), location: { file, line: 1, column: 1 }, outcome: 'error', durationMs: 90, cases }],
    errors: [],
    stats: { passed: 1, failed: 1, error: 1, skipped: 1, total: 4 },
    evidence: { suites: [{ id: 'demo', file, sha256: 'a'.repeat(64) }], files: [] },
    approval: { verdict: 'not-approved', blocking: ['REQ-2', 'REQ-3'], reasons: ['required case demo/bad-case is failed'] },
    ...overrides,
  };
}
