import type { Actor, ActorName, AliasDecision, MergeEvidence, NameKey } from '../../../domain/corpus.js';
import type { EntityType } from '../../../domain/findings.js';
import { type Edge, type Evidence, gatherEvidence } from './evidence.js';
import { isAcronymShape, nameKey, slug, surfaceOf } from './names.js';
import { ALIAS_DEFAULTS, type AliasParams } from './params.js';
import { type Constraints, resolve } from './resolve.js';
import { type AliasArticleInput, type AliasState, addArticle, emptyState, reviveState } from './state.js';

export { ALIAS_DEFAULTS, type AliasParams } from './params.js';
export type { AliasArticleInput } from './state.js';

/*
 * The aliases stage: merges the entity mentions of all articles into actors. Each article adds compact
 * per-name statistics (add); actors() gathers the evidence between names from those statistics alone,
 * applies analysts' decisions and resolves the names into actors with a union-find under cannot-link
 * constraints. The result depends on the set of articles and decisions, not on the order of add().
 *
 * Evidence, strongest first (scores in params.ts): analysts' merges; same name after normalisation;
 * aliases an article defines (acronym, "known as", adjacent "A (B)"); short forms an article links;
 * an acronym whose letters spell exactly one long form; a lone surname of exactly one person; spelling and
 * transliteration variants. Shared context only strengthens the weak kinds.
 */

const STATE_VERSION = 1;

export class AliasIndex {
  readonly params: AliasParams;
  private state: AliasState;
  private lookup = new Map<string, string>();
  private aliasLookup = new Map<string, Set<string>>();
  /** Actor ids by the normalised key of their own names, built on the first actorOf that needs it. */
  private keyLookup: Map<string, Set<string>> | null = null;

  constructor(params: Partial<AliasParams> = {}) {
    this.params = { ...ALIAS_DEFAULTS, ...params };
    this.state = emptyState();
  }

  /** Adds (or replaces) one article: only its own mentions are read. */
  add(article: AliasArticleInput): void {
    addArticle(this.state, article);
  }

  get articleCount(): number {
    return Object.keys(this.state.articles).length;
  }

