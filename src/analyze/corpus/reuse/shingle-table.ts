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

export class ShingleTable {
  private keys: Uint32Array;
  private heads: Int32Array;
  private dfs: Int32Array;
  private mask: number;
  private used = 0;
  private poolArticle: Int32Array;
  private poolNext: Int32Array;
  private poolUsed = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(NONE);
    this.dfs = new Int32Array(cap);
    this.mask = cap - 1;
    this.poolArticle = new Int32Array(1 << 16);
    this.poolNext = new Int32Array(1 << 16);
  }

  get size(): number {
    return this.used;
  }

  /** Slot of `h`, or -1. */
  find(h: number): number {
    let i = h & this.mask;
    for (;;) {
      const k = this.keys[i] as number;
      if (k === h) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  isBoilerplate(h: number): boolean {
    const s = this.find(h);
    return s >= 0 && this.heads[s] === BOILERPLATE;
  }

  df(h: number): number {
    const s = this.find(h);
    return s < 0 ? 0 : (this.dfs[s] as number);
  }

  /**
   * Record that article `ord` contains `h` (call once per distinct shingle of an article). Calls `onPosting`
   * for every earlier article holding `h` while it is not boilerplate; when `ord` pushes it over `dfCap`,
   * calls `onBoilerplate` with the earlier holders instead and marks it.
   */
  add(h: number, ord: number, dfCap: number, onPosting: (other: number) => void, onBoilerplate: (holders: number[]) => void): void {
    const i = this.slotFor(h);
    const df = (this.dfs[i] as number) + 1;
    this.dfs[i] = df;
    const head = this.heads[i] as number;
    if (head === BOILERPLATE) return;
    if (df > dfCap) {
      const holders: number[] = [];
      for (let p = head; p !== NONE; p = this.poolNext[p] as number) holders.push(this.poolArticle[p] as number);
      this.heads[i] = BOILERPLATE;
      onBoilerplate(holders);
      return;
    }
    for (let p = head; p !== NONE; p = this.poolNext[p] as number) onPosting(this.poolArticle[p] as number);
    this.push(i, ord);
  }

  private slotFor(h: number): number {
    if ((this.used + 1) * 4 > (this.mask + 1) * 3) this.grow();
    let i = h & this.mask;
    for (;;) {
      const k = this.keys[i] as number;
      if (k === h) return i;
      if (k === EMPTY) {
        this.keys[i] = h;
        this.heads[i] = NONE;
        this.dfs[i] = 0;
        this.used++;
        return i;
      }
      i = (i + 1) & this.mask;
    }
  }

  private push(i: number, ord: number): void {
    const head = this.heads[i] as number;
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
    this.poolNext[p] = head;
    this.heads[i] = p;
  }

  /** Import: a shingle known to be boilerplate with its document frequency. */
  restoreBoilerplate(h: number, df: number): void {
    const i = this.slotFor(h);
    this.heads[i] = BOILERPLATE;
    this.dfs[i] = df;
  }

  /** Import: one posting of a shingle that is not boilerplate. */
  restorePosting(h: number, ord: number): void {
    const i = this.slotFor(h);
    if (this.heads[i] === BOILERPLATE) return;
    this.dfs[i] = (this.dfs[i] as number) + 1;
    this.push(i, ord);
  }

  /** Every shingle: hash, document frequency, whether boilerplate, and its holders (empty when boilerplate). */
  *entries(): Generator<{ shingle: number; df: number; boilerplate: boolean; holders: number[] }> {
    for (let i = 0; i <= this.mask; i++) {
      const k = this.keys[i] as number;
      if (k === EMPTY) continue;
      const head = this.heads[i] as number;
      const holders: number[] = [];
      if (head !== BOILERPLATE) for (let p = head; p !== NONE; p = this.poolNext[p] as number) holders.push(this.poolArticle[p] as number);
      yield { shingle: k, df: this.dfs[i] as number, boilerplate: head === BOILERPLATE, holders: holders.reverse() };
    }
  }

  /** Bytes held by the typed arrays (for benchmarks). */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.dfs.byteLength + this.poolArticle.byteLength + this.poolNext.byteLength;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const oldDfs = this.dfs;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(NONE);
    this.dfs = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j] as number;
      if (k === EMPTY) continue;
      let i = k & this.mask;
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.heads[i] = oldHeads[j] as number;
      this.dfs[i] = oldDfs[j] as number;
    }
  }
}
