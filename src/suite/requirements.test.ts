import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRequirementCatalogue, requirementCoverage } from './requirements.js';

function catalogue(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'requirements-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const ONE = 'area: HCIM HL7v3\nrequirements:\n  - id: HCIM-GD-01\n    title: GD by PHN\n    source: "domain.md (a)"\n  - id: HCIM-GD-02\n    title: GD by source id\n    source: "domain.md (a)"\n';

describe('suite/requirements', () => {
  it('loads every catalogue file with the area and the line of each id', () => {
    const dir = catalogue({ 'a.yaml': ONE, 'b.yaml': 'area: PLR\nrequirements:\n  - id: PLR-Q-01\n    title: q\n    source: "domain.md (b)"\n', 'notes.txt': 'ignored' });
    const loaded = loadRequirementCatalogue(dir, dir);
    expect(loaded.map((r) => `${r.area}:${r.id}`)).to.deep.equal(['HCIM HL7v3:HCIM-GD-01', 'HCIM HL7v3:HCIM-GD-02', 'PLR:PLR-Q-01']);
    expect(loaded[1]!.location).to.include({ file: 'a.yaml', line: 6 });
  });

  it('refuses a malformed id with file:line', () => {
    const dir = catalogue({ 'a.yaml': 'area: X\nrequirements:\n  - id: hcim-gd-1\n    title: t\n    source: s\n' });
    expect(() => loadRequirementCatalogue(dir, dir)).to.throw(/a\.yaml:3:\d+: requirements\[0\]\.id must look like HCIM-GD-01/);
  });

  it('refuses an id defined twice, naming the first definition', () => {
    const dir = catalogue({ 'a.yaml': ONE, 'b.yaml': 'area: Y\nrequirements:\n  - id: HCIM-GD-02\n    title: again\n    source: s\n' });
    expect(() => loadRequirementCatalogue(dir, dir)).to.throw(/b\.yaml:3:\d+: requirement HCIM-GD-02 is already defined at a\.yaml:6/);
  });

  it('matches cases to requirements and reports uncovered and unknown ids', () => {
    const dir = catalogue({ 'a.yaml': ONE });
    const coverage = requirementCoverage(loadRequirementCatalogue(dir, dir), [
      { ref: 's/gd-by-phn', optional: false, requirements: ['HCIM-GD-01'] },
      { ref: 's/gd-deceased', optional: true, requirements: ['HCIM-GD-01', 'HCIM-GD-99'] },
    ]);
    expect(coverage.rows[0]!.cases).to.deep.equal([{ ref: 's/gd-by-phn', optional: false }, { ref: 's/gd-deceased', optional: true }]);
    expect(coverage.uncovered.map((r) => r.id)).to.deep.equal(['HCIM-GD-02']);
    expect(coverage.unknown).to.deep.equal([{ id: 'HCIM-GD-99', cases: ['s/gd-deceased'] }]);
  });
});
