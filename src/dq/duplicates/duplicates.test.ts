import { expect } from 'chai';
import { testContext } from '../checks/test-helpers/run-check.js';
import type { DqFields } from '../dq-record.js';
import { jaroWinkler } from './jaro-winkler.js';
import { PairKeyTable } from './pair-key-table.js';
import { PhnConflicts } from './phn-conflicts.js';
import { ProbableDuplicates } from './probable-duplicates.js';
import { ProviderDuplicates } from './provider-duplicates.js';

function run(detector: { check(f: DqFields, row: number, file: number, ctx: ReturnType<typeof testContext>): void }, records: DqFields[]) {
  const ctx = testContext();
  records.forEach((fields, i) => detector.check(fields, i + 2, 0, ctx));
  return ctx.flagged.map((f) => `${f.rule} ${f.related?.row}`);
}

describe('dq duplicate detection', () => {
  it('Jaro-Winkler: textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).to.be.closeTo(0.961, 0.001);
    expect(jaroWinkler('DWAYNE', 'DUANE')).to.be.closeTo(0.84, 0.001);
    expect(jaroWinkler('ABC', 'XYZ')).to.equal(0);
    expect(jaroWinkler('SAME', 'SAME')).to.equal(1);
  });

  it('PairKeyTable grows and keeps every key', () => {
    const table = new PairKeyTable(16);
    for (let i = 0; i < 10_000; i++) table.set(i, i * 7, i);
    expect(table.size).to.equal(10_000);
    expect(table.get(4321, 4321 * 7)).to.equal(4321);
    expect(table.get(4321, 1)).to.equal(-1);
  });

  it('same PHN: conflicting demographics is an error, identical ones a repeated record', () => {
    const base = { phn: '9735353315', family: 'ASHWORTH', birthDate: '1975-03-14', gender: 'F' };
    expect(run(new PhnConflicts(['f.csv']), [base, { ...base, birthDate: '1976-03-14' }, { ...base, family: 'Ashworth' }, { ...base, phn: '9735361219' }])).to.deep.equal(['phn-conflict 2', 'phn-repeated 2']);
  });

  it('probable duplicates: same surname + birth date with similar given name and address, at least one without PHN', () => {
    const original = { phn: '9735353315', family: 'DELACROIX', given: 'SIMONE', birthDate: '1942-06-11', gender: 'F', addressLine1: '3300 HOSPITAL WAY', postalCode: 'V2C 2T1' };
    const flagged = run(new ProbableDuplicates(['f.csv']), [
      original,
      { ...original, phn: '', given: 'SIMONA', addressLine1: '3300 Hospital Way.' }, // duplicate of row 2
      { ...original, phn: '9735361219' }, // another PHN: not a duplicate of row 2, but of row 3 (no PHN)
      { ...original, phn: '', given: 'MARIE' }, // different given name
      { ...original, phn: '', gender: 'M', given: 'SIMON' }, // gender conflict
      { ...original, phn: '', addressLine1: '12 OTHER ROAD' }, // different address
      { ...original, phn: '', birthDate: '1942-06-12' }, // other block
      { ...original, phn: '', family: 'DE LA CROIX', addressLine1: '3300 HOSPITAL WY' }, // normalised surname: same block; best = newest equal match
    ]);
    expect(flagged).to.deep.equal(['probable-duplicate 2', 'probable-duplicate 3', 'probable-duplicate 4']);
  });

  it('provider duplicates: IPC, CPN and (body, college id)', () => {
    const a = { ipc: 'IPC.00166847.BC.PRS', cpn: 'CPN.00166847.BC.PRS', identifierType: 'CPSID', collegeId: '20101' };
    expect(run(new ProviderDuplicates(['f.csv']), [a, { ...a, cpn: 'CPN.00166848.BC.PRS', collegeId: '20102' }, { ipc: 'IPC.1', cpn: 'CPN.2', identifierType: 'RNID', collegeId: '20101' }, { ipc: 'IPC.3', cpn: 'CPN.4', identifierType: 'cpsid', collegeId: '20101' }])).to.deep.equal([
      'ipc-duplicate 2',
      'college-id-duplicate 2',
    ]);
  });
});
