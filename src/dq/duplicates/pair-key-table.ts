/**
 * Open-addressing hash table from a pair of uint32 keys to an int32 value, in typed arrays: about
 * 12 bytes a slot instead of the ~80 of a `Map<string, …>` entry, which is what keeps duplicate
 * detection over a million rows inside the memory budget.
 */
export class PairKeyTable {
  private k1: Uint32Array;
  private k2: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.k1 = new Uint32Array(capacity);
    this.k2 = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    for (let slot = this.slot(a, b); ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot]!;
      if (value === -1) return -1;
      if (this.k1[slot] === a >>> 0 && this.k2[slot] === b >>> 0) return value;
    }
  }

  /** Store `value` (≥ 0) for (a, b), replacing any previous value. */
  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    for (let slot = this.slot(a, b); ; slot = (slot + 1) & this.mask) {
      if (this.values[slot] === -1) {
        this.k1[slot] = a;
        this.k2[slot] = b;
        this.values[slot] = value;
        this.count += 1;
        return;
      }
      if (this.k1[slot] === a >>> 0 && this.k2[slot] === b >>> 0) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
  }

  private grow(): void {
    const [k1, k2, values] = [this.k1, this.k2, this.values];
    const capacity = values.length * 2;
    this.k1 = new Uint32Array(capacity);
    this.k2 = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.count = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== -1) this.set(k1[i]!, k2[i]!, values[i]!);
  }
}

/** 32-bit FNV-1a of a string's UTF-16 code units, with a seed so two calls give a ~64-bit key. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
