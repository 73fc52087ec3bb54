import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/run-cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Traceability (issue 7): every requirement is covered, every cited id is defined, the doc is fresh. */
describe('e2e: requirements catalogue and coverage', function () {
  this.timeout(30_000);

  it('every catalogue requirement is covered by a built-in case and every cited id is in the catalogue', async () => {
    const result = await runCli(['list', '--requirements', '--format', 'json']);
    expect(result.code, result.stderr).to.equal(0);
    const matrix = JSON.parse(result.stdout) as { requirements: { id: string; cases: unknown[] }[]; uncovered: string[]; unknown: unknown[] };
    expect(matrix.unknown).to.deep.equal([]);
    expect(matrix.uncovered).to.deep.equal([]);
    // Every interface area is represented.
    for (const prefix of ['HCIM-GD-', 'HCIM-FC-', 'HCIM-FHIR-', 'PLR-', 'HCIM-RCV-', 'HCIM-CL-']) {
      expect(matrix.requirements.some((r) => r.id.startsWith(prefix)), prefix).to.equal(true);
    }
  });

  it('docs/requirements.md is the generated matrix (run `npm run docs:requirements` after changing suites)', async () => {
    const result = await runCli(['list', '--requirements', '--format', 'markdown']);
    expect(result.code, result.stderr).to.equal(0);
    expect(readFileSync(path.join(ROOT, 'docs', 'requirements.md'), 'utf8')).to.equal(result.stdout);
  });

  it('a case citing an undefined requirement makes list --requirements exit 1 naming it', async () => {
    const result = await runCli(['list', '--requirements', path.join(ROOT, 'test', 'fixtures', 'suites', 'unknown-requirement.yaml')]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('requirement HCIM-ZZ-99 is cited by fixture-unknown-requirement/c but not defined in suites/requirements/');
  });
});
