import type { DqFields } from '../dq-record.js';
import type { CheckContext } from '../checks/check-context.js';
import { parseDate } from '../parse-date.js';
import { GrowableColumn } from './growable.js';
import { genderCode, normaliseName } from './normalise.js';
import { hash32, PairKeyTable } from './pair-key-table.js';

/**
 * Same PHN seen again: `phn-conflict` when family name, birth date or gender differ (a PHN must
 * identify one person), `phn-repeated` when they agree (a duplicate record). Keeps ~20 bytes per
 * distinct PHN: the PHN as two 5-digit halves, first row, and a family-name hash, birth date and
 * gender code — never the strings.
 */
export class PhnConflicts {
  private readonly table = new PairKeyTable();
  private readonly row = new GrowableColumn((n) => new Int32Array(n));
  private readonly file = new GrowableColumn((n) => new Uint16Array(n));
  private readonly family = new GrowableColumn((n) => new Uint32Array(n));
  private readonly birth = new GrowableColumn((n) => new Int32Array(n));
  private readonly gender = new GrowableColumn((n) => new Uint8Array(n));
  private entries = 0;

  constructor(private readonly files: readonly string[]) {}

  check(fields: DqFields, row: number, fileIndex: number, ctx: CheckContext): void {
    const phn = (fields.phn ?? '').trim();
    if (!/^\d{10}$/.test(phn)) return;
    const hi = Number(phn.slice(0, 5));
    const lo = Number(phn.slice(5));
    const family = normaliseName(fields.family);
    const familyHash = family ? hash32(family) || 1 : 0;
    const birth = fields.birthDate ? (parseDate(fields.birthDate, ctx.dateFormat) ?? 0) : 0;
    const gender = genderCode(fields.gender);
    const seen = this.table.get(hi, lo);
    if (seen < 0) {
      const i = this.entries++;
      for (const column of [this.row, this.file, this.family, this.birth, this.gender]) column.ensure(i);
      this.row.array[i] = row;
      this.file.array[i] = fileIndex;
      this.family.array[i] = familyHash;
      this.birth.array[i] = birth;
      this.gender.array[i] = gender;
      this.table.set(hi, lo, i);
      return;
    }
    const differs: string[] = [];
    const known = (x: number, y: number) => x !== 0 && y !== 0 && x !== y;
    if (known(this.family.array[seen]!, familyHash)) differs.push('family name');
    if (known(this.birth.array[seen]!, birth)) differs.push('birth date');
    if (known(this.gender.array[seen]!, gender)) differs.push('gender');
    const related = { file: this.files[this.file.array[seen]!]!, row: this.row.array[seen]! };
    const where = `${related.file === this.files[fileIndex] ? '' : `${related.file} `}row ${related.row}`;
    if (differs.length > 0) ctx.flag('phn-conflict', 'phn', fields.phn!, `PHN also on ${where} with a different ${differs.join(', ')}`, related);
    else ctx.flag('phn-repeated', 'phn', fields.phn!, `PHN also on ${where} with the same demographics (duplicate record)`, related);
  }
}
