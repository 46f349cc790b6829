import type { ArticleSummary } from '../../web/src/api.js';
import type { Actor, ActorView, AlignmentOp, LabelRow, QuotedStatement, ReusePair, SourceRef, StoryBoard, StorySummary } from '../../web/src/corpus-types.js';

/*
 * A small invented story board and actor, in the shapes the API sends, for the UI tests that do not depend on
 * what the analysis finds (served to the page with page.route). The real corpus is tested in story-board.test.ts.
 */

export const A_ID = 'a00000000000000a1';
export const B_ID = 'a00000000000000b2';
/** An article of another story, reached by corpus-wide groups and passages. */
export const C_ID = 'a00000000000000c3';
export const STORY_ID = A_ID;
export const ACTOR_ID = 'actor:org:harbour-league';

const article = (id: string, outlet: string, published: string | null, title: string): ArticleSummary => ({
  id, source: `${id}.txt`, format: 'text', url: null, outlet, title, language: 'en', chars: 1200,
  published: published === null ? null : { value: published, precision: 'minute', source: 'meta', raw: published },
});

/** The article of another story that the corpus-wide fixtures reach. */
export const OUTSIDE_ARTICLE = article(C_ID, 'East Gazette', '2023-05-02T09:00', 'League rally at the harbour');

export const ARTICLES = [article(A_ID, 'North Post', '2023-06-21T10:00', 'Police search the harbour camp'), article(B_ID, 'South Wire', '2023-06-22T08:30', 'Harbour camp searched, League protests')];

const ref = (articleId: string, start: number, text: string, outlet: string, published: string | null, rule = 'test/fixture'): SourceRef => ({ articleId, outlet, published, span: { start, end: start + text.length }, text, findingId: null, rule });

/** Word-level alignment of two passages that differ in single words at the same positions. */
function align(a: string, aStart: number, b: string, bStart: number): AlignmentOp[] {
  const words = (s: string, base: number) => [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N},'-]*/gu)].map((m) => ({ w: m[0].toLowerCase().replace(/,$/, ''), start: base + m.index!, end: base + m.index! + m[0].replace(/,$/, '').length }));
  const wa = words(a, aStart);
  const wb = words(b, bStart);
  const ops: AlignmentOp[] = [];
  for (let i = 0; i < Math.min(wa.length, wb.length); i++) {
    const op = wa[i]!.w === wb[i]!.w ? 'same' : 'substitute';
    const last = ops[ops.length - 1];
    if (last && last.op === op) ops[ops.length - 1] = { op, a: { start: last.a!.start, end: wa[i]!.end }, b: { start: last.b!.start, end: wb[i]!.end } };
    else ops.push({ op, a: { start: wa[i]!.start, end: wa[i]!.end }, b: { start: wb[i]!.start, end: wb[i]!.end } });
  }
  return ops;
}

export const PASSAGE_A = 'The country is estimated to have been hosting some 3,000 members of the league since 2016.';
export const PASSAGE_B = 'The country is estimated to have been hosting some 3,000 members of the cult since 2016.';

const pair: ReusePair = {
  a: { articleId: A_ID, span: { start: 400, end: 400 + PASSAGE_A.length }, text: PASSAGE_A },
  b: { articleId: B_ID, span: { start: 120, end: 120 + PASSAGE_B.length }, text: PASSAGE_B },
  similarity: 0.94,
  kind: 'edited',
  words: { a: 16, b: 16, same: 15 },
  alignment: align(PASSAGE_A, 400, PASSAGE_B, 120),
  direction: { earlier: A_ID, basis: 'publish-date' },
  rule: 'reuse/align',
};

const statements: QuotedStatement[] = [
  { source: ref(A_ID, 200, 'The camp must open its doors, the minister said.', 'North Post', '2023-06-21T10:00', 'statements/said'), mode: 'indirect', speaker: 'the minister', speakerActor: null, cue: 'said', content: 'The camp must open its doors' },
  { source: ref(B_ID, 300, '"We were attacked," a League spokesman told reporters.', 'South Wire', '2023-06-22T08:30', 'statements/told'), mode: 'direct', speaker: 'a League spokesman', speakerActor: ACTOR_ID, cue: 'told reporters', content: 'We were attacked' },
];

