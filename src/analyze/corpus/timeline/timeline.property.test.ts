import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../domain/finding.js';
import type { DateData } from '../../../domain/findings.js';
import { buildTimeline, timelineMentions, type TimelineArticleInput } from './index.js';
import { compatible, parseValue } from './values.js';

/* Random small corpora: sentences of a few event vocabularies, each with one date of some precision (or a duration). */
const WORDS = ['flood', 'river', 'dam', 'strike', 'union', 'wage', 'court', 'judge', 'verdict', 'fire', 'forest', 'vote', 'mayor', 'Tarrow', 'Kestrel'];
const DATES: [string, string][] = [
  ['2012', '2012'],
  ['2013', '2013'],
  ['March 2012', '2012-03'],
  ['5 March 2012', '2012-03-05'],
  ['6 March 2012', '2012-03-06'],
  ['June 20', 'XXXX-06-20'],
  ['June', 'XXXX-06'],
  ['five years', 'P5Y'],
  ['now', 'PRESENT_REF'],
];

const sentence = fc.record({ words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 7 }), date: fc.constantFrom(...DATES) });
const articleSpec = fc.array(sentence, { minLength: 1, maxLength: 4 });

function build(specs: { words: string[]; date: [string, string] }[][]): TimelineArticleInput[] {
  return specs.map((sentences, i) => {
    const id = `a${String(i).padStart(2, '0')}`;
    let text = '';
    const findings: StoredFinding[] = [];
    sentences.forEach((s, n) => {
      const head = `${text ? ' ' : ''}The ${s.words.join(' ')} in `;
      const start = text.length + head.length;
      text += `${head}${s.date[0]}.`;
      const data: DateData = { type: s.date[1].startsWith('P') ? 'DURATION' : 'DATE', value: s.date[1], anchor: 'absolute', mod: null, evidence: null, yearUnknown: s.date[1].startsWith('XXXX') };
      findings.push({ kind: 'date', span: { start, end: start + s.date[0].length }, text: s.date[0], rule: 'dates/test', data, id: `${id}:dates:${n}`, articleId: id, stage: 'dates', stageVersion: 1 });
    });
    return { id, outlet: null, published: null, text, findings };
  });
}

const corpus = fc.array(articleSpec, { minLength: 1, maxLength: 8 }).map(build);
const ctx = { storyOf: (id: string) => (id < 'a04' ? 's1' : 's2') };

describe('timeline properties', () => {
  it('does not depend on the order of the articles', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 1000 }), (inputs, seed) => {
        const shuffled = [...inputs].sort((a, b) => ((a.id.charCodeAt(2) * 7919 + seed) % 101) - ((b.id.charCodeAt(2) * 7919 + seed) % 101) || (a.id < b.id ? 1 : -1));
        expect(buildTimeline(shuffled, ctx)).toEqual(buildTimeline(inputs, ctx));
      }),
      { numRuns: 60 },
    );
  });

  it('puts every dated mention in exactly one entry, and leaves the rest out', () => {
    fc.assert(
      fc.property(corpus, (inputs) => {
        const entries = buildTimeline(inputs, ctx);
        const seen = new Map<string, number>();
        for (const e of entries) for (const s of e.sources) seen.set(`${s.source.articleId}@${s.source.span.start}`, (seen.get(`${s.source.articleId}@${s.source.span.start}`) ?? 0) + 1);
        for (const input of inputs) {
          for (const f of input.findings) {
            const key = `${input.id}@${f.span.start}`;
            const kept = parseValue((f.data as DateData).value) !== null;
            expect(seen.get(key) ?? 0, key).toBe(kept ? 1 : 0);
          }
        }
        expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(timelineMentions(inputs).length);
      }),
      { numRuns: 80 },
    );
  });

  it('sorts entries by start then end, keeps spans exact and dates consistent', () => {
    fc.assert(
      fc.property(corpus, (inputs) => {
        const entries = buildTimeline(inputs, ctx);
        const byId = new Map(inputs.map((a) => [a.id, a]));
        entries.forEach((e, i) => {
          const prev = entries[i - 1];
          if (prev) expect(prev.start < e.start || (prev.start === e.start && prev.end <= e.end)).toBe(true);
          expect(e.start <= e.end).toBe(true);
          const stories = new Set(e.sources.map((s) => ctx.storyOf(s.source.articleId)));
          expect(e.story).toBe(stories.size === 1 ? [...stories][0] : null);
          for (const s of e.sources) {
            expect(byId.get(s.source.articleId)!.text.slice(s.source.span.start, s.source.span.end)).toBe(s.source.text);
            if (!e.conflict) expect(compatible(parseValue(e.date)!, parseValue(s.value)!), `${e.date} ${s.value}`).toBe(true);
          }
          expect(e.dates).toEqual([...new Set(e.sources.map((s) => s.value))].sort());
        });
      }),
      { numRuns: 80 },
    );
  });

  it('never throws on odd text and odd values', () => {
    const VALUES = ['2016', '2016-02-30', 'XXXX-02-29', '198X', '19XX', '2016-SU', '1990/1980', 'P3D', 'PRESENT_REF', '', 'T10:00', '2016-W53', 'XXXX-WXX-1', '2022-09-07T21:25'];
    const odd = fc.record({
      text: fc.string({ maxLength: 80 }),
      dates: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), value: fc.constantFrom(...VALUES), evidence: fc.option(fc.constantFrom('2 day(s) after "x"', '1 week(s) before ""', 'junk'), { nil: null }) }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 4 }), (specs) => {
        const inputs: TimelineArticleInput[] = specs.map((x, i) => {
          const id = `o${i}`;
          const findings: StoredFinding[] = x.dates.map((d, n) => {
            const start = Math.min(d.a, d.b) % (x.text.length + 1);
            const end = Math.min(x.text.length, start + (Math.max(d.a, d.b) % 12));
            const data: DateData = { type: d.value.startsWith('P') ? 'DURATION' : 'DATE', value: d.value, anchor: d.evidence ? 'event' : 'absolute', mod: null, evidence: d.evidence, yearUnknown: false };
            return { kind: 'date', span: { start, end }, text: x.text.slice(start, end), rule: 'dates/test', data, id: `${id}:dates:${n}`, articleId: id, stage: 'dates', stageVersion: 1 };
          });
          return { id, outlet: null, published: null, text: x.text, findings };
        });
        const entries = buildTimeline(inputs, ctx);
        for (const e of entries) expect(e.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