  /** Actors of the corpus with the decisions applied; sorted by mentions (desc), then name. */
  actors(decisions: readonly AliasDecision[] = []): Actor[] {
    const ev = gatherEvidence(this.state, this.params);
    const { constraints, touched, splits } = constraintsOf(ev, decisions);
    const res = resolve(ev, constraints, this.params);
    const clusters = new Map<number, number[]>();
    res.rootOf.forEach((r, i) => pushTo(clusters, r, i));
    // An alias an article linked to a name that an analyst split from it moves to the actor of that alias's own name.
    const moved = new Map<number, { alias: string; counts: Record<string, number> }[]>();
    const skip = new Set<string>();
    for (const [x, y] of splits) {
      for (const [owner, other] of [[x, y], [y, x]] as const) {
        const ownerNode = ev.nodes[owner]!;
        const otherNode = ev.nodes[other]!;
        for (const [alias, a] of Object.entries(this.state.names[ownerNode.name]?.aliases ?? {})) {
          if (nameKey(alias) !== otherNode.key || res.rootOf[owner] === res.rootOf[other]) continue;
          const to = res.rootOf[other]!;
          if (skip.has(`${owner}\u0000${alias}`)) continue;
          skip.add(`${owner}\u0000${alias}`);
          pushTo(moved, to, { alias, counts: a.articles });
        }
      }
    }
    // evidence inside each actor (beyond its spanning tree), grouped once
    const inside = new Map<number, Edge[]>();
    for (const e of [...ev.pairs, ...ev.groups.flatMap((g) => g.candidates), ...ev.support]) {
      const r = res.rootOf[e.a];
      if (r !== undefined && r === res.rootOf[e.b]) pushTo(inside, r, e);
    }
    const built = [...clusters.entries()].map(([root, ids]) => this.build(ev, ids, res.tree.get(root) ?? [], inside.get(root) ?? [], touched, skip, moved.get(root) ?? []));
    built.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.type < b.type ? -1 : 1));
    // ids: the slug of the canonical name; a second actor with the same slug and type gets a numeric suffix
    const used = new Set<string>();
    const out = built.map((a) => {
      let id = `actor:${a.type.toLowerCase()}:${slug(a.name)}`;
      for (let k = 2; used.has(id); k++) id = `actor:${a.type.toLowerCase()}:${slug(a.name)}-${k}`;
      used.add(id);
      return { ...a, id };
    });
    this.lookup.clear();
    this.keyLookup = null;
    this.aliasLookup.clear();
    for (const a of out) {
      for (const n of a.ownNames) this.lookup.set(n, a.id);
      for (const n of a.names) {
        const s = this.aliasLookup.get(n.name) ?? new Set<string>();
        s.add(a.id);
        this.aliasLookup.set(n.name, s);
      }
    }
    return out.map(({ ownNames: _, ...a }) => a);
  }

  /** The actor id of a name (as of the last actors() call); null when unknown or shared by several actors. */
  actorOf(name: string, type: EntityType): string | null {
    const s = surfaceOf(name);
    const own = this.lookup.get(s);
    if (own) return own;
    // an alias some articles give to several actors: the one of the asked type, if only one is
    const ids = [...(this.aliasLookup.get(s) ?? [])];
    if (ids.length === 1) return ids[0] ?? null;
    const typed = ids.filter((id) => id.startsWith(`actor:${type.toLowerCase()}:`));
    if (typed.length === 1) return typed[0] ?? null;
    const k = nameKey(s);
    if (!this.keyLookup) {
      this.keyLookup = new Map();
      for (const [n, id] of this.lookup) {
        const key = nameKey(n);
        const ids = this.keyLookup.get(key) ?? new Set<string>();
        ids.add(id);
        this.keyLookup.set(key, ids);
      }
    }
    const byKey = this.keyLookup.get(k) ?? new Set<string>();
    return byKey.size === 1 ? ([...byKey][0] ?? null) : null;
  }

  /** The whole state as plain JSON. */
  rows(): unknown {
    return { version: STATE_VERSION, params: { ...this.params }, state: reviveState(this.state) };
  }

  static fromRows(rows: unknown): AliasIndex {
    const r = rows as { version?: number; params?: Partial<AliasParams>; state?: AliasState } | null;
    if (!r || r.version !== STATE_VERSION || !r.state) throw new Error('aliases: unknown state format');
    const index = new AliasIndex(r.params ?? {});
    index.state = reviveState(r.state);
    return index;
  }

  private build(
    ev: Evidence,
    ids: readonly number[],
    tree: readonly Edge[],
    internal: readonly Edge[],
    touched: ReadonlySet<number>,
    skip: ReadonlySet<string>,
    moved: readonly { alias: string; counts: Record<string, number> }[],
  ): Omit<Actor, 'id'> & { ownNames: string[] } {
    const names = new Map<string, { mentions: number; articles: Set<string> }>();
    const perArticle = new Map<string, number>();
    const votes = new Map<EntityType, number>();
    const ownNames: string[] = [];
    const addName = (name: string, counts: Record<string, number>): void => {
      const e = names.get(name) ?? { mentions: 0, articles: new Set<string>() };
      for (const [id, c] of Object.entries(counts)) {
        e.mentions += c;
        e.articles.add(id);
        perArticle.set(id, (perArticle.get(id) ?? 0) + c);
      }
      names.set(name, e);
    };
    for (const i of ids) {
      const node = ev.nodes[i]!;
      const s = this.state.names[node.name]!;
      ownNames.push(node.name);
      addName(node.name, s.articles);
      for (const [alias, a] of Object.entries(s.aliases)) if (!skip.has(`${i}\u0000${alias}`)) addName(alias, a.articles);
      for (const [id, c] of Object.entries(s.described)) perArticle.set(id, (perArticle.get(id) ?? 0) + c);
      const total = Object.values(s.articles).reduce((x, y) => x + y, 0) + Object.values(s.aliases).reduce((x, a) => x + Object.values(a.articles).reduce((u, v) => u + v, 0), 0);
      votes.set(node.type, (votes.get(node.type) ?? 0) + Math.max(1, total));
    }
    for (const m of moved) addName(m.alias, m.counts);
    const own = new Set(ownNames);
    const list: ActorName[] = [...names.entries()]
      .map(([name, e]) => ({ name, mentions: e.mentions, articles: e.articles.size }))
      .filter((n) => n.mentions > 0 || own.has(n.name))
      .sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || (a.name < b.name ? -1 : 1));
    const type = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'MISC';
    const canonical = canonicalName(list);
    const toEvidence = (e: Edge): MergeEvidence => ({ kind: e.kind, names: [ev.nodes[e.a]!.name, ev.nodes[e.b]!.name], detail: e.detail, sources: e.sources, score: e.score });
    const sig = (e: Edge): string => `${e.kind} ${Math.min(e.a, e.b)} ${Math.max(e.a, e.b)}`;
    const seen = new Set(tree.map(sig));
    const others = internal
      .filter((e) => !seen.has(sig(e)) && (seen.add(sig(e)), true))
      .sort((a, b) => b.score - a.score || a.a - b.a || a.b - b.b);
    const treeSorted = [...tree].sort((a, b) => b.score - a.score || a.a - b.a || a.b - b.b);
    const evidence = [...treeSorted, ...others].slice(0, Math.max(this.params.maxEvidence, tree.length)).map(toEvidence);
    const confidence = tree.length === 0 ? 1 : Math.min(...tree.map((e) => e.score));
    return {
      name: canonical,
      type,
      names: list,
      evidence,
      confidence,
      mentions: [...perArticle.values()].reduce((x, y) => x + y, 0),
      articles: [...perArticle.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([articleId, mentions]) => ({ articleId, mentions })),
      decided: ids.some((i) => touched.has(i)),
      ownNames: ownNames.sort(),
    };
  }
}

