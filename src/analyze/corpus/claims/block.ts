/*
 * Step 2: claims -> blocks of claims that measure the same thing. Inside a story (or inside one article when
 * it belongs to no story) claims block on (unit, counted noun, owner). Claims that name no owner join the
 * story's only owner of that counted noun, when there is exactly one. Claims with a unit but no counted noun
 * (money, percentages) link inside the story when they agree in value or share words around them. Then blocks
 * of different stories merge when unit, counted noun and owner are the same and they are not dated to
 * clearly different times.
 */
import type { Claim } from './collect.js';
import { intersect } from './interval.js';
import type { ClaimParams } from './params.js';

export interface Block {
  readonly claims: Claim[];
  /** How its claims came together, in words (appended to the group's `why`). */
  readonly notes: string[];
}

const key = (...parts: (string | null)[]): string => parts.map((p) => p ?? '\u0001').join('\u0000');

function bucket<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Blocks inside each story. `claims` must be in canonical order (the result then is too). */
export function storyBlocks(claims: readonly Claim[], params: ClaimParams): Block[] {
  const out: Block[] = [];
  for (const same of bucket(claims, (c) => key(c.storyKey, c.unit, c.counted)).values()) {
    for (const part of byEvent(same)) {
      if (part[0]!.counted === null) out.push(...linkUnitOnly(part, params));
      else if (part.some((c) => c.event !== null)) out.push(...byOwner(part));
      else for (const b of byOwner(part)) out.push(...(ownerOf(b) === null && !intersect(b.claims.map((c) => c.interval)) ? linkByContext(b.claims, params) : [b]));
    }
  }
  return out;
}

/**
 * Claims of one counted noun split by the event class of their predicate: different classes never meet.
 * A claim whose predicate is in no class keeps to the claims without a class. A claim for which no
 * predicate was found joins the only event class of its noun, when there is exactly one.
 */
function byEvent(claims: readonly Claim[]): Claim[][] {
  const classed = bucket(
    claims.filter((c) => c.event !== null),
    (c) => c.event!,
  );
  if (classed.size === 0) return [[...claims]];
  const rest = claims.filter((c) => c.event === null);
  const parts = [...classed.values()];
  if (parts.length === 1) {
    const unfound = rest.filter((c) => c.predicate === null);
    parts[0]!.push(...unfound);
    parts[0]!.sort(canonical);
    const other = rest.filter((c) => c.predicate !== null);
    return other.length ? [...parts, other] : parts;
  }
  return rest.length ? [...parts, rest] : parts;
}

/** The event class of a block (the one its classed claims share), or null. */
export function eventOf(b: Block): string | null {
  return b.claims.find((c) => c.event !== null)?.event ?? null;
}

function byOwner(claims: readonly Claim[]): Block[] {
  const owned = bucket(
    claims.filter((c) => c.owner !== null),
    (c) => c.owner!,
  );
  const orphans = claims.filter((c) => c.owner === null);
  const blocks: Block[] = [...owned.values()].map((list) => ({ claims: list, notes: [] }));
  if (orphans.length === 0) return blocks;
  if (blocks.length === 1) {
    const only = blocks[0]!;
    only.claims.push(...orphans);
    only.claims.sort(canonical);
    only.notes.push(`${orphans.length} claim${orphans.length > 1 ? 's' : ''} naming no owner joined the only owner of "${orphans[0]!.counted}" in the story`);
    return blocks;
  }
  return [...blocks, { claims: orphans, notes: [] }];
}

