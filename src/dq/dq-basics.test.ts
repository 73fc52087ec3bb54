import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import { loadDqMapping } from './dq-mapping.js';
import { DQ_RULES, rulesFor } from './dq-rules.js';
import { dqPassed, dqScore } from './dq-score.js';
import { maskValue } from './mask-phi.js';
import { parseDate } from './parse-date.js';

function yaml(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dq-map-')), 'map.yaml');
  writeFileSync(file, text);
  return file;
}

function mappingError(text: string): string {
  try {
    loadDqMapping(yaml(text));
  } catch (error) {
    expect(error).to.be.instanceOf(HarnessError);
    return (error as Error).message.replace(/^.*map\.yaml/, 'map.yaml');
  }
  throw new Error('expected a mapping error');
}

describe('dq basics', () => {
  it('masks PHI keeping two characters each side', () => {
    expect(maskValue('9735353315')).to.equal('97******15');
    expect(maskValue('ABCD')).to.equal('****');
    expect(maskValue('')).to.equal('');
  });

  it('parses dates in the supported layouts and rejects impossible ones', () => {
    expect(parseDate('2024-02-29')).to.equal(20240229);
    expect(parseDate('20240229')).to.equal(20240229);
    expect(parseDate('19700501000000')).to.equal(19700501);
    expect(parseDate('12-30-9999')).to.equal(99991230);
    expect(parseDate('30-12-2020', 'DD-MM-YYYY')).to.equal(20201230);
    expect(parseDate('2023-02-29')).to.equal(undefined);
    expect(parseDate('2020-12-30', 'MM-DD-YYYY')).to.equal(undefined);
    expect(parseDate('yesterday')).to.equal(undefined);
  });

  it('scores rows: errors cost 1, warning-only rows 0.25; passes against thresholds', () => {
    const tally = { rows: 200, rowsWithErrors: 2, rowsWithWarnings: 4 };
    const { score, errorRate } = dqScore(tally);
    expect(score).to.equal(98.5);
    expect(errorRate).to.equal(0.01);
    expect(dqPassed(tally, score, errorRate, { maxErrorRate: 0.01, minScore: 90 })).to.equal(true);
    expect(dqPassed(tally, score, errorRate, { maxErrorRate: 0.005, minScore: 90 })).to.equal(false);
    expect(dqPassed({ rows: 0, rowsWithErrors: 0, rowsWithWarnings: 0 }, 0, 0, { maxErrorRate: 1, minScore: 0 })).to.equal(false);
  });

  it('rule catalogue: unique kebab-case ids, each kind sees the shared rules', () => {
    const ids = DQ_RULES.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rulesFor('client').map((r) => r.id)).to.include.members(['phn-check-digit', 'csv-field-count']).and.not.include('ipc-format');
    expect(rulesFor('provider').map((r) => r.id)).to.include.members(['ipc-format', 'postal-code-format']).and.not.include('phn-missing');
  });

  it('mapping: reads columns, thresholds and codes; errors point at file:line:column', () => {
    const mapping = loadDqMapping(yaml('kind: provider\ndateFormat: MM-DD-YYYY\ncolumns:\n  ipc: PLR_ID\nthresholds:\n  minScore: 80\ncodes:\n  statusCode: [ACTIVE, LAPSED]\n'));
    expect(mapping).to.deep.equal({ kind: 'provider', dateFormat: 'MM-DD-YYYY', columns: { ipc: 'PLR_ID' }, thresholds: { minScore: 80 }, codes: { statusCode: ['ACTIVE', 'LAPSED'] } });
    expect(mappingError('columns:\n  phn: A\n  surname: B\n')).to.match(/^map\.yaml:3:3: columns\.surname: unknown canonical field "surname"; valid fields: phn, family/);
    expect(mappingError('thresholds:\n  maxErrorRate: 5\n')).to.match(/^map\.yaml:2:3: thresholds\.maxErrorRate: /);
    expect(mappingError('kind: client\ncolour: red\n')).to.match(/^map\.yaml:2:1: colour: /);
    expect(mappingError('columns: [a\n')).to.match(/^map\.yaml:\d+:\d+: not valid YAML/);
  });
});
