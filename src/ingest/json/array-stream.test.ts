import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayElements, startsWithArray, type ArrayEvent } from './array-stream.js';

async function scan(text: string | Uint8Array, chunk: number, max = 1 << 20): Promise<ArrayEvent[]> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  async function* stream() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: ArrayEvent[] = [];
  for await (const e of arrayElements(stream(), max)) out.push(e);
  return out;
}

const show = (events: ArrayEvent[]) => events.map((e) => ('bytes' in e ? new TextDecoder().decode(e.bytes) : `!${e.problem}`));

describe('arrayElements', () => {
  const tricky = ' [ {"a": "x, ] } [ \\" y"}, 1 ,"s,]", [1, [2]], {"b": {"c": []}} ] \n';
  it.each([1, 2, 3, 7, 1000])('splits elements at top-level commas only (chunks of %d bytes)', async (chunk) => {
    expect(show(await scan(tricky, chunk))).toEqual(['{"a": "x, ] } [ \\" y"}', '1', '"s,]"', '[1, [2]]', '{"b": {"c": []}}']);
  });
  it.each([
    ['[]', []],
    ['\uFEFF[{"a":1}]', ['{"a":1}']],
    ['[{"a":1}, {"b":', ['{"a":1}', '!the file ends inside item 2 (the array is not closed)']],
    ['[{"a":1}', ['!the file ends inside item 1 (the array is not closed)']],
    ['[{"a":1},', ['{"a":1}', '!the file ends before the array is closed']],
    ['[{"a":1}] trailing', ['{"a":1}', '!data after the end of the array is ignored']],
    ['{"a":1}', ['!not a JSON array']],
  ])('%j', async (text, expected) => {
    expect(show(await scan(text, 4))).toEqual(expected);
  });
  it('reports an element over the size limit and goes on', async () => {
    expect(show(await scan(`[{"t":"${'x'.repeat(100)}"},{"t":"y"}]`, 16, 50))).toEqual(['!item 1 is larger than 50 bytes', '{"t":"y"}']);
  });
  it('gives back exactly the elements JSON.parse sees, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), async (values, chunk) => {
        const events = await scan(JSON.stringify(values, null, 1), chunk);
        const parsed = events.map((e) => ('bytes' in e ? JSON.parse(new TextDecoder().decode(e.bytes)) : e.problem));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 150 },
    );
  });
  it('startsWithArray skips a BOM and whitespace', () => {
    expect(startsWithArray(new TextEncoder().encode('\uFEFF \n[1]'))).toBe(true);
    expect(startsWithArray(new TextEncoder().encode('{"a": [1]}'))).toBe(false);
  });
});
