/*
 * claims: the cross-article stage that puts side by side what different articles say about the same measure
 * (numbers) and the same statement (quotes). Pure: articles and their stored findings in, groups out.
 *
 *   collect.ts   quantity findings -> claims with keys (unit, counted noun, owner actor, event), intervals, sentence, speaker
 *   predicate.ts the event key: the predicate governing a quantity, reduced to a generic event class
 *   block.ts     claims -> blocks inside stories, then across stories (same owner and counted noun, same time)
 *   conflict.ts  block -> ClaimGroup: measure, spread, conflict (empty intersection of intervals), why
 *   interval.ts  approximators -> intervals ("more than 2,000" -> (2000, inf), "around 3,000" -> [2700, 3300])
 *   quotes.ts    statements -> QuoteGroups through an inverted index of word 3-gram shingles (no all-pairs)
 *   params.ts    every knob, with its trade-off
 *
 * Decisions:
 * - A claim needs a counted noun, or a unit (money, percentages): a bare number measures nothing nameable.
 *   The counted key is the lemma in singular by generic morphology; proper adjectives right before it are
 *   part of it ("12,000 Norlandic citizens" counts Norlandics, not people in general), and a
 *   demonym before a noun that only says "people" (person, citizen, civilian...) is the measure itself.
 * - Event key: the predicate that governs the quantity (its counted noun when that is an event noun, "212
 *   arrests"; else the verb it is the subject of, "40 people were arrested", "43 remained in custody"; else
 *   the verb it is the object of, "detained dozens"), found from the sentence's shape without a tagger and
 *   reduced to a small set of generic English classes (detention, custody, killing, injury, participation,
 *   displacement; see predicate.ts). Claims of different classes never group: a false conflict between an
 *   arrest count and a crowd size misleads more than a missed group. Under a people class, nouns that only
 *   say "people" (people, civilians, others; participants of a gathering under participation) and event
 *   nouns ("arrests") count one thing, "person". A claim whose verb is in no class keeps to the claims
 *   without a class (verbs of reporting, hosting and the like vary between outlets for one measure); a claim
 *   with no predicate found joins the only event class of its noun and owner, when there is exactly one.
 * - A bare number that restates "the figure / the number / the toll" of its sentence takes the sentence's
 *   previous count ("40 people were arrested; rights groups say the true figure is over 200").
 * - Word ranges ("several", "dozens", "a few hundred") have soft edges (vagueTolerance): "several" does not
 *   deny eleven, "dozens" still denies "more than 200".
 * - Claims of a counted noun with neither owner nor event class that disagree stay together only when their
 *   sentences share minContextWords content words ("14 million marks" frozen and "2.1 billion marks" of
 *   trade are two measures); claims that agree are left together.
 * - Blocking: (story, unit, counted key, event class, owner actor). Articles in no story are a story of their own. A claim
 *   naming no owner joins the story's only owner of that counted noun (none or several: it stays apart).
 *   Money and percentages without a counted noun link inside a story by owner, agreeing amounts, or words
 *   shared by their sentences. Blocks of different stories merge only with the same owner actor and counted
 *   noun, when their sentences do not name different years and they were published within crossStoryDays.
 *   Ownerless blocks counting a specific group (not plain "people") for one event class merge across stories
 *   the same way when their sentences name a common actor (not the counted group itself): "12,000 Iranians
 *   killed" in two stories both naming the armed group. Plain "people arrested" never leaves its story.
 * - A group needs claims from minArticles (2) distinct articles; two claims of one article with no other
 *   article are not reported (one outlet disagreeing with itself is not a cross-outlet finding). Once a group
 *   stands, every claim of each article in it is kept, so an article's inner disagreement shows too.
 * - Conflict: the intersection of all intervals is empty (open bounds respected: "more than 2,000" and
 *   "2,000" conflict, "at least 2,000" and "2,000" do not). Same value with different approximators whose
 *   intervals meet is no conflict.
 * - Quote groups are reported whether or not wording or speakers differ; the flags say which.
 */
import type { ClaimGroup, QuoteGroup } from '../../../domain/corpus.js';
import { ArticleView } from './article-view.js';
import { type Block, canonical, mergeAcrossStories, storyBlocks } from './block.js';
import { type Claim, collectClaims } from './collect.js';
import { toGroup } from './conflict.js';
import { CLAIM_DEFAULTS, type ClaimParams } from './params.js';
import { groupQuotes } from './quotes.js';
import type { ClaimArticleInput, ClaimContext } from './types.js';

export { CLAIM_DEFAULTS, type ClaimParams } from './params.js';
export type { ClaimArticleInput, ClaimContext } from './types.js';
export { intervalOf, intersect, describeInterval, type Interval } from './interval.js';
export { CLAIMS_RULE } from './collect.js';
export { QUOTES_RULE } from './quotes.js';

export function groupClaims(inputs: Iterable<ClaimArticleInput>, ctx: ClaimContext, params: Partial<ClaimParams> = {}): { claims: ClaimGroup[]; quotes: QuoteGroup[] } {
  const p: ClaimParams = { ...CLAIM_DEFAULTS, ...params };
  const views = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => new ArticleView(a));
  const all: Claim[] = views.flatMap((v) => collectClaims(v, ctx, p)).sort(canonical);
  const blocks: Block[] = mergeAcrossStories(storyBlocks(all, p), p);
  const claims = blocks
    .filter((b) => new Set(b.claims.map((c) => c.articleId)).size >= p.minArticles)
    .map((b) => toGroup({ claims: [...b.claims].sort(canonical), notes: b.notes }, ctx))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { claims, quotes: groupQuotes(views, ctx, p) };
}
