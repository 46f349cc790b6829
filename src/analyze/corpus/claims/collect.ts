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
import { countedKey, nameKey } from './words.js';

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
  /** Normalised words of the sentence, for linking claims that have no counted noun. */
  readonly context: ReadonlySet<string>;
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

function contextWords(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(/\p{L}+/gu) ?? []) if (w.length > 2 && !STOP.has(w)) out.add(w.length > 5 ? w.slice(0, 5) : w);
  return out;
}

/** Capitalised proper adjectives by their ending ("Iranian", "Chinese", "Israeli", "British"); acronyms excluded. */
const DEMONYM = /^\p{Lu}\p{Ll}+(an|ean|ian|ese|ish|i|ic)$/u;
/** Nouns that only say "people": with a demonym before them the demonym is the measure ("Iranian citizens" = "Iranians"). */
const PEOPLE = new Set(['person', 'citizen', 'national', 'civilian', 'resident', 'individual', 'inhabitant']);

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
  for (const f of view.quantities as Typed<QuantityData>[]) {
    const d = f.data;
    const measured = withDemonym(countedKey(d.counted?.lemma), a.text, f.span.start, d);
    const counted = measured?.key ?? null;
    if (counted === null && d.unit === null) continue; // a bare number measures nothing we can name
    const ownerName = d.owner?.name ?? null;
    let ownerActor: string | null = null;
    let owner: string | null = null;
    if (ownerName) {
      ownerActor = ctx.actorOf(ownerName, view.entityTypeAt(d.owner?.span) ?? view.entityTypeOf(ownerName));
      owner = ownerActor ?? (nameKey(ownerName) ? `name:${nameKey(ownerName)}` : null);
    }
    const sentenceSpan = view.sentence(f.span);
    const sentence = a.text.slice(sentenceSpan.start, sentenceSpan.end);
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
    out.push({
      claim,
      interval: intervalOf(d, params.aboutTolerance, params.scaleReachesNext),
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
      context: counted === null ? contextWords(sentence) : new Set(),
    });
  }
  return out;
}
