import { expect } from 'chai';
import type { Report } from '../run/report-schema.js';
import { mergeReports } from './merge-reports.js';
import { sampleReport } from './test-helpers/sample-report.js';

/** Split the sample report's cases into shards (as `run --shard i/n` would). */
function shard(indexes: number[], index: number, total: number): Report {
  const base = sampleReport();
  const suite = base.suites[0]!;
  const cases = indexes.map((i) => suite.cases[i]!);
  return { ...base, shard: { index, total }, suites: [{ ...suite, cases }], stats: { passed: 0, failed: 0, error: 0, skipped: 0, total: cases.length } };
}

describe('mergeReports', () => {
  it('joins cases back in suite-file order and recomputes stats, outcome and approval', () => {
    const merged = mergeReports([shard([2], 2, 3), shard([3, 0], 1, 3), shard([1], 3, 3)]);
    expect(merged.suites[0]!.cases.map((c) => c.id)).to.deep.equal(['ok-case', 'bad-case', 'broken-case', 'later-case']);
    expect(merged.stats).to.deep.equal({ passed: 1, failed: 1, error: 1, skipped: 1, total: 4 });
    expect(merged.suites[0]!.outcome).to.equal('error');
    expect(merged.approval.verdict).to.equal('not-approved');
    expect(merged.approval.blocking).to.deep.equal(['REQ-2', 'REQ-3']);
    expect(merged.mergedFrom?.map((m) => m.shard?.index)).to.deep.equal([2, 1, 3]);
    expect(merged.shard).to.equal(undefined);
    expect(merged.errors).to.deep.equal([]);
  });

  it('a missing shard is a run-level error, so the merge cannot be approved', () => {
    const passing = (index: number): Report => {
      const r = shard([0], index, 2);
      return { ...r, suites: [{ ...r.suites[0]!, cases: [{ ...r.suites[0]!.cases[0]!, id: `ok-${index}` }] }] };
    };
    expect(mergeReports([passing(1), passing(2)]).approval.verdict).to.equal('approved');
    const partial = mergeReports([passing(1)]);
    expect(partial.approval.verdict).to.equal('not-approved');
    expect(partial.errors[0]!.message).to.equal('report --merge: shard(s) 2/2 missing; the merged verdict covers only part of the run');
  });

  it('overlapping shards or different targets are usage errors', () => {
    expect(() => mergeReports([shard([0], 1, 2), shard([0], 2, 2)])).to.throw(/ok-case is in more than one report/);
    const other = { ...shard([1], 2, 2), target: { ...sampleReport().target, name: 'hiat' } };
    expect(() => mergeReports([shard([0], 1, 2), other])).to.throw(/different targets \(local, hiat\)/);
  });

  it('an interrupted shard makes the merge interrupted; signatures are dropped', () => {
    const signed = { ...shard([0], 1, 2), signature: { algorithm: 'ed25519' as const, publicKey: 'x', value: 'y' } };
    const merged = mergeReports([signed, { ...shard([1], 2, 2), outcome: 'interrupted' }]);
    expect(merged.outcome).to.equal('interrupted');
    expect(merged.signature).to.equal(undefined);
  });
});