/** The most mentioned multi-word full form; an acronym or a lone word only when there is nothing else. */
function canonicalName(list: readonly ActorName[]): string {
  const multi = list.find((n) => !isAcronymShape(n.name) && nameKey(n.name).includes(' '));
  const word = list.find((n) => !isAcronymShape(n.name));
  return (multi ?? word ?? list[0])?.name ?? '';
}

/** Decisions -> must-links and cannot-links between nodes; the latest decision about a pair wins. */
function constraintsOf(ev: Evidence, decisions: readonly AliasDecision[]): { constraints: Constraints; touched: Set<number>; splits: [number, number][] } {
  const nodesOf = (k: NameKey): number[] => {
    const s = surfaceOf(k.name);
    const exact = ev.nodes.filter((n) => n.name === s);
    if (exact.length > 0) return exact.map((n) => n.i);
    const key = nameKey(s);
    return ev.nodes.filter((n) => n.key === key).map((n) => n.i);
  };
  const latest = new Map<string, AliasDecision>();
  for (const d of [...decisions].sort((a, b) => a.id - b.id)) {
    const pair = [`${surfaceOf(d.a.name)}\u0000${d.a.type}`, `${surfaceOf(d.b.name)}\u0000${d.b.type}`].sort().join('\u0001');
    latest.set(pair, d);
  }
  const musts: Edge[] = [];
  const cannots: [number, number][] = [];
  const touched = new Set<number>();
  for (const d of [...latest.values()].sort((a, b) => a.id - b.id)) {
    const as = nodesOf(d.a);
    const bs = nodesOf(d.b);
    if (as.length === 0 || bs.length === 0) continue;
    for (const i of [...as, ...bs]) touched.add(i);
    for (const a of as) {
      for (const b of bs) {
        if (d.action === 'split') cannots.push([a, b]);
        else musts.push({ kind: 'user', a, b, score: 1, detail: `an analyst ${d.action === 'merge' ? 'merged' : 'confirmed'} ${`'${d.a.name}'`} and ${`'${d.b.name}'`}${d.note ? `: ${d.note}` : ''} (${d.at})`, sources: [] });
      }
    }
    if (d.action !== 'split') for (let x = 1; x < as.length; x++) musts.push({ kind: 'user', a: as[0]!, b: as[x]!, score: 1, detail: 'same name as a decided one', sources: [] });
  }
  return { constraints: { musts, cannots }, touched, splits: cannots };
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