const labels: LabelRow[] = [
  { outlet: 'North Post', actorId: ACTOR_ID, actor: 'Harbour League', label: 'opposition group', form: 'appositive', voice: 'own', quotedSpeaker: null, source: ref(A_ID, 50, 'opposition group', 'North Post', '2023-06-21T10:00') },
  { outlet: 'South Wire', actorId: ACTOR_ID, actor: 'Harbour League', label: 'cult', form: 'predicate', voice: 'own', quotedSpeaker: null, source: ref(B_ID, 60, 'cult', 'South Wire', '2023-06-22T08:30') },
  { outlet: 'South Wire', actorId: ACTOR_ID, actor: 'Harbour League', label: 'peaceful residents', form: 'appositive', voice: 'quoted', quotedSpeaker: 'a League spokesman', source: ref(B_ID, 320, 'peaceful residents', 'South Wire', '2023-06-22T08:30') },
];

export const PASSAGE_C = 'Police searched the harbour camp on Tuesday, a spokesman said.';

/** A passage copied from an article of this story into an article of another story. */
const outsidePair: ReusePair = {
  a: { articleId: A_ID, span: { start: 20, end: 20 + PASSAGE_C.length }, text: PASSAGE_C },
  b: { articleId: C_ID, span: { start: 10, end: 10 + PASSAGE_C.length }, text: PASSAGE_C },
  similarity: 1,
  kind: 'verbatim',
  words: { a: 10, b: 10, same: 10 },
  alignment: align(PASSAGE_C, 20, PASSAGE_C, 10),
  direction: { earlier: C_ID, basis: 'publish-date' },
  rule: 'reuse/align',
};

export const STORY: StorySummary = { id: STORY_ID, title: 'Police search the harbour camp', articles: [A_ID, B_ID], outlets: ['North Post', 'South Wire'], language: 'en', first: '2023-06-21', last: '2023-06-22', terms: ['camp', 'harbour', 'police'], conflicts: 1, reuse: 1, timeline: 2 };

