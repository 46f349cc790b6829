import { describe, expect, it } from 'vitest';
import { ShingleTable } from './shingle-table.js';

describe('ShingleTable', () => {
  it('counts distinct holders, reports earlier holders, turns boilerplate past the cap and survives growth', () => {
    const t = new ShingleTable(16);
    const seen: number[][] = [];
    const crossed: number[][] = [];
    for (let ord = 0; ord < 4; ord++) {
      const got: number[] = [];
      t.add(0xdeadbeef, ord, 3, (o) => got.push(o), (h) => crossed.push(h));
      seen.push(got.sort());
    }
    expect(seen).toEqual([[], [0], [0, 1], []]);
    expect(crossed).toEqual([[2, 1, 0]]);
    expect(t.isBoilerplate(0xdeadbeef)).toBe(true);
    expect(t.df(0xdeadbeef)).toBe(4);
    for (let h = 1; h < 5000; h++) t.add((h * 2654435761) >>> 0 || 1, h % 7, 3, () => undefined, () => undefined);
    expect(t.isBoilerplate(0xdeadbeef)).toBe(true);
    expect(t.size).toBe(5000);
    const single = [...t.entries()].find((e) => e.shingle === 0xdeadbeef);
    expect(single).toEqual({ shingle: 0xdeadbeef, df: 4, boilerplate: true, holders: [] });
  });

  it('restores from rows to the same answers', () => {
    const t = new ShingleTable();
    t.restoreBoilerplate(7, 200);
    t.restorePosting(9, 1);
    t.restorePosting(9, 4);
    expect(t.isBoilerplate(7)).toBe(true);
    expect(t.df(9)).toBe(2);
    expect([...t.entries()].find((e) => e.shingle === 9)?.holders).toEqual([1, 4]);
  });
});
