import { expect } from 'chai';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { ReportSchema, type Report } from '../../src/run/report-schema.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/run-cli.js';

const SUITES = [path.join(REPO_ROOT, 'suites', 'hcim-v3'), path.join(REPO_ROOT, 'suites', 'hcim-fhir')];

function caseIds(report: Report): string[] {
  return report.suites.flatMap((s) => s.cases.map((c) => `${s.id}/${c.id}`)).sort();
}

describe('e2e: hie-conform report --merge (shards)', function () {
  this.timeout(120_000);

  it('merges the reports of --shard 1/3, 2/3, 3/3 into one report and one verdict', async () => {
    const cwd = tempProject();
    const whole = await runCli(['run', ...SUITES, '--reporter', 'json', '--out', 'whole'], { cwd });
    const shards = await Promise.all([1, 2, 3].map((i) => runCli(['run', ...SUITES, '--shard', `${i}/3`, '--reporter', 'json', '--out', `shard-${i}`], { cwd })));
    const read = (dir: string) => ReportSchema.parse(JSON.parse(readFileSync(path.join(cwd, dir, 'report.json'), 'utf8')));
    const full = read('whole');
    const parts = [1, 2, 3].map((i) => read(`shard-${i}`));
    shards.forEach((s, i) => expect(s.code, `shard ${i + 1}: ${s.stderr}`).to.be.oneOf([0, 1]));
    expect(parts.map((p) => p.shard)).to.deep.equal([1, 2, 3].map((index) => ({ index, total: 3 })));
    expect(parts.every((p) => p.stats.total > 0 && p.stats.total < full.stats.total)).to.equal(true);

    const merged = await runCli(['report', '--merge', 'shard-1/report.json', 'shard-2/report.json', 'shard-3/report.json', '--out', 'merged', '--reporter', 'junit'], { cwd });
    expect(merged.code, merged.stderr).to.equal(whole.code);
    const report = read('merged');
    expect(caseIds(report)).to.deep.equal(caseIds(full));
    expect(report.stats).to.deep.equal(full.stats);
    expect(report.approval).to.deep.equal(full.approval);
    expect(report.outcome).to.equal(full.outcome);
    expect(report.shard).to.equal(undefined);
    expect(report.mergedFrom?.map((m) => m.shard?.index)).to.deep.equal([1, 2, 3]);
    expect(report.evidence.suites.map((s) => s.id).sort()).to.deep.equal(full.evidence.suites.map((s) => s.id).sort());
    // Cases come back in suite-file order, as in the whole run.
    for (const suite of report.suites) {
      const wholeSuite = full.suites.find((s) => s.id === suite.id)!;
      expect(suite.cases.map((c) => c.id)).to.deep.equal(wholeSuite.cases.map((c) => c.id));
    }
    expect(readFileSync(path.join(cwd, 'merged', 'junit.xml'), 'utf8')).to.contain(`tests="${full.stats.total}"`);
  });

  it('a missing shard makes the merged verdict not-approved and exit 1', async () => {
    const cwd = tempProject();
    await Promise.all([1, 2].map((i) => runCli(['run', SUITES[0]!, '--shard', `${i}/3`, '--reporter', 'json', '--out', `shard-${i}`], { cwd })));
    const merged = await runCli(['report', '--merge', 'shard-1/report.json', 'shard-2/report.json', '--out', 'merged', '--reporter', 'json'], { cwd });
    expect(merged.code).to.equal(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(cwd, 'merged', 'report.json'), 'utf8')));
    expect(report.approval.verdict).to.equal('not-approved');
    expect(report.errors.map((e) => e.message)).to.include('report --merge: shard(s) 3/3 missing; the merged verdict covers only part of the run');
  });

  it('overlapping reports are a usage error (exit 2)', async () => {
    const cwd = tempProject();
    await runCli(['run', SUITES[0]!, '--shard', '1/2', '--reporter', 'json', '--out', 'a'], { cwd });
    const merged = await runCli(['report', '--merge', 'a/report.json', 'a/report.json'], { cwd });
    expect(merged.code).to.equal(2);
    expect(merged.stderr).to.contain('is in more than one report; the shards overlap');
  });
});
