import type { StoredFinding } from '../../../domain/finding.js';
import type { EntityData, EntityType, EntityVia } from '../../../domain/findings.js';
import type { AliasArticleInput } from './state.js';

/**
 * An alias input from marked-up text (tests only): "[[Ana Vell|PER]] met [[Vell|PER|short-form|Ana Vell]]".
 * Fields: surface | type | via (default 'model') | article-level name (default: the surface). The antecedent
 * of a mention whose name differs from its text is the first mention whose text is that name.
 */
export function marked(id: string, markup: string, outlet: string | null = null): AliasArticleInput {
  let text = '';
  const raw: { start: number; end: number; type: EntityType; via: EntityVia; name: string }[] = [];
  const re = /\[\[([^\]|]+)\|(PER|ORG|LOC|MISC)(?:\|([a-z-]+))?(?:\|([^\]]+))?\]\]/g;
  let last = 0;
  for (const m of markup.matchAll(re)) {
    text += markup.slice(last, m.index);
    const start = text.length;
    text += m[1]!;
    raw.push({ start, end: text.length, type: m[2] as EntityType, via: (m[3] ?? 'model') as EntityVia, name: m[4] ?? m[1]! });
    last = (m.index ?? 0) + m[0].length;
  }
  text += markup.slice(last);
  const entities: StoredFinding[] = raw.map((r, n) => {
    const ante = r.name !== text.slice(r.start, r.end) ? raw.find((o) => text.slice(o.start, o.end) === r.name) : undefined;
    const data: EntityData = {
      type: r.type,
      name: r.name,
      antecedent: ante ? { start: ante.start, end: ante.end } : null,
      via: r.via,
      titles: [],
      confidence: 1,
    };
    return { id: `${id}:entities:${n}`, articleId: id, stage: 'entities', stageVersion: 1, kind: 'entity', span: { start: r.start, end: r.end }, text: text.slice(r.start, r.end), rule: `entities/${r.via}`, data };
  });
  return { id, outlet, published: null, text, entities };
}
