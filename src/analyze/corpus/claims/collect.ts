/*
 * Step 1 of the claims engine: every quantity finding that says what it measures becomes a claim with its
 * grouping keys (unit, counted noun, owner), its interval, its sentence and speaker.
 */
import type { QuantityClaim } from '../../../domain/corpus.js';
import type { QuantityData } from '../../../domain/findings.js';
import { type ArticleView, type Typed } from './article-view.js';
import { type Interval, intervalOf } from './interval.js';
import type { ClaimParams } from './params.js';
import type { ClaimContext } from './types.js';
import { CLASS_LABELS, PEOPLE_CLASSES, type Predicate, classOfWord, predicateOf } from './predicate.js';
import { countedKey, nameKey, singular } from './words.js';

export const CLAIMS_RULE = 'claims/group';

export interface Claim {
  readonly claim: QuantityClaim;
  readonly interval: Interval;
  readonly articleId: string;
  readonly findingId: string;
  readonly story: string | null;
  /** The story, or the article itself when it belongs to none: claims group first inside it. */
  readonly storyKey: string;
  readonly unit: string;
  readonly counted: string | null;
  /** The counted noun as the text writes it, for `measure` ("Norlandic", "member"). */
  readonly countedLabel: string | null;
  /** Owner actor id, or `name:<normalised name>` when no actor is known; null when the text names no owner. */
  readonly owner: string | null;
  readonly ownerName: string | null;
  /** Publish day (days since 1970), null when undated. */
  readonly day: number | null;
  readonly years: readonly string[];
  /**
   * The event class of the predicate governing the quantity ("detention", "participation"), or null when its
   * predicate is in no class or none was found. Claims of different event classes never group.
   */
  readonly event: string | null;
  /** The governing predicate as found (class or verb lemma), null when none was found. */
  readonly predicate: Predicate | null;
  /** Normalised words of the sentence, for linking claims that have no counted noun, or no owner and no event. */
  readonly context: ReadonlySet<string>;
  readonly sentenceSpan: { readonly start: number; readonly end: number };
  /**
   * Actors named in the sentence of a claim counting a specific group for an event ("12,000 Iranians
   * killed"): blocks of such claims in different stories may merge when they name a common actor.
   */
  readonly anchors: readonly string[];
}

export function dayOf(published: string | null): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published ?? '');
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')) / 86_400_000);
}

const STOP = new Set(
  'a an the of in on at to for from by with and or but as is was were are be been has have had that this these those it its their they he she his her which who whom what when while after before than then there into over under about around some more most other such not no also would will could can said says say'.split(
    ' ',
  ),
);

const SCALE_WORDS = /^(hundred|thous|milli|billi|trill|dozen|sever|score)/;

/** Content words of the sentence (5-letter prefixes), without the counted noun and scale words (every claim of a measure has those). */
function contextWords(sentence: string, countedLabel: string | null): Set<string> {
  const own = new Set((countedLabel ?? '').toLowerCase().match(/\p{L}+/gu)?.map((w) => w.slice(0, 5)) ?? []);
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const k = w.length > 5 ? w.slice(0, 5) : w;
    if (w.length > 2 && !STOP.has(w) && !own.has(k) && !SCALE_WORDS.test(w)) out.add(k);
  }
  return out;
}

/** Capitalised proper adjectives by their ending ("Iranian", "Chinese", "Israeli", "British"); acronyms excluded. */
const DEMONYM = /^\p{Lu}\p{Ll}+(an|ean|ian|ese|ish|i|ic)$/u;
/** Nouns that only say "people": with a demonym before them the demonym is the measure ("Iranian citizens" = "Iranians"). */
const PEOPLE = new Set(['person', 'citizen', 'national', 'civilian', 'resident', 'individual', 'inhabitant']);
/**
 * Nouns for those who take part in a gathering: under a participation predicate they count the same people
 * ("5,000 people took part", "a few hundred rioters took part", "thousands of supporters marched").
 */
const PARTICIPANTS = new Set(['participant', 'protester', 'protestor', 'demonstrator', 'marcher', 'rioter', 'supporter', 'attendee', 'activist', 'crowd']);
/** Words after a counted noun that are verbs, not the head of a compound ("police officers" vs "people says"). */
const NOT_HEAD = new Set(['was', 'has', 'is', 'does', 'says', 'goes', 'remains', 'stays', 'lies', 'gets', 'makes', 'seems', 'appears', 'its', 'his', 'hers', 'this', 'thus', 'as', 'us', 'whereas', 'yes']);
/** "the true figure is over 200": a bare number after such a noun restates the sentence's previous count. */
const RESTATES = /\b(?:the|that|this)\s+(?:\p{L}+\s+)?(?:figure|number|total|toll|tally|count)\b[^.;]{0,40}$/iu;

/**
 * A compound whose head follows the counted noun the quantities stage gave ("Eleven police officers": the
 * count is of officers). Returns the head as written, or null.
 */
function headAfter(text: string, countedEnd: number): { word: string; end: number } | null {
  const m = /^[ \t]+(\p{Ll}[\p{Ll}-]{2,}s)\b/u.exec(text.slice(countedEnd, countedEnd + 40));
  if (!m || m[1]!.endsWith('ss') || NOT_HEAD.has(m[1]!) || classOfWord(m[1]!) !== null) return null;
  return { word: m[1]!, end: countedEnd + m[0].length };
}

/** People counted under a people event ("people", "civilians", "arrests", participants of a march): one key. */
function personKey(counted: string | null, event: string | null, role: Predicate['role'] | null): boolean {
  if (event === null || !PEOPLE_CLASSES.has(event)) return false;
  if (counted === null || role === 'noun') return true;
  if (counted === 'person' || counted === 'other' || PEOPLE.has(counted)) return true; // "dozens of others were injured"
  return event === 'participation' && PARTICIPANTS.has(counted);
}