export const BOARD: StoryBoard = {
  story: STORY,
  explanation: { story: { id: STORY_ID, articles: [A_ID, B_ID], language: 'en', first: '2023-06-21', last: '2023-06-22' }, articles: [{ id: A_ID, score: null, parts: null }, { id: B_ID, score: 0.41, parts: null }], actors: [{ name: 'Harbour League', articles: [A_ID, B_ID] }], dates: [{ value: '2023-06-20', articles: [A_ID, B_ID] }], passages: [{ a: A_ID, b: B_ID, words: 16 }], terms: [{ term: 'camp', weight: 2.1, articles: [A_ID, B_ID] }] },
  articles: ARTICLES,
  statements,
  claims: [
    {
      id: 'claim-members', story: STORY_ID, measure: 'members of Harbour League', counted: 'member', ownerActor: ACTOR_ID, unit: null, conflict: true, spread: { low: 2000, high: 3000 }, why: "'more than 2,000' and 'some 3,000' allow no common value",
      claims: [
        { source: ref(A_ID, 500, 'more than 2,000 members', 'North Post', '2023-06-21T10:00', 'quantities/count'), value: 2000, low: 2000, high: 2400, approximator: 'more than', vague: false, unit: null, counted: 'member', owner: 'Harbour League', ownerActor: ACTOR_ID, speaker: null, sentence: 'The camp holds more than 2,000 members.' },
        { source: ref(B_ID, 160, 'some 3,000 members', 'South Wire', '2023-06-22T08:30', 'quantities/count'), value: 3000, low: 2700, high: 3300, approximator: 'some', vague: false, unit: null, counted: 'member', owner: 'Harbour League', ownerActor: ACTOR_ID, speaker: null, sentence: PASSAGE_B },
      ],
    },
    {
      // Corpus-wide (story: null): one claim from this story, one from another.
      id: 'claim-boats', story: null, measure: 'boats in the harbour', counted: 'boat', ownerActor: null, unit: null, conflict: false, spread: { low: 12, high: 12 }, why: 'both say 12',
      claims: [
        { source: ref(C_ID, 90, '12 boats', 'East Gazette', '2023-05-02', 'quantities/count'), value: 12, low: 12, high: 12, approximator: null, vague: false, unit: null, counted: 'boat', owner: null, ownerActor: null, speaker: null, sentence: 'There were 12 boats.' },
        { source: ref(A_ID, 700, '12 boats', 'North Post', '2023-06-21T10:00', 'quantities/count'), value: 12, low: 12, high: 12, approximator: null, vague: false, unit: null, counted: 'boat', owner: null, ownerActor: null, speaker: null, sentence: 'Some 12 boats were moored.' },
      ],
    },
  ],
  quotes: [
    {
      // Corpus-wide: the spokesman's words reported in this story and in another.
      id: 'quote-attacked', story: null, similarity: 0.8, wordingDiffers: true, speakersDiffer: false,
      statements: [
        statements[1]!,
        { source: ref(C_ID, 40, '"We were attacked by the police," the League spokesman said.', 'East Gazette', '2023-05-02', 'statements/said'), mode: 'direct', speaker: 'the League spokesman', speakerActor: ACTOR_ID, cue: 'said', content: 'We were attacked by the police' },
      ],
    },
  ],
  reuse: [pair, outsidePair],
  timeline: [
    { id: 't1', story: STORY_ID, date: '2016', start: '2016-01-01', end: '2016-12-31', event: 'the League moves to the harbour', sources: [{ source: ref(A_ID, 470, 'since 2016', 'North Post', '2023-06-21T10:00', 'dates/year'), value: '2016', sentence: PASSAGE_A }], conflict: false, dates: ['2016'] },
    { id: 't3', story: null, date: '2023-05-01', start: '2023-05-01', end: '2023-05-01', event: 'the League holds a rally', sources: [{ source: ref(A_ID, 900, 'on May 1', 'North Post', '2023-06-21T10:00', 'dates/month-day'), value: '2023-05-01', sentence: 'The League held a rally on May 1.' }, { source: ref(C_ID, 60, 'Monday', 'East Gazette', '2023-05-02', 'dates/weekday'), value: '2023-05-01', sentence: 'The League held a rally on Monday.' }], conflict: false, dates: ['2023-05-01'] },
    { id: 't2', story: STORY_ID, date: '2023-06-20', start: '2023-06-20', end: '2023-06-20', event: 'police search the camp', sources: [{ source: ref(A_ID, 20, 'on Tuesday', 'North Post', '2023-06-21T10:00', 'dates/weekday'), value: '2023-06-20', sentence: 'Police searched the camp on Tuesday.' }, { source: ref(B_ID, 20, 'June 20', 'South Wire', '2023-06-22T08:30', 'dates/month-day'), value: 'XXXX-06-20', sentence: 'Police searched the camp on June 20.' }], conflict: false, dates: ['2023-06-20'] },
  ],
  labels,
};

export const ACTOR: Actor = {
  id: ACTOR_ID, name: 'Harbour League', type: 'ORG',
  names: [{ name: 'Harbour League', mentions: 7, articles: 2 }, { name: 'HL', mentions: 2, articles: 1 }],
  evidence: [{ kind: 'acronym', names: ['Harbour League', 'HL'], detail: "'HL' is defined as the acronym of 'Harbour League' in 1 article", sources: [ref(A_ID, 80, 'Harbour League (HL)', 'North Post', '2023-06-21T10:00', 'aliases/acronym')], score: 0.9 }],
  confidence: 0.9, mentions: 9, articles: [{ articleId: A_ID, mentions: 5 }, { articleId: B_ID, mentions: 4 }], decided: false,
};

export const ACTOR_VIEW: ActorView = {
  actor: ACTOR,
  mentions: [{ outlet: 'North Post', bucket: '2023-06', mentions: 5 }, { outlet: 'South Wire', bucket: '2023-06', mentions: 4 }, { outlet: 'South Wire', bucket: '2023-04', mentions: 1 }, { outlet: null, bucket: 'undated', mentions: 2 }],
  statementsBy: [statements[1]!],
  statementsAbout: [statements[0]!],
  labels,
  stories: [STORY],
};

export const OTHER_ACTOR: Actor = { ...ACTOR, id: 'actor:org:harbour-league-council', name: 'Harbour League Council', names: [{ name: 'Harbour League Council', mentions: 1, articles: 1 }], evidence: [], confidence: 1, mentions: 1, articles: [{ articleId: B_ID, mentions: 1 }] };
