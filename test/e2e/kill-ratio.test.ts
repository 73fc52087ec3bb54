import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './helpers/run-cli.js';

/**
 * Proof that the built-in suites can fail (issue 7): for every simulator --defect, at least one
 * case comes out `failed` (not `error`) when the simulator runs with that defect. The work is done
 * by bench/kill-ratio.mjs (one `serve --defect` process and one `run` process per defect, both the
 * built CLI); this test asserts on its figures and prints its table.
 */
describe('e2e: every simulator defect is caught by the built-in suites', function () {
  this.timeout(15 * 60_000);

  it('kill ratio is 100 %', async () => {
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bench', 'kill-ratio.mjs'), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (exitCode) => resolve({ stdout: out, stderr: err, code: exitCode }));
    });
    expect(code, stderr).to.equal(0);
    const lines = stdout.trim().split('\n');
    const figures = JSON.parse(lines.pop()!) as { caught: number; total: number; results: { defect: string; caught: boolean; problem?: string }[] };
    console.log(lines.map((line) => `      ${line}`).join('\n'));
    expect(figures.total).to.be.greaterThanOrEqual(19);
    const missed = figures.results.filter((r) => !r.caught).map((r) => `${r.defect}${r.problem ? ` (${r.problem})` : ''}`);
    expect(missed, 'defects no built-in case failed on').to.deep.equal([]);
    expect(figures.caught).to.equal(figures.total);
  });
});
