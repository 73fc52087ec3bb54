import type { DqFields } from '../dq-record.js';
import type { CheckContext } from '../checks/check-context.js';
import { parseDate } from '../parse-date.js';
import { GrowableColumn } from './growable.js';
import { jaroWinkler } from './jaro-winkler.js';
import { genderCode, normaliseAddress, normaliseGiven, normaliseName } from './normalise.js';
import { hash32, PairKeyTable } from './pair-key-table.js';

/** Similarity thresholds (Jaro-Winkler) above which two records of one block are the same person. */
export const DUPLICATE_THRESHOLDS = { given: 0.85, address: 0.8, givenWithoutAddress: 0.95 } as const;
/** Most comparisons per record: a huge block (a common surname + 1 January) must not go quadratic. */
const MAX_COMPARISONS = 64;
const GIVEN_WIDTH = 16;
const ADDRESS_WIDTH = 28;
const POSTAL_WIDTH = 6;
const WIDTH = GIVEN_WIDTH + ADDRESS_WIDTH + POSTAL_WIDTH;

/**
 * Probable duplicate persons where at least one record has no PHN (two different PHNs are two
 * registrations; the same PHN is {@link PhnConflicts}' business). Blocking on normalised surname +
 * birth date makes it near-linear; within a block the new record is compared with earlier ones on
 * given name and address line (Jaro-Winkler) or postal code, and a gender conflict rules a pair out.
 *
 * Memory: per record a 50-byte fixed-width Latin-1 slot (given name, address, postal code,
 * truncated) and ~16 bytes of typed-array columns; the block key is a 64-bit hash, not a string.
 */
export class ProbableDuplicates {
  private readonly blocks = new PairKeyTable();
  private readonly next = new GrowableColumn((n) => new Int32Array(n));
  private readonly row = new GrowableColumn((n) => new Int32Array(n));
  private readonly file = new GrowableColumn((n) => new Uint16Array(n));
  private readonly flags = new GrowableColumn((n) => new Uint8Array(n));
  private arena = Buffer.alloc(WIDTH << 16);
  private entries = 0;

  constructor(private readonly files: readonly string[]) {}

  check(fields: DqFields, row: number, fileIndex: number, ctx: CheckContext): void {
    const family = normaliseName(fields.family);
    const birth = fields.birthDate ? parseDate(fields.birthDate, ctx.dateFormat) : undefined;
    if (!family || birth === undefined) return;
    // 64-bit block key without building a string: two family-name hashes, one mixed with the date.
    const k1 = hash32(family);
    const k2 = (hash32(family, 0x01234567) ^ Math.imul(birth, 0x9e3779b1)) >>> 0;
    // Stored raw (upper-cased, truncated) and normalised only when compared: most records are never
    // compared with anything, so normalising every row would be wasted work.
    const given = (fields.given ?? '').trim().toUpperCase().slice(0, GIVEN_WIDTH);
    const address = (fields.addressLine1 ?? '').trim().toUpperCase().slice(0, ADDRESS_WIDTH);
    const postal = (fields.postalCode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, POSTAL_WIDTH);
    const hasPhn = /^\d{10}$/.test((fields.phn ?? '').trim());
    const gender = genderCode(fields.gender);

    let best: { entry: number; given: number; address: number | undefined } | undefined;
    const head = this.blocks.get(k1, k2);
    let compared = 0;
    const myGiven = head >= 0 ? normaliseGiven(given) : '';
    const myAddress = head >= 0 ? normaliseAddress(address) : '';
    for (let e = head; e >= 0 && compared < MAX_COMPARISONS; e = this.next.array[e]!, compared++) {
      const other = this.flags.array[e]!;
      if (hasPhn && other & 1) continue;
      const otherGender = other >> 1;
      if (gender && otherGender && gender !== otherGender) continue;
      const givenSim = jaroWinkler(myGiven, normaliseGiven(this.slot(e, 0, GIVEN_WIDTH)));
      if (givenSim < DUPLICATE_THRESHOLDS.given) continue;
      const otherAddress = normaliseAddress(this.slot(e, GIVEN_WIDTH, ADDRESS_WIDTH));
      const otherPostal = this.slot(e, GIVEN_WIDTH + ADDRESS_WIDTH, POSTAL_WIDTH);
      let addressSim: number | undefined;
      if (myAddress && otherAddress) addressSim = jaroWinkler(myAddress, otherAddress);
      else if (postal && otherPostal) addressSim = postal === otherPostal ? 1 : 0;
      const same = addressSim === undefined ? givenSim >= DUPLICATE_THRESHOLDS.givenWithoutAddress : addressSim >= DUPLICATE_THRESHOLDS.address;
      if (same && (!best || givenSim + (addressSim ?? 0) > best.given + (best.address ?? 0))) best = { entry: e, given: givenSim, address: addressSim };
    }
    if (best) {
      const related = { file: this.files[this.file.array[best.entry]!]!, row: this.row.array[best.entry]! };
      const where = `${related.file === this.files[fileIndex] ? '' : `${related.file} `}row ${related.row}`;
      const value = [fields.family, fields.given].filter(Boolean).join(', ');
      ctx.flag('probable-duplicate', 'person', value, `probable duplicate of ${where}: same surname and birth date, given-name similarity ${best.given.toFixed(2)}${best.address === undefined ? '' : `, address similarity ${best.address.toFixed(2)}`}`, related);
    }

    const i = this.entries++;
    for (const column of [this.next, this.row, this.file, this.flags]) column.ensure(i);
    if ((i + 1) * WIDTH > this.arena.length) {
      const grown = Buffer.alloc(this.arena.length * 2);
      this.arena.copy(grown);
      this.arena = grown;
    }
    // Slots are zero from Buffer.alloc and written once, so no padding is needed.
    if (given) this.arena.write(given, i * WIDTH, GIVEN_WIDTH, 'latin1');
    if (address) this.arena.write(address, i * WIDTH + GIVEN_WIDTH, ADDRESS_WIDTH, 'latin1');
    if (postal) this.arena.write(postal, i * WIDTH + GIVEN_WIDTH + ADDRESS_WIDTH, POSTAL_WIDTH, 'latin1');
    this.next.array[i] = head;
    this.row.array[i] = row;
    this.file.array[i] = fileIndex;
    this.flags.array[i] = (hasPhn ? 1 : 0) | (gender << 1);
    this.blocks.set(k1, k2, i);
  }

  private slot(entry: number, offset: number, width: number): string {
    const start = entry * WIDTH + offset;
    let end = start + width;
    while (end > start && this.arena[end - 1] === 0) end -= 1;
    return this.arena.toString('latin1', start, end);
  }
}