/** Money and percentages without a counted noun: linked when their values agree or their sentences share words. */
function linkUnitOnly(claims: readonly Claim[], params: ClaimParams): Block[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    // Iterative (path halving): a recursive find overflows the stack on long chains of a large corpus.
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const pairwise = claims.length <= 300;
  if (!pairwise) {
    // Only same-owner links are made here: an owner's claims are one group once two articles give them (the
    // components the pairwise loop would make, without visiting every pair of a large block).
    const byOwner = new Map<string, number[]>();
    claims.forEach((c, i) => {
      if (c.owner !== null) (byOwner.get(c.owner) ?? byOwner.set(c.owner, []).get(c.owner)!).push(i);
    });
    for (const list of byOwner.values()) if (new Set(list.map((i) => claims[i]!.articleId)).size >= 2) for (const i of list) union(list[0]!, i);
  }
  for (let i = 0; pairwise && i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.articleId === b.articleId) continue;
      if (a.owner !== null && a.owner === b.owner) union(i, j);
      else if (!pairwise) continue;
      else if (a.owner !== null && b.owner !== null) continue;
      else if (intersect([a.interval, b.interval]) && Number.isFinite(a.interval.high) && Number.isFinite(b.interval.high)) union(i, j);
      else if (shared(a.context, b.context) >= params.minContextWords) union(i, j);
    }
  }
  const groups = bucket(
    claims.map((c, i) => [c, i] as const),
    ([, i]) => String(find(i)),
  );
  return [...groups.values()].map((list) => ({
    claims: list.map(([c]) => c),
    notes: [`no counted noun: linked by owner, by agreeing amounts or by at least ${params.minContextWords} shared words in their sentences`],
  }));
}

/**
 * A counted noun with neither owner nor event ("14 million marks" frozen, "2.1 billion marks" of trade) says
 * too little to be one measure: when such claims disagree, they stay together only when their sentences
 * share at least minContextWords content words (a conflict needs evidence that both speak of one thing;
 * claims that agree are left together, as they mislead no one). Candidate pairs come from an inverted index of those words (a word in more than
 * maxPostings sentences is too common to link anything), so the cost stays near-linear.
 */
function linkByContext(claims: readonly Claim[], params: ClaimParams): Block[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    // Iterative (path halving): a recursive find overflows the stack on long chains of a large corpus.
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => {
    for (const w of c.context) (postings.get(w) ?? postings.set(w, []).get(w)!).push(i);
  });
  const together = new Map<number, number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > params.maxPostings) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (claims[i]!.articleId === claims[j]!.articleId) continue;
        const k = i * claims.length + j;
        const n = (together.get(k) ?? 0) + 1;
        together.set(k, n);
        if (n === params.minContextWords) {
          const a = find(i);
          const b = find(j);
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
  }
  const groups = bucket(
    claims.map((c, i) => [c, i] as const),
    ([, i]) => String(find(i)),
  );
  return [...groups.values()].map((list) => ({
    claims: list.map(([c]) => c),
    notes: [`no owner and no event named: linked by at least ${params.minContextWords} shared words in their sentences`],
  }));
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

export function canonical(a: Claim, b: Claim): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.claim.source.span.start - b.claim.source.span.start || (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0);
}

interface Dating {
  first: number | null;
  last: number | null;
  years: Set<string>;
}

function datingOf(claims: readonly Claim[]): Dating {
  const days = claims.map((c) => c.day).filter((d): d is number => d !== null);
  return { first: days.length ? days.reduce((a, b) => Math.min(a, b)) : null, last: days.length ? days.reduce((a, b) => Math.max(a, b)) : null, years: new Set(claims.flatMap((c) => c.years)) };
}

function union(a: Dating, b: Dating): Dating {
  const first = a.first === null ? b.first : b.first === null ? a.first : Math.min(a.first, b.first);
  const last = a.last === null ? b.last : b.last === null ? a.last : Math.max(a.last, b.last);
  return { first, last, years: new Set([...a.years, ...b.years]) };
}

/** Clearly different times: both name years and none in common, or no common year and published too far apart. */
function compatible(a: Dating, b: Dating, params: ClaimParams): boolean {
  const common = [...a.years].some((y) => b.years.has(y));
  if (common) return true;
  if (a.years.size > 0 && b.years.size > 0) return false;
  if (a.first === null || b.first === null || a.last === null || b.last === null) return true;
  return Math.max(a.last, b.last) - Math.min(a.first, b.first) <= params.crossStoryDays;
}

