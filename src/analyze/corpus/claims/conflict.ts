/*
 * Step 4: a block of claims -> a ClaimGroup: what it measures, its spread, and whether the claims conflict
 * (no value fits every claim's interval), explained in words.
 */
import type { ClaimGroup } from '../../../domain/corpus.js';
import { type Block, eventOf, ownerOf } from './block.js';
import type { Claim } from './collect.js';
import { describeInterval, intersect } from './interval.js';
import type { ClaimContext } from './types.js';
import { CLASS_LABELS } from './predicate.js';
import { plural } from './words.js';

const where = (c: Claim): string => c.claim.source.outlet ?? c.articleId;
const quote = (c: Claim): string => `"${c.claim.source.text}" (${where(c)}: ${describeInterval(c.interval)})`;

function measureOf(b: Block, ctx: ClaimContext): { measure: string; ownerActor: string | null } {
  const first = b.claims[0]!;
  const owner = ownerOf(b);
  const ownerClaim = b.claims.find((c) => c.owner === owner && c.owner !== null);
  const ownerActor = ownerClaim?.claim.ownerActor ?? null;
  const ownerName = (ownerActor && ctx.actorName?.(ownerActor)) || mostCommon(b.claims.map((c) => c.ownerName).filter((n): n is string => !!n));
  const words = (first.countedLabel ?? first.counted)?.split(' ') ?? [];
  const counted = words.length ? [...words.slice(0, -1), plural(words[words.length - 1]!)].join(' ') : null;
  const unit = first.unit === '' ? null : first.unit === '%' ? 'percentage' : first.unit === 'pp' ? 'percentage points' : `amount in ${first.unit}`;
  const event = eventOf(b);
  let measure = counted ?? unit ?? 'quantity';
  if (event) measure += ` ${CLASS_LABELS[event] ?? event}`;
  if (counted && unit) measure = `${counted} (${unit})`;
  if (ownerName) measure += ` of ${ownerName}`;
  return { measure, ownerActor };
}

function mostCommon(names: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const x of names) n.set(x, (n.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, k] of n) if (best === null || k > n.get(best)! || (k === n.get(best)! && x < best)) best = x;
  return best;
}

export function toGroup(b: Block, ctx: ClaimContext): ClaimGroup {
  const claims = b.claims;
  const first = claims[0]!;
  const { measure, ownerActor } = measureOf(b, ctx);
  const stories = new Set(claims.map((c) => c.story));
  const articles = new Set(claims.map((c) => c.articleId));
  const common = intersect(claims.map((c) => c.interval));
  const points = claims.flatMap((c) => (c.claim.value !== null ? [c.claim.value] : [c.claim.low, c.claim.high].filter((x): x is number => x !== null)));
  const why: string[] = [`${claims.length} claims in ${articles.size} articles measure ${measure}${first.unit ? ` (unit ${first.unit})` : ''}`, ...b.notes];
  const event = eventOf(b);
  if (event) {
    const said = [...new Set(claims.map((c) => c.predicate?.text.toLowerCase()).filter((t): t is string => !!t))];
    why.push(`one event class, ${event}${said.length ? ` (${said.map((t) => `"${t}"`).join(', ')})` : ''}; counts of other events are kept apart`);
  }
  if (common) {
    why.push(`no conflict: every claim allows ${describeInterval(common)}`);
  } else {
    // The claim with the highest floor and the one with the lowest ceiling are the two that cannot both be true.
    const byFloor = [...claims].sort((x, y) => y.interval.low - x.interval.low || Number(y.interval.lowOpen) - Number(x.interval.lowOpen))[0]!;
    const byCeiling = [...claims].sort((x, y) => x.interval.high - y.interval.high || Number(y.interval.highOpen) - Number(x.interval.highOpen))[0]!;
    why.push(`conflict: no value fits every claim; ${quote(byFloor)} cannot hold with ${quote(byCeiling)}`);
  }
  return {
    id: `claim:${first.findingId}`,
    story: stories.size === 1 ? first.story : null,
    measure,
    counted: first.claim.counted === null ? null : first.counted,
    ownerActor,
    unit: first.claim.unit,
    claims: claims.map((c) => c.claim),
    conflict: common === null,
    spread: { low: points.length ? Math.min(...points) : null, high: points.length ? Math.max(...points) : null },
    why: `${why.join('; ')}.`,
  };
}
