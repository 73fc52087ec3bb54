/** A typed-array column that doubles when full (entries are only ever appended). */
export class GrowableColumn<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array> {
  array: T;

  constructor(private readonly make: (length: number) => T, initial = 1 << 16) {
    this.array = make(initial);
  }

  /** Make room for index `i`. */
  ensure(i: number): void {
    if (i < this.array.length) return;
    let length = this.array.length * 2;
    while (length <= i) length *= 2;
    const next = this.make(length);
    next.set(this.array);
    this.array = next;
  }
}
