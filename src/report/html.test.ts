import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ClaimGroup, SourceRef, StorySummary } from '../domain/corpus.js';
import type { ReusePair } from '../analyze/corpus/reuse/types.js';
import { alignedSide, esc, renderReport, type ReportData } from './html.js';

const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const ref = (articleId: string, text: string, start = 0): SourceRef => ({ articleId, outlet: `Outlet ${HOSTILE}`, published: '2025-01-02', span: { start, end: start + text.length }, text, findingId: null, rule: 'test/rule' });

// "the cult" (a, at 100) vs "the group" (b, at 40): one substituted word and one inserted word.
const pair: ReusePair = {
  a: { articleId: 'aaa', span: { start: 100, end: 123 }, text: 'members of the cult <b>' },
  b: { articleId: 'bbb', span: { start: 40, end: 69 }, text: 'members of the group, now <b>' },
  similarity: 0.8,
  kind: 'edited',
  words: { a: 4, b: 5, same: 3 },
  alignment: [
    { op: 'same', a: { start: 100, end: 114 }, b: { start: 40, end: 54 } },
    { op: 'substitute', a: { start: 115, end: 119 }, b: { start: 55, end: 60 } },
    { op: 'insert', a: null, b: { start: 62, end: 65 } },
    { op: 'same', a: { start: 120, end: 123 }, b: { start: 66, end: 69 } },
  ],
  direction: { earlier: 'aaa', basis: 'publish-date' },
  rule: 'reuse/test',
};

const conflict: ClaimGroup = {
  id: 'c1',
  story: 's1',
  measure: 'members of the Example Group',
  counted: 'member',
  ownerActor: null,
  unit: null,
  claims: [
    { source: ref('aaa', 'more than 2,000 members'), value: 2000, low: 2000, high: null, approximator: 'more than', vague: false, unit: null, counted: 'member', owner: null, ownerActor: null, speaker: null, sentence: '' },
    { source: ref('bbb', 'some 900 members'), value: 900, low: 850, high: 950, approximator: 'some', vague: false, unit: null, counted: 'member', owner: null, ownerActor: null, speaker: HOSTILE, sentence: '' },
  ],
  conflict: true,
  spread: { low: 900, high: 2000 },
  why: 'no value fits both',
};

const summary: StorySummary = { id: 's1', title: `A story ${HOSTILE}`, articles: ['aaa', 'bbb'], outlets: ['A', 'B'], language: 'en', first: '2025-01-01', last: '2025-01-02', terms: [], conflicts: 1, reuse: 1, timeline: 0 };

const data: ReportData = {
  generatedAt: '2025-01-03T00:00:00Z',
  database: 'test.db',
  corpus: { articles: 2, outlets: 2, stories: 1, findings: 10, actors: 0 },
  outlets: [{ name: HOSTILE, articles: 1, first: null, last: null }],
  stories: [
    {
      summary,
      explanation: null,
      articles: [],
      timeline: [],
      claims: [conflict],
      quotes: [],
      reuse: [pair],
      labels: [{ outlet: 'A', actorId: null, actor: 'Example Group', label: `terror ${HOSTILE}`, form: 'premodifier', voice: 'own', quotedSpeaker: null, source: ref('aaa', 'terror group', 5) }],
      statements: [{ source: ref('aaa', 'said', 10), mode: 'direct', speaker: 'Ana Vell', speakerActor: null, content: HOSTILE }],
    },
  ],
  storiesOmitted: 3,
  timeline: [],
  timelineOmitted: 0,
  actors: [],
  actorsOmitted: 0,
};

describe('the HTML report', () => {
  const html = renderReport(data);
  const { document } = parseHTML(html);

  it('runs nothing: article text is escaped, no script elements, no event handlers, a strict CSP', () => {
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(document.querySelectorAll('img').length).toBe(0);
    for (const el of document.querySelectorAll('*')) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(document.body.textContent).toContain('<script>alert(1)</script>');
  });

  it('loads nothing from elsewhere: links are in-page anchors only', () => {
    for (const a of document.querySelectorAll('[href]')) expect(a.getAttribute('href')!.startsWith('#')).toBe(true);
    expect(document.querySelectorAll('[src], link[rel="stylesheet"]').length).toBe(0);
    for (const a of document.querySelectorAll('nav a')) expect(document.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('marks conflicts, the earlier publisher, and says how many stories were left out', () => {
    expect(document.querySelector('.claim-group.is-conflict .badge.conflict')).not.toBeNull();
    expect(document.querySelector('.pair .badge.first')!.parentElement!.textContent).toContain('aaa');
    expect(html).toContain('3 more stories not shown');
  });

  it('shows each finding with its article id and span', () => {
    const w = document.querySelector('.where[data-article="aaa"]')!;
    expect(w.getAttribute('data-span')).toMatch(/^\d+-\d+$/);
    expect(w.textContent).toMatch(/aaa @\d+–\d+/);
  });
});

describe('alignedSide', () => {
  it('keeps every character of each passage, in order, with the differences marked', () => {
    const a = alignedSide(pair, 'a');
    const b = alignedSide(pair, 'b');
    expect(a).toBe('members of the <mark>cult</mark> &lt;b&gt;');
    expect(b).toContain('<mark>group</mark>');
    expect(b).toContain('<ins>now</ins>');
    const text = (h: string) => parseHTML(`<p>${h}</p>`).document.querySelector('p')!.textContent;
    expect(text(a)).toBe(pair.a.text);
    expect(text(b)).toBe(pair.b.text);
  });

  it('escapes what it is given', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
