/**
 * Feature keys are 32-bit hashes: a template id mixed with hashes of the strings it reads. The model stores
 * only keys and weights, never feature strings, so the file stays compact and lookups never concatenate.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mix a template id with one or two values into a key (never 0: 0 marks an empty slot). */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template ^ 0x5bd1e995, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h | 0;
}

/** Open-addressing map from a feature key to a row index (linear probing, power-of-two capacity). */
export class FeatureTable {
  private keys: Int32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const keys = this.keys;
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = keys[i] ?? 0;
      if (k === key) return this.rows[i] ?? -1;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** The row of `key`, adding it with row = current size when absent. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.keys[i] ?? 0;
      if (k === key) return this.rows[i] ?? -1;
      if (k === 0) {
        this.keys[i] = key;
        this.rows[i] = this.size;
        return this.size++;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Every (key, row) pair. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] ?? 0;
      if (k !== 0) yield [k, this.rows[i] ?? -1];
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j] ?? 0;
      if (key === 0) continue;
      let i = (key ^ (key >>> 16)) & this.mask;
      while ((this.keys[i] ?? 0) !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.rows[i] = oldRows[j] ?? 0;
    }
  }
}