/**
 * The counted key with the proper adjectives right before the counted noun: "12,000 Iranian people" counts
 * Iranians, not people in general, and must not meet "at least one person" of another event.
 */
function withDemonym(counted: string | null, text: string, start: number, d: QuantityData): { key: string; label: string } | null {
  if (counted === null || !d.counted) return null;
  const lemma = d.counted.lemma.trim();
  const before = text.slice(start, d.counted.span.start).split(/\s+/).filter(Boolean);
  const mods: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]!.replace(/[^\p{L}]/gu, '');
    if (w === 'and' && mods.length) continue;
    if (!DEMONYM.test(w)) break;
    mods.unshift(w);
  }
  if (!mods.length) return { key: counted, label: /^\p{Lu}/u.test(lemma) ? lemma : lemma.toLowerCase() };
  const label = PEOPLE.has(counted) ? mods.join(' ') : `${mods.join(' ')} ${lemma.toLowerCase()}`;
  return { key: label.toLowerCase(), label };
}

export function collectClaims(view: ArticleView, ctx: ClaimContext, params: ClaimParams): Claim[] {
  const a = view.input;
  const story = ctx.storyOf(a.id);
  const day = dayOf(a.published);
  const out: Claim[] = [];
  let previous: Claim | null = null;
  const ordered = [...(view.quantities as Typed<QuantityData>[])].sort((x, y) => x.span.start - y.span.start);
  for (const f of ordered) {
    const d = f.data;
    let measured = withDemonym(countedKey(d.counted?.lemma), a.text, f.span.start, d);
    let qEnd = Math.max(f.span.end, d.counted?.span.end ?? 0);
    const head = d.counted ? headAfter(a.text, Math.max(f.span.end, d.counted.span.end)) : null;
    if (head && measured && !measured.key.includes(' ')) {
      measured = { key: singular(head.word), label: `${measured.label} ${singular(head.word)}` };
      qEnd = head.end;
    }
    const sentenceSpan = view.sentence(f.span);
    const sentence = a.text.slice(sentenceSpan.start, sentenceSpan.end);
    let predicate = predicateOf(sentence, f.span.start - sentenceSpan.start, qEnd - sentenceSpan.start, measured ? d.counted?.lemma ?? null : null);
    let event = predicate && CLASS_LABELS[predicate.key] ? predicate.key : null;
    if (measured === null && d.unit === null && previous && previous.counted !== null && sameSentence(previous, sentenceSpan) && RESTATES.test(a.text.slice(sentenceSpan.start, f.span.start))) {
      // "at least 40 people were arrested; rights groups say the true figure is over 200": the same measure.
      measured = { key: previous.counted, label: previous.countedLabel ?? previous.counted };
      predicate = previous.predicate;
      event = previous.event;
    }
    if (personKey(measured?.key ?? null, event, predicate?.role ?? null) && (measured !== null || d.unit === null)) measured = { key: 'person', label: 'person' };
    const counted = measured?.key ?? null;
    if (counted === null && d.unit === null) continue; // a bare number measures nothing we can name
    const ownerName = d.owner?.name ?? null;
    let ownerActor: string | null = null;
    let owner: string | null = null;
    if (ownerName) {
      ownerActor = ctx.actorOf(ownerName, view.entityTypeAt(d.owner?.span) ?? view.entityTypeOf(ownerName));
      owner = ownerActor ?? (nameKey(ownerName) ? `name:${nameKey(ownerName)}` : null);
    }
    const claim: QuantityClaim = {
      source: view.ref(f.span, f, f.rule),
      value: d.value,
      low: d.low,
      high: d.high,
      approximator: d.approximator,
      vague: d.vague,
      unit: d.unit,
      counted: d.counted?.lemma ?? null,
      owner: ownerName,
      ownerActor,
      speaker: view.speakerAt(f.span),
      sentence,
    };
    const made: Claim = {
      claim,
      interval: intervalOf(d, params.aboutTolerance, params.scaleReachesNext, params.vagueTolerance),
      articleId: a.id,
      findingId: f.id,
      story,
      storyKey: story === null ? `article:${a.id}` : `story:${story}`,
      unit: d.unit ?? '',
      counted,
      countedLabel: measured?.label ?? null,
      owner,
      ownerName,
      day,
      years: view.yearsIn(sentenceSpan),
      event,
      predicate,
      context: contextWords(sentence, measured?.label ?? null),
      sentenceSpan,
      anchors: event !== null && counted !== null && counted !== 'person' ? anchorsOf(view, ctx, sentenceSpan, counted) : [],
    };
    out.push(made);
    previous = made;
  }
  return out;
}

/** Actors named in the sentence, except the counted group itself ("Iranian" in "12,000 Iranian citizens"). */
function anchorsOf(view: ArticleView, ctx: ClaimContext, span: { start: number; end: number }, counted: string): string[] {
  const out = new Set<string>();
  const group = counted.split(' ').map((w) => w.slice(0, 5));
  for (const e of view.entitiesIn(span)) {
    if (e.type === 'MISC' || group.some((g) => nameKey(e.name).split(' ').some((w) => w.slice(0, 5) === g))) continue;
    const actor = ctx.actorOf(e.name, e.type);
    const k = actor ?? (nameKey(e.name) ? `name:${nameKey(e.name)}` : null);
    if (k) out.add(k);
  }
  return [...out];
}

function sameSentence(c: Claim, span: { start: number; end: number }): boolean {
  return c.sentenceSpan.start === span.start && c.sentenceSpan.end === span.end;
}