/** The owner of a block of one counted noun (its claims that name an owner all name this one). */
export function ownerOf(b: Block): string | null {
  return b.claims.find((c) => c.owner !== null)?.owner ?? null;
}

/** Step 3: blocks of different stories that measure the same owner's counted noun merge (greedily, in time order). */
export function mergeAcrossStories(blocks: readonly Block[], params: ClaimParams): Block[] {
  const out: Block[] = [];
  const owned = (b: Block): boolean => b.claims[0]!.counted !== null && ownerOf(b) !== null;
  // A specific group counted for one event ("Iranians killed"), no owner: it may meet its kind in other
  // stories when their sentences name a common actor (the generic "people arrested" never leaves its story).
  const anchored = (b: Block): boolean => !owned(b) && b.claims[0]!.counted !== null && b.claims[0]!.counted !== 'person' && eventOf(b) !== null && b.claims.some((c) => c.anchors.length > 0);
  const mergeable = bucket(blocks.filter(owned), (b) => key(b.claims[0]!.unit, b.claims[0]!.counted, ownerOf(b), eventOf(b)));
  const byAnchor = bucket(blocks.filter(anchored), (b) => key(b.claims[0]!.unit, b.claims[0]!.counted, eventOf(b)));
  for (const b of blocks) if (!owned(b) && !anchored(b)) out.push(b); // a loop: a spread of 100k+ blocks overflows the stack
  for (const list of byAnchor.values()) out.push(...mergeByAnchor(list, params));
  for (const list of mergeable.values()) {
    const dated = list.map((b) => ({ b, d: datingOf(b.claims) }));
    dated.sort((x, y) => (x.d.first ?? -Infinity) - (y.d.first ?? -Infinity) || canonical(x.b.claims[0]!, y.b.claims[0]!));
    // Each cluster keeps the union of its dating, so a block is checked once per open cluster (not per member).
    const clusters: { blocks: Block[]; d: Dating }[] = [];
    for (const { b, d } of dated) {
      const home = clusters.find((c) => compatible(c.d, d, params));
      if (home) {
        home.blocks.push(b);
        home.d = union(home.d, d);
      } else clusters.push({ blocks: [b], d });
    }
    for (const c of clusters) {
      const stories = new Set(c.blocks.flatMap((b) => b.claims.map((x) => x.storyKey)));
      const claims = c.blocks.flatMap((b) => b.claims).sort(canonical);
      const notes = [...new Set(c.blocks.flatMap((b) => b.notes))];
      if (stories.size > 1) notes.push(`joined across ${stories.size} stories or unclustered articles: same owner and counted noun, not dated to different times`);
      out.push({ claims, notes });
    }
  }
  return out;
}

/** Ownerless event blocks of different stories: merged when they name a common actor and are not dated apart. */
function mergeByAnchor(list: readonly Block[], params: ClaimParams): Block[] {
  const dated = list.map((b) => ({ b, d: datingOf(b.claims), anchors: new Set(b.claims.flatMap((c) => c.anchors)) }));
  dated.sort((x, y) => (x.d.first ?? -Infinity) - (y.d.first ?? -Infinity) || canonical(x.b.claims[0]!, y.b.claims[0]!));
  const clusters: { blocks: Block[]; d: Dating; anchors: Set<string> }[] = [];
  for (const { b, d, anchors } of dated) {
    const home = clusters.find((c) => compatible(c.d, d, params) && [...anchors].some((a) => c.anchors.has(a)));
    if (home) {
      home.blocks.push(b);
      home.d = union(home.d, d);
      for (const a of anchors) home.anchors.add(a);
    } else clusters.push({ blocks: [b], d, anchors });
  }
  return clusters.map((c) => {
    const stories = new Set(c.blocks.flatMap((b) => b.claims.map((x) => x.storyKey)));
    const notes = [...new Set(c.blocks.flatMap((b) => b.notes))];
    if (stories.size > 1) notes.push(`joined across ${stories.size} stories or unclustered articles: same counted group and event, an actor named in common, not dated to different times`);
    return { claims: c.blocks.flatMap((b) => b.claims).sort(canonical), notes };
  });
}
