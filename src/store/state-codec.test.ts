import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from './state-codec.js';

describe('engine state codec', () => {
  it('reads back what it wrote, nested arrays and objects included', () => {
    const state = { version: 3, ids: ['a', 'b'], pairs: [[0, 1, { start: 4, end: 9 }]], empty: {}, none: null };
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState(encodeState(null))).toBeNull();
  });

  it('still reads a state stored as gzipped JSON by an earlier version', () => {
    const legacy = gzipSync(JSON.stringify({ seen: { x: 1 }, rows: [1, 2, 3] }));
    expect(decodeState(legacy)).toEqual({ seen: { x: 1 }, rows: [1, 2, 3] });
  });

  it('reads back a large state (200,000 rows); the 10,000-article corpus bench runs one past the JSON limit', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `article-${i}`, passages: [[i, i + 10, i + 20, i + 30]] }));
    const back = decodeState(encodeState({ rows })) as { rows: typeof rows };
    expect(back.rows).toHaveLength(200_000);
    expect(back.rows[199_999]).toEqual(rows[199_999]);
  });
});
