/**
 * The inverted index: shingle hash -> the articles (by ordinal) that contain it, and how many do. An
 * open-addressing table over typed arrays with posting lists chained through a shared pool: a JS Map holds
 * at most 2^24 keys and costs ~80 bytes per entry, this costs ~10 bytes per shingle and ~8 per posting.
 * Once a shingle's document frequency passes the cap it is boilerplate for good: its postings are dropped
 * (the pool space is not reclaimed) and only the flag remains.
 */
const EMPTY = 0;
const BOILERPLATE = -2;
const NONE = -1;

/** A shingle held by one article keeps it in the slot, encoded below NONE and BOILERPLATE: most shingles are held once. */
const single = (ord: number): number => -3 - ord;
const isSingle = (head: number): boolean => head <= -3;
const STRIDE = 3; // per slot, side by side so that a lookup touches one cache line: key, head, df

export class ShingleTable {
  /** [key (hash as int32), head of the posting list or NONE / BOILERPLATE, document frequency] per slot. */
  private slots: Int32Array;
  private mask: number;
  private used = 0;
  private poolArticle: Int32Array;
  private poolNext: Int32Array;
  private poolUsed = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.slots = ShingleTable.emptySlots(cap);
    this.mask = cap - 1;
    this.poolArticle = new Int32Array(1 << 16);
    this.poolNext = new Int32Array(1 << 16);
  }

  private static emptySlots(cap: number): Int32Array {
    const slots = new Int32Array(cap * STRIDE);
    for (let i = 1; i < slots.length; i += STRIDE) slots[i] = NONE;
    return slots;
  }

  get size(): number {
    return this.used;
  }

  /** Slot of `h`, or -1. */
  find(h: number): number {
    const key = h | 0;
    let i = h & this.mask;
    for (;;) {
      const k = this.slots[i * STRIDE] as number;
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  isBoilerplate(h: number): boolean {
    const s = this.find(h);
    return s >= 0 && this.slots[s * STRIDE + 1] === BOILERPLATE;
  }

  df(h: number): number {
    const s = this.find(h);
    return s < 0 ? 0 : (this.slots[s * STRIDE + 2] as number);
  }

  /**
   * Record that article `ord` contains `h` (call once per distinct shingle of an article). Calls `onPosting`
   * for every earlier article holding `h` while it is not boilerplate; when `ord` pushes it over `dfCap`,
   * calls `onBoilerplate` with the earlier holders instead and marks it.
   */
  add(h: number, ord: number, dfCap: number, onPosting: (other: number) => void, onBoilerplate: (holders: number[]) => void): void {
    const at = this.slotFor(h) * STRIDE;
    const slots = this.slots;
    const df = (slots[at + 2] as number) + 1;
    slots[at + 2] = df;
    const head = slots[at + 1] as number;
    if (head === BOILERPLATE) return;
    if (df > dfCap) {
      const holders = this.holdersAt(at);
      slots[at + 1] = BOILERPLATE;
      onBoilerplate(holders);
      return;
    }
    if (isSingle(head)) onPosting(-3 - head);
    else for (let p = head; p !== NONE; p = this.poolNext[p] as number) onPosting(this.poolArticle[p] as number);
    this.push(at, ord);
  }

  /** The articles holding the shingle in slot offset `at`, most recent first. */
  private holdersAt(at: number): number[] {
    const head = this.slots[at + 1] as number;
    if (head === BOILERPLATE || head === NONE) return [];
    if (isSingle(head)) return [-3 - head];
    const out: number[] = [];
    for (let p = head; p !== NONE; p = this.poolNext[p] as number) out.push(this.poolArticle[p] as number);
    return out;
  }

  private slotFor(h: number): number {
    if ((this.used + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const key = h | 0;
    let i = h & this.mask;
    for (;;) {
      const k = this.slots[i * STRIDE] as number;
      if (k === key) return i;
      if (k === EMPTY) {
        this.slots[i * STRIDE] = key;
        this.used++;
        return i;
      }
      i = (i + 1) & this.mask;
    }
  }

  private push(at: number, ord: number): void {
    let head = this.slots[at + 1] as number;
    if (head === NONE) {
      this.slots[at + 1] = single(ord);
      return;
    }
    if (isSingle(head)) {
      head = this.append(-3 - head, NONE);
    }
    this.slots[at + 1] = this.append(ord, head);
  }

  private append(ord: number, next: number): number {
    if (this.poolUsed === this.poolArticle.length) {
      const a = new Int32Array(this.poolArticle.length * 2);
      a.set(this.poolArticle);
      this.poolArticle = a;
      const nx = new Int32Array(this.poolNext.length * 2);
      nx.set(this.poolNext);
      this.poolNext = nx;
    }
    const p = this.poolUsed++;
    this.poolArticle[p] = ord;
    this.poolNext[p] = next;
    return p;
  }

  /** Import: a shingle known to be boilerplate with its document frequency. */
  restoreBoilerplate(h: number, df: number): void {
    const at = this.slotFor(h) * STRIDE;
    this.slots[at + 1] = BOILERPLATE;
    this.slots[at + 2] = df;
  }

  /** Import: one posting of a shingle that is not boilerplate. */
  restorePosting(h: number, ord: number): void {
    const at = this.slotFor(h) * STRIDE;
    if (this.slots[at + 1] === BOILERPLATE) return;
    this.slots[at + 2] = (this.slots[at + 2] as number) + 1;
    this.push(at, ord);
  }

  /** Every shingle: hash, document frequency, whether boilerplate, and its holders (empty when boilerplate). */
  *entries(): Generator<{ shingle: number; df: number; boilerplate: boolean; holders: number[] }> {
    for (let i = 0; i <= this.mask; i++) {
      const k = this.slots[i * STRIDE] as number;
      if (k === EMPTY) continue;
      const head = this.slots[i * STRIDE + 1] as number;
      const holders = this.holdersAt(i * STRIDE);
      yield { shingle: k >>> 0, df: this.slots[i * STRIDE + 2] as number, boilerplate: head === BOILERPLATE, holders: holders.reverse() };
    }
  }

  /** Bytes held by the typed arrays (for benchmarks). */
  get bytes(): number {
    return this.slots.byteLength + this.poolArticle.byteLength + this.poolNext.byteLength;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = ShingleTable.emptySlots(cap);
    this.mask = cap - 1;
    for (let j = 0; j < old.length; j += STRIDE) {
      const k = old[j] as number;
      if (k === EMPTY) continue;
      let i = k & this.mask;
      while (this.slots[i * STRIDE] !== EMPTY) i = (i + 1) & this.mask;
      this.slots[i * STRIDE] = k;
      this.slots[i * STRIDE + 1] = old[j + 1] as number;
      this.slots[i * STRIDE + 2] = old[j + 2] as number;
    }
  }
}
