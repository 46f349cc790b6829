import type { Edge, Evidence, NameNode } from './evidence.js';
import type { AliasParams } from './params.js';

/*
 * Union-find with cannot-link constraints. Must-links (analysts' merges) first, then pair evidence strongest
 * first, then group evidence (a short name joins its candidates only when they are one actor by then).
 * A merge is refused when it would join two names an analyst split, or two people's full names through a
 * short name alone ("Vell" cannot bridge "Ana Vell" and "Tom Vell").
 */

export interface Constraints {
  readonly musts: readonly Edge[];
  readonly cannots: readonly (readonly [number, number])[];
}

export interface Resolution {
  /** Root node of each node's actor. */
  readonly rootOf: readonly number[];
  /** The merges that built each actor (its spanning tree), by root. */
  readonly tree: ReadonlyMap<number, readonly Edge[]>;
}

const isFullPerson = (n: NameNode | undefined): boolean => !!n && n.type === 'PER' && n.content.length >= 2 && !n.acronym;

export function resolve(ev: Evidence, c: Constraints, p: AliasParams): Resolution {
  const n = ev.nodes.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const cannot: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const heads: number[] = ev.nodes.map((x) => (isFullPerson(x) ? 1 : 0));
  const edges: Edge[][] = Array.from({ length: n }, () => []);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  for (const [a, b] of c.cannots) {
    if (a === b) continue;
    cannot[a]!.add(b);
    cannot[b]!.add(a);
  }
  const forbidden = (x: number, y: number): boolean => {
    for (const id of cannot[x]!) if (find(id) === y) return true;
    for (const id of cannot[y]!) if (find(id) === x) return true;
    return false;
  };
  const union = (e: Edge): boolean => {
    let x = find(e.a);
    let y = find(e.b);
    if (x === y || forbidden(x, y)) return false;
    const direct = e.kind === 'user' || (isFullPerson(ev.nodes[e.a]) && isFullPerson(ev.nodes[e.b]));
    if (!direct && heads[x]! > 0 && heads[y]! > 0) return false;
    if (members[x]!.length < members[y]!.length || (members[x]!.length === members[y]!.length && y < x)) [x, y] = [y, x];
    parent[y] = x;
    members[x]!.push(...members[y]!);
    members[y] = [];
    for (const id of cannot[y]!) cannot[x]!.add(id);
    cannot[y]!.clear();
    heads[x] = heads[x]! + heads[y]!;
    edges[x]!.push(...edges[y]!, e);
    edges[y] = [];
    return true;
  };

  const withDetail = (e: Edge, roots: number): Edge => (roots === 1 ? { ...e, detail: `${e.detail}; the only one in the corpus` } : e);
  for (const e of c.musts) union(e);
  const order = (a: Edge, b: Edge): number => b.score - a.score || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || a.a - b.a || a.b - b.b;
  for (const e of [...ev.pairs].sort(order)) if (e.score >= p.minScore) union(e);
  const best = (g: { candidates: readonly Edge[] }): Edge[] =>
    g.candidates.filter((e) => e.score >= p.minScore).sort((x, y) => y.score - x.score || (ev.nodes[y.a]?.mentions ?? 0) - (ev.nodes[x.a]?.mentions ?? 0) || x.a - y.a);
  const groups = ev.groups.map((g) => ({ node: g.node, cands: best(g) })).filter((g) => g.cands.length > 0);
  groups.sort((x, y) => order(x.cands[0]!, y.cands[0]!) || x.node - y.node);
  for (const g of groups) {
    const mine = find(g.node);
    if (g.cands.some((e) => find(e.a) === mine)) continue;
    const weights = new Map<number, number>();
    for (const e of g.cands) weights.set(find(e.a), (weights.get(find(e.a)) ?? 0) + (e.weight ?? 1));
    if (weights.size === 1) {
      union(withDetail(g.cands[0]!, weights.size));
      continue;
    }
    // ambiguous in the corpus: only a candidate that articles use for this name far more than all others
    const total = [...weights.values()].reduce((x, y) => x + y, 0);
    const [top, w] = [...weights.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]!;
    if (w / total < p.dominance || w < p.minDominantWeight) continue;
    const e = g.cands.find((c) => find(c.a) === top)!;
    const share = Math.round((100 * w) / total);
    union({ ...e, score: Math.min(e.score, p.dominantScore), detail: `${e.detail}; ${weights.size} actors go by this name, this one in ${share}% of the uses` });
  }

  const rootOf = Array.from({ length: n }, (_, i) => find(i));
  const tree = new Map<number, Edge[]>();
  for (let i = 0; i < n; i++) if (rootOf[i] === i) tree.set(i, edges[i]!);
  return { rootOf, tree };
}
