import type { StoredFinding } from '../src/domain/finding.js';
import type { EntityType } from '../src/domain/findings.js';
import type { Span } from '../src/domain/span.js';
import { rng } from './generate.js';

/**
 * Generated articles WITH the per-article findings the cross-article engines read, for the corpus benchmark.
 * The text and its findings are written together, so every span slices its text. Nothing here is a real story:
 *  - names from Zipf vocabularies that grow with the corpus (people, organisations, places, invented words);
 *    people are named in full once, then by surname (a short-form mention linked to the full name; some
 *    articles leave the surname unlinked); organisations are defined with an acronym ("the Foo Bar Council
 *    (FBC)") and then called by it, or called by a bare acronym the article never defines;
 *  - events (about 100 * sqrt(n / 100) of them, Zipf popularity) each with a day, a place, a kind and two
 *    words of its own; an article reports one event: its day (day, month or year-less), an earlier related
 *    event by year, the publish weekday, counts (some outlets disagree), money and percentages, and quotes,
 *    one in five reprinted from the event's pool of statements.
 */

export interface BenchArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly language: string;
  readonly text: string;
  readonly findings: StoredFinding[];
  /** The event it reports (bench ground truth; stands in for the stories stage). */
  readonly story: string;
}

const SYL = ['ka', 'lo', 'ven', 'dri', 'mar', 'tes', 'qui', 'bor', 'zan', 'eli', 'gus', 'ran', 'fo', 'sel', 'thi', 'nu', 'pa', 'rok', 'vi', 'dam', 'she', 'tu', 'lin', 'mo'];
const FIRST = ['Aren', 'Belka', 'Corin', 'Dalia', 'Edrin', 'Fenna', 'Goran', 'Hesta', 'Ilan', 'Jorna', 'Kaspar', 'Lenia', 'Maro', 'Nadia', 'Oskar', 'Pella', 'Rasmo', 'Sella', 'Tomas', 'Vera', 'Wend', 'Yara', 'Zelko', 'Ines'];
const ORG_KINDS = ['Council', 'Union', 'Party', 'Board', 'League', 'Authority', 'Front', 'Alliance', 'Institute', 'Commission'];
const EVENT_KINDS = ['strike', 'protest', 'flood', 'election', 'trial', 'merger', 'blockade', 'raid', 'summit', 'ceasefire', 'fire', 'inquiry', 'referendum', 'walkout', 'landslide', 'audit'];
const ROLES = ['interior minister', 'union leader', 'mayor', 'police spokesman', 'opposition leader', 'port director', 'party chairman', 'chief executive'];
const NOUNS = ['protesters', 'workers', 'members', 'residents', 'officers', 'ships', 'containers', 'families', 'soldiers', 'students'];
const VERBS = ['said', 'told reporters', 'warned', 'claimed', 'added', 'stressed'];
const FUNCTION = ['the', 'of', 'and', 'to', 'in', 'for', 'with', 'on', 'that', 'by', 'was', 'had', 'would', 'not', 'after', 'over'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** An invented lowercase word for k (distinct for distinct k). */
function word(k: number, salt = 7): string {
  let s = '';
  for (let x = k * 31 + salt * 997 + 600; x > 0; x = Math.floor(x / SYL.length)) s += SYL[x % SYL.length];
  return s;
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Rank in [0, v) with probability about 1/(rank + 1). */
const zipf = (r: () => number, v: number): number => Math.min(v - 1, Math.floor(Math.exp(r() * Math.log(v + 1))) - 1);
const pad = (x: number): string => String(x).padStart(2, '0');

interface Vocab {
  readonly people: number;
  readonly orgs: number;
  readonly places: number;
  readonly words: number;
  readonly events: number;
}

export function vocabFor(n: number): Vocab {
  return { people: Math.max(2000, n), orgs: Math.max(400, Math.round(n / 5)), places: Math.max(300, Math.round(n / 10)), words: 6000, events: Math.round(100 * Math.sqrt(n / 100)) };
}

const person = (k: number) => ({ first: FIRST[(k * 7) % FIRST.length]!, last: cap(word(k, 1)) });
function org(k: number): { full: string; acronym: string } {
  const a = cap(word(k, 2));
  const b = cap(word(Math.floor(k / 3), 3));
  const kind = ORG_KINDS[k % ORG_KINDS.length]!;
  return { full: `${a} ${b} ${kind}`, acronym: `${a[0]}${b[0]}${kind[0]}` };
}
const place = (k: number) => cap(word(k, 4));

interface Event {
  readonly kind: string;
  readonly place: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly terms: readonly [string, string];
  readonly org: number;
  readonly leader: number;
  readonly count: number;
  readonly noun: string;
  readonly quotes: readonly string[];
}

const events = new Map<string, Event>();

function eventOf(k: number, v: Vocab): Event {
  const key = `${v.events}:${k}`;
  let e = events.get(key);
  if (!e) events.set(key, (e = makeEvent(k, v)));
  return e;
}

function makeEvent(k: number, v: Vocab): Event {
  const r = rng(k * 104729 + 11);
  const w = () => (r() < 0.3 ? FUNCTION[Math.floor(r() * FUNCTION.length)]! : word(zipf(r, v.words)));
  const terms: [string, string] = [word(v.words + k * 2, 5), word(v.words + k * 2 + 1, 5)];
  const quotes = Array.from({ length: 6 }, () => {
    const ws = Array.from({ length: 9 + Math.floor(r() * 8) }, w);
    ws.splice(Math.floor(r() * ws.length), 0, terms[Math.floor(r() * 2)]!);
    return cap(ws.join(' '));
  });
  return {
    kind: EVENT_KINDS[k % EVENT_KINDS.length]!,
    place: zipf(r, v.places),
    year: 2010 + Math.floor(r() * 15),
    month: 1 + Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 28),
    terms,
    org: zipf(r, v.orgs),
    leader: zipf(r, v.people),
    count: 100 * (1 + Math.floor(r() * 90)),
    noun: NOUNS[Math.floor(r() * NOUNS.length)]!,
    quotes,
  };
}

type Draft = Omit<StoredFinding, 'id' | 'articleId' | 'stageVersion'>;

/** Text with findings pointing into it: `put` appends plain text, the others append and record a finding. */
class Writer {
  text = '';
  readonly drafts: Draft[] = [];
  put(s: string): Span {
    const start = this.text.length;
    this.text += s;
    return { start, end: this.text.length };
  }
  entity(surface: string, type: EntityType, name = surface, via: 'model' | 'acronym' | 'short-form' = 'model', antecedent: Span | null = null): Span {
    const span = this.put(surface);
    this.drafts.push({ kind: 'entity', stage: 'entities', span, text: surface, rule: `entities/${via === 'model' ? 'model:bench' : via}`, data: { type, name, antecedent, via, titles: [], confidence: 0.9 } });
    return span;
  }
  date(surface: string, value: string, anchor: 'absolute' | 'publish', yearUnknown = false): Span {
    const span = this.put(surface);
    this.drafts.push({ kind: 'date', stage: 'dates', span, text: surface, rule: `dates/bench-${anchor}`, data: { type: 'DATE', value, anchor, mod: null, evidence: null, yearUnknown } });
    return span;
  }
  finding(kind: string, stage: string, span: Span, rule: string, data: unknown): void {
    this.drafts.push({ kind, stage, span, text: this.text.slice(span.start, span.end), rule, data });
  }
}

export function benchArticle(i: number, n: number): BenchArticle {
  const v = vocabFor(n);
  const r = rng(i * 7919 + 23);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ek = zipf(r, v.events);
  const e = eventOf(ek, v);
  const id = `c${String(i).padStart(7, '0')}`;
  const lag = Math.floor(r() * 10);
  const pub = new Date(Date.UTC(e.year, e.month - 1, e.day + lag, 6 + Math.floor(r() * 14), Math.floor(r() * 60)));
  const published = pub.toISOString().slice(0, 16);
  const outlet = `outlet-${zipf(r, 300)}.example`;
  const w = new Writer();
  const filler = (k: number) => Array.from({ length: k }, () => (r() < 0.35 ? pick(FUNCTION) : word(zipf(r, v.words)))).join(' ');

  // People: full name once, then the surname (linked, or in 1 article of 5 left for the aliases stage).
  const named = new Map<number, Span>();
  const linkSurnames = r() < 0.8;
  const personRef = (k: number): Span => {
    const p = person(k);
    const full = `${p.first} ${p.last}`;
    const first = named.get(k);
    if (!first) {
      const span = w.entity(full, 'PER');
      named.set(k, span);
      return span;
    }
    return linkSurnames ? w.entity(p.last, 'PER', full, 'short-form', first) : w.entity(p.last, 'PER');
  };
  // Organisations: defined with their acronym in half the articles; the others say the full name or a bare acronym.
  const defined = new Map<number, Span>();
  const orgRef = (k: number, allowDefine = true): { span: Span; name: string } => {
    const o = org(k);
    const def = defined.get(k);
    if (def) return { span: w.entity(o.acronym, 'ORG', o.full, 'acronym', def), name: o.full };
    if (allowDefine && r() < 0.5) {
      w.put('the ');
      const span = w.entity(o.full, 'ORG');
      w.put(' (');
      w.entity(o.acronym, 'ORG', o.full, 'acronym', span);
      w.put(')');
      defined.set(k, span);
      return { span, name: o.full };
    }
    if (r() < 0.25) return { span: w.entity(o.acronym, 'ORG'), name: o.acronym };
    w.put('the ');
    return { span: w.entity(o.full, 'ORG'), name: o.full };
  };
  const placeRef = (k: number) => w.entity(place(k), 'LOC');
  const someone = () => (r() < 0.4 ? e.leader : zipf(r, v.people));

  const title = `${place(e.place)} ${e.kind}: ${org(e.org).full} ${pick(['calls for talks', 'rejects offer', 'warns of escalation'])}`;
  // Lead: who, where, the publish weekday.
  w.put(`${place(e.place).toUpperCase()} -- `);
  personRef(e.leader);
  w.put(`, the ${pick(ROLES)}, said on `);
  w.date(DAYS[pub.getUTCDay()]!, published.slice(0, 10), 'publish');
  w.put(` that the ${e.kind} in `);
  placeRef(e.place);
  w.put(` ${filler(3)} ${e.terms[0]} ${filler(2)} would continue; ${filler(3)}, `);
  orgRef(e.org);
  w.put(` ${filler(3)}.`);
  const paragraphs = 5 + Math.floor(r() * 6);
  for (let p = 1; p < paragraphs; p++) {
    w.put('\n\n');
    const sentences = 2 + Math.floor(r() * 3);
    for (let s = 0; s < sentences; s++) {
      if (s > 0) w.put(' ');
      const t = r();
      if (t < 0.16) {
        // The event's day, at day, month or year-less precision (a few outlets get the year wrong).
        w.put(`The ${e.kind} ${e.terms[Math.floor(r() * 2)]} began `);
        const year = r() < 0.03 ? e.year + 1 : e.year;
        const q = r();
        if (q < 0.6) w.date(`on ${MONTHS[e.month - 1]} ${e.day}, ${year}`, `${year}-${pad(e.month)}-${pad(e.day)}`, 'absolute');
        else if (q < 0.85) w.date(`in ${MONTHS[e.month - 1]} ${year}`, `${year}-${pad(e.month)}`, 'absolute');
        else w.date(`on ${MONTHS[e.month - 1]} ${e.day}`, `XXXX-${pad(e.month)}-${pad(e.day)}`, 'publish', true);
        w.put(` in `);
        placeRef(e.place);
        w.put(`, after ${filler(4)}.`);
      } else if (t < 0.28) {
        // An earlier related event, by year.
        const other = eventOf(zipf(r, v.events), v);
        w.put(`It was the first ${e.kind} in `);
        placeRef(e.place);
        w.put(' since ');
        w.date(String(other.year), String(other.year), 'absolute');
        w.put(', when ');
        orgRef(other.org, false);
        w.put(` staged the ${other.kind} over the ${other.terms[0]} ${filler(2)}.`);
      } else if (t < 0.42) {
        // A count with its owner; some outlets disagree.
        const value = r() < 0.2 ? Math.round(e.count * (0.4 + r())) : e.count;
        const q = w.put(`More than ${value.toLocaleString('en-US')} `);
        const noun = w.put(e.noun);
        w.put(' of ');
        const owner = orgRef(e.org);
        w.finding('quantity', 'quantities', { start: q.start, end: noun.end }, 'quantities/count', {
          value, low: value, high: null, approximator: 'more than', vague: false, unit: null,
          counted: { span: noun, text: e.noun, lemma: e.noun.replace(/s$/, '') },
          owner: { span: owner.span, text: w.text.slice(owner.span.start, owner.span.end), name: owner.name },
        });
        w.put(` joined the ${e.kind}, `);
        personRef(someone());
        w.put(` ${pick(VERBS)}.`);
      } else if (t < 0.5) {
        // Money and a percentage, without counted nouns.
        w.put('About ');
        const pct = Math.floor(r() * 90);
        const ps = w.put(`${pct} percent`);
        w.finding('quantity', 'quantities', ps, 'quantities/percent', { value: pct, low: pct, high: pct, approximator: 'about', vague: false, unit: '%', counted: null, owner: null });
        w.put(' of the ');
        const m = 1 + Math.floor(r() * 50);
        const ms = w.put(`$${m} million`);
        w.finding('quantity', 'quantities', ms, 'quantities/money', { value: m * 1e6, low: m * 1e6, high: m * 1e6, approximator: null, vague: false, unit: 'USD', counted: null, owner: null });
        w.put(` ${e.terms[0]} budget had been spent, officials in `);
        placeRef(zipf(r, v.places));
        w.put(' said.');
      } else if (t < 0.72) {
        // A quote: one in five reprinted from the event's pool (now and then with a word dropped), the rest new.
        let content = r() < 0.2 ? pick(e.quotes) : cap(filler(8 + Math.floor(r() * 8)));
        if (r() < 0.2) content = content.split(' ').filter((_, k) => k !== 3).join(' ');
        const direct = r() < 0.7;
        const start = w.text.length;
        let contentSpan: Span;
        if (direct) {
          w.put('"');
          contentSpan = w.put(`${content},`);
          contentSpan = { start: contentSpan.start, end: contentSpan.end - 1 };
          w.put('" ');
        } else contentSpan = { start: -1, end: -1 };
        const k = someone();
        const speakerSpan = personRef(k);
        const cue = w.put(direct ? ` ${pick(VERBS)}` : ' said that ');
        if (!direct) contentSpan = w.put(content.charAt(0).toLowerCase() + content.slice(1));
        const full = `${person(k).first} ${person(k).last}`;
        w.finding('statement', 'statements', { start, end: w.text.length }, direct ? 'statements/quote-said' : 'statements/said-that', {
          mode: direct ? 'direct' : 'indirect',
          source: { span: speakerSpan, text: w.text.slice(speakerSpan.start, speakerSpan.end) },
          cue: { span: { start: cue.start + 1, end: cue.end - (direct ? 0 : 1) }, text: w.text.slice(cue.start + 1, cue.end - (direct ? 0 : 1)) },
          content: { span: contentSpan, text: w.text.slice(contentSpan.start, contentSpan.end) },
          speaker: { name: full, entity: speakerSpan, type: 'PER', via: 'name' },
          medium: null,
          addressee: null,
        });
        w.put('.');
      } else {
        // Background: words, a place, sometimes someone.
        w.put(`${cap(filler(5))} `);
        placeRef(zipf(r, v.places));
        w.put(` ${filler(4)}`);
        if (r() < 0.5) {
          w.put(' ');
          personRef(zipf(r, v.people));
        }
        w.put('.');
      }
    }
  }
  const counters = new Map<string, number>();
  const findings: StoredFinding[] = w.drafts
    .sort((a, b) => (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0) || a.span.start - b.span.start || a.span.end - b.span.end)
    .map((d) => {
      const k = counters.get(d.stage) ?? 0;
      counters.set(d.stage, k + 1);
      return { ...d, id: `${id}:${d.stage}:${k}`, articleId: id, stageVersion: 1 };
    });
  return { id, title, outlet, published, language: 'en', text: w.text, findings, story: `story:e${ek}` };
}
