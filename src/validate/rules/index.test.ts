import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { HarnessError } from '../../core/errors.js';
import { RULE_IDS, RULES, selectRules } from './index.js';

describe('rules/index', function () {
  it('lists one rule per file, ids equal to file names', function () {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const files = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !['index.ts', 'rule.ts', 'registry-of.ts'].includes(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect([...RULE_IDS].sort()).to.deep.equal(files);
    for (const rule of RULES) expect(rule.description, rule.id).to.be.a('string').and.not.equal('');
  });

  it('selects a subset and rejects unknown ids, listing the valid ones', function () {
    expect(selectRules(['phn-check-digit']).map((rule) => rule.id)).to.deep.equal(['phn-check-digit']);
    expect(() => selectRules(['phn-checksum'])).to.throw(HarnessError, /unknown rule id "phn-checksum"; valid ids are phn-check-digit, hcim-oids/);
  });
});
