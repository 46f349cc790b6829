import type { Triangulate } from '../../src/service.js';

/*
 * Scores the cross-article results of a Triangulate database against an analyst's expected.json (the seeds'
 * or the example corpus's): stories, alias groups, copied passages, claim groups with their conflict flags,
 * and timeline entries. Documents are named by file (and '#item-N' / '#line-N' / '#record-N' for parts).
 */

export interface Score {
  readonly found: number;
  readonly of: number;
  readonly misses: readonly string[];
}

export type CorpusScores = Record<string, Score>;

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const words = (s: string) => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Share of the words of `expected` found in `got` (as multisets; order free). */
function coverage(expected: string, got: string): number {
  const have = new Map<string, number>();
  for (const w of words(got)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = words(expected);
  let hit = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hit++;
      have.set(w, n - 1);
    }
  }
  return want.length === 0 ? 0 : hit / want.length;
}

function score(results: readonly (string | null)[]): Score {
  return { found: results.filter((r) => r === null).length, of: results.length, misses: results.filter((r): r is string => r !== null) };
}

interface Expected {
  stories?: { must_link?: [string, string][]; cannot_link?: [string, string][]; should_link?: [string, string][] };
  entities?: { must?: { name: string; type: string; aliases?: string[] }[] };
  reuse?: { must?: { docs: [string, string]; a: string; b: string }[] };
  quantities?: { groups?: { measure: string; level: string; conflict?: boolean; claims: { doc: string; text: string }[] }[] };
  timeline?: { must?: { event: string; date: string; docs: string[] }[] };
}

/** Does TimeML value `got` fit `want` ('2022-05/2022-06' intervals; '2016' contains '2016-12' but we want the value itself)? */
function dateFits(want: string, got: string): boolean {
  if (want.includes('/')) {
    const [from, to] = want.split('/') as [string, string];
    return got.slice(0, from.length) >= from && got.slice(0, to.length) <= to;
  }
  return got === want;
}

export async function scoreCorpus(service: Triangulate, expected: Expected, docOf: (articleId: string) => string | null): Promise<CorpusScores> {
  const articles = (await service.articles({ limit: 500 })).items;
  const idOf = new Map<string, string>();
  for (const a of articles) {
    const doc = docOf(a.id);
    if (doc) idOf.set(doc, a.id);
  }
  const stories = (await service.stories({ limit: 500 })).items;
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) storyOf.set(a, s.id);
  const same = ([x, y]: [string, string]) => {
    const a = idOf.get(x);
    const b = idOf.get(y);
    return a !== undefined && b !== undefined && storyOf.get(a) === storyOf.get(b);
  };
  const out: CorpusScores = {};
  const st = expected.stories ?? {};
  out['stories must_link'] = score((st.must_link ?? []).map((p) => (same(p) ? null : p.join(' + '))));
  out['stories cannot_link'] = score((st.cannot_link ?? []).map((p) => (!same(p) ? null : p.join(' / '))));
  out['stories should_link'] = score((st.should_link ?? []).map((p) => (same(p) ? null : p.join(' + '))));

  const actors = (await service.actors({ limit: 1000 })).items;
  const actorOfName = new Map<string, Set<string>>();
  for (const a of actors) for (const n of a.names) (actorOfName.get(norm(n.name)) ?? actorOfName.set(norm(n.name), new Set()).get(norm(n.name))!).add(a.id);
  const used = new Map<string, string>();
  out['aliases must'] = score(
    (expected.entities?.must ?? []).map((e) => {
      const names = [e.name, ...(e.aliases ?? [])].map(norm).filter((n) => actorOfName.has(n));
      if (names.length === 0) return `${e.name}: no name found`;
      const ids = new Set(names.flatMap((n) => [...actorOfName.get(n)!]));
      if (ids.size !== 1) return `${e.name}: ${ids.size} actors`;
      const id = [...ids][0]!;
      const other = used.get(id);
      used.set(id, e.name);
      return other ? `${e.name}: shares ${id} with ${other}` : null;
    }),
  );

  const pairs = (await service.reuse({ limit: 500 })).items;
  out['reuse must'] = score(
    (expected.reuse?.must ?? []).map((r) => {
      const [x, y] = r.docs.map((d) => idOf.get(d));
      const hit = pairs.some((p) => {
        const sides = p.a.articleId === x && p.b.articleId === y ? [p.a, p.b] : p.a.articleId === y && p.b.articleId === x ? [p.b, p.a] : null;
        return sides !== null && coverage(r.a, sides[0]!.text) >= 0.8 && coverage(r.b, sides[1]!.text) >= 0.8;
      });
      return hit ? null : `${r.docs.join(' ~ ')}: ${r.a.slice(0, 50)}…`;
    }),
  );

  const claimGroups = (await service.claims({ limit: 500 })).items;
  for (const level of ['must', 'should']) {
    out[`claims ${level}`] = score(
      (expected.quantities?.groups ?? [])
        // 'single claims' lists claims that no other article repeats: not a group to form.
        .filter((g) => g.level === level && !/^single claims?$/i.test(g.measure))
        .map((g) => {
          // The group holding most of the expected claims must hold at least two of them, from two articles.
          let best: { n: number; docs: number; conflict: boolean } = { n: 0, docs: 0, conflict: false };
          for (const cg of claimGroups) {
            const matched = g.claims.filter((c) => cg.claims.some((q) => q.source.articleId === idOf.get(c.doc) && coverage(q.source.text, c.text) >= 0.6 && coverage(c.text, q.source.text) >= 0.3));
            const docs = new Set(matched.map((c) => c.doc)).size;
            if (matched.length > best.n) best = { n: matched.length, docs, conflict: cg.conflict };
          }
          if (best.n < 2 || best.docs < 2) return `${g.measure}: ${best.n} of ${g.claims.length} claims together`;
          if (g.conflict !== undefined && best.conflict !== g.conflict) return `${g.measure}: conflict ${best.conflict}, expected ${g.conflict}`;
          return null;
        }),
    );
  }

  const timeline = (await service.timeline({ limit: 500 })).items;
  out['timeline must'] = score(
    (expected.timeline?.must ?? []).map((t) => {
      const want = t.docs.map((d) => idOf.get(d)).filter((x): x is string => x !== undefined);
      const hit = timeline.some((e) => {
        const docs = new Set(e.sources.map((s) => s.source.articleId));
        const value = e.sources.some((s) => dateFits(t.date, s.value)) || dateFits(t.date, e.date);
        return value && want.filter((d) => docs.has(d)).length >= Math.min(2, want.length);
      });
      return hit ? null : `${t.date} ${t.event}`;
    }),
  );
  return out;
}

export function scoreTable(name: string, scores: CorpusScores): string {
  const lines = Object.entries(scores).map(([k, s]) => `  ${k.padEnd(22)} ${String(s.found).padStart(3)} / ${String(s.of).padEnd(3)} ${s.misses.length ? `missing: ${s.misses.join('; ')}` : ''}`);
  return `${name}\n${lines.join('\n')}`;
}
