import { expect } from 'chai';
import { computeApproval } from './approval.js';
import type { CaseResult, SuiteResult } from './report-schema.js';

function kase(id: string, outcome: CaseResult['outcome'], requirements: string[], optional = false): CaseResult {
  return { id, title: id, tags: [], requirements, optional, location: { file: 's.yaml', line: 1, column: 1 }, outcome, durationMs: 0, steps: [] };
}

function suite(...cases: CaseResult[]): SuiteResult[] {
  return [{ id: 's', title: 'S', file: 's.yaml', sha256: '0', location: { file: 's.yaml', line: 1, column: 1 }, outcome: 'passed', durationMs: 0, cases }];
}

describe('computeApproval', () => {
  it('approves when every required case passed and every requirement has a passing case', () => {
    const approval = computeApproval(suite(kase('a', 'passed', ['R-1']), kase('b', 'passed', ['R-1', 'R-2']), kase('c', 'failed', ['R-2'], true)), 0, false);
    expect(approval).to.deep.equal({ verdict: 'approved', blocking: [], reasons: [] });
  });

  it('a failed required case blocks its requirements', () => {
    const approval = computeApproval(suite(kase('a', 'passed', ['R-1']), kase('b', 'failed', ['R-2', 'R-1'])), 0, false);
    expect(approval.verdict).to.equal('not-approved');
    expect(approval.blocking).to.deep.equal(['R-1', 'R-2']);
    expect(approval.reasons).to.include('required case s/b is failed');
    expect(approval.reasons).to.include('requirement R-2 has no passing case');
  });

  it('an errored or skipped required case blocks too (a timeout is not a pass)', () => {
    expect(computeApproval(suite(kase('a', 'error', ['R-1'])), 0, false).blocking).to.deep.equal(['R-1']);
    expect(computeApproval(suite(kase('a', 'skipped', ['R-1'])), 0, false).verdict).to.equal('not-approved');
  });

  it('a requirement covered only by failing optional cases blocks', () => {
    const approval = computeApproval(suite(kase('a', 'passed', ['R-1']), kase('b', 'failed', ['R-9'], true)), 0, false);
    expect(approval.verdict).to.equal('not-approved');
    expect(approval.blocking).to.deep.equal(['R-9']);
    expect(approval.reasons).to.deep.equal(['requirement R-9 has no passing case']);
  });

  it('run-level errors, an interrupted run and an empty run are never approved', () => {
    expect(computeApproval(suite(kase('a', 'passed', ['R-1'])), 1, false).reasons).to.deep.equal(['1 run-level error(s)']);
    expect(computeApproval(suite(kase('a', 'passed', ['R-1'])), 0, true).reasons).to.deep.equal(['the run was interrupted']);
    expect(computeApproval([], 0, false)).to.deep.equal({ verdict: 'not-approved', blocking: [], reasons: ['no cases ran'] });
  });
});
