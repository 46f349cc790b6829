import type { ArticleSummary } from '../domain/article.js';
import type { Actor, ClaimGroup, LabelRow, QuoteGroup, QuotedStatement, SourceRef, StorySummary, TimelineEntry } from '../domain/corpus.js';
import type { ReusePair } from '../analyze/corpus/reuse/types.js';
import type { StoryExplanation } from '../analyze/corpus/stories/explain.js';
import { REPORT_CSS } from './style.js';

/*
 * The corpus report: one self-contained HTML file (inline CSS, no script, no external request; a CSP meta
 * tag forbids anything else). Every piece of article text goes through `esc`. Every finding shows where it
 * is: outlet, article id and character span, so a reader can find it with `triangulate show ID`.
 */

export interface ReportStory {
  readonly summary: StorySummary;
  readonly explanation: StoryExplanation | null;
  readonly articles: readonly ArticleSummary[];
  readonly timeline: readonly TimelineEntry[];
  readonly claims: readonly ClaimGroup[];
  readonly quotes: readonly QuoteGroup[];
  readonly reuse: readonly ReusePair[];
  readonly labels: readonly LabelRow[];
  readonly statements: readonly QuotedStatement[];
}

export interface ReportData {
  readonly generatedAt: string;
  readonly database: string;
  readonly corpus: { readonly articles: number; readonly outlets: number; readonly stories: number; readonly findings: number; readonly actors: number };
  readonly outlets: readonly { readonly name: string | null; readonly articles: number; readonly first: string | null; readonly last: string | null }[];
  readonly stories: readonly ReportStory[];
  readonly storiesOmitted: number;
  readonly timeline: readonly TimelineEntry[];
  readonly timelineOmitted: number;
  readonly actors: readonly Actor[];
  readonly actorsOmitted: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function where(ref: Pick<SourceRef, 'articleId' | 'outlet' | 'span'>): string {
  return `<span class="where" data-article="${esc(ref.articleId)}" data-span="${ref.span.start}-${ref.span.end}">${esc(ref.outlet ?? 'unknown outlet')}, ${esc(ref.articleId)} @${ref.span.start}–${ref.span.end}</span>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], cls = ''): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const anchor = (kind: string, id: string) => `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** One side of an aligned pair, its differing words marked (offsets are article offsets; the passage starts at side.span.start). */
export function alignedSide(pair: ReusePair, side: 'a' | 'b'): string {
  const s = pair[side];
  const out: string[] = [];
  let cursor = s.span.start;
  const slice = (from: number, to: number) => esc(s.text.slice(from - s.span.start, to - s.span.start));
  for (const op of pair.alignment) {
    const span = op[side];
    if (!span) continue;
    if (span.start > cursor) out.push(slice(cursor, span.start));
    const words = slice(span.start, span.end);
    if (op.op === 'same') out.push(words);
    else if (op.op === 'substitute') out.push(`<mark>${words}</mark>`);
    else if (op.op === 'delete') out.push(`<del>${words}</del>`);
    else out.push(`<ins>${words}</ins>`);
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < s.span.end) out.push(slice(cursor, s.span.end));
  return out.join('');
}

function reusePairs(pairs: readonly ReusePair[], outletOf: (id: string) => string | null): string {
  if (pairs.length === 0) return '<p class="none">None found.</p>';
  return pairs
    .map((p) => {
      const head = (side: 'a' | 'b') => {
        const s = p[side];
        const first = p.direction.earlier === s.articleId ? ' <span class="badge first">published first</span>' : '';
        return `<div class="side-head">${where({ articleId: s.articleId, outlet: outletOf(s.articleId), span: s.span })}${first}</div>`;
      };
      const dir = p.direction.earlier === null ? '<span class="badge">order unknown</span>' : '';
      return `<figure class="pair">
<figcaption>${esc(p.kind)}, similarity ${p.similarity.toFixed(2)}, ${p.words.same} words in common ${dir}</figcaption>
<div class="sides"><div>${head('a')}<p>${alignedSide(p, 'a')}</p></div><div>${head('b')}<p>${alignedSide(p, 'b')}</p></div></div>
</figure>`;
    })
    .join('\n');
}

function interval(c: { low: number | null; high: number | null; value: number | null; vague: boolean }): string {
  if (c.low === null && c.high === null) return c.value === null ? '?' : String(c.value);
  return `${c.low ?? '−∞'} … ${c.high ?? '∞'}`;
}

function claimGroups(groups: readonly ClaimGroup[]): string {
  if (groups.length === 0) return '<p class="none">No numbers reported by more than one article.</p>';
  return groups
    .map((g) => {
      const rows = g.claims.map((c) => [
        esc(c.source.outlet),
        `<q>${esc(c.source.text)}</q>`,
        esc(c.approximator),
        esc(interval(c)),
        esc(c.unit),
        esc(c.speaker ?? 'article'),
        where(c.source),
      ]);
      const flag = g.conflict ? '<span class="badge conflict">conflict</span>' : '<span class="badge agree">consistent</span>';
      return `<div class="claim-group${g.conflict ? ' is-conflict' : ''}"><h4>${esc(g.measure)} ${flag}</h4>
<p class="why">Range ${esc(g.spread.low)} to ${esc(g.spread.high)}. ${esc(g.why)}</p>
${table(['outlet', 'wording', 'approximator', 'allows', 'unit', 'according to', 'where'], rows)}</div>`;
    })
    .join('\n');
}

function quoteGroups(groups: readonly QuoteGroup[]): string {
  if (groups.length === 0) return '<p class="none">None.</p>';
  return groups
    .map((g) => {
      const notes = [g.wordingDiffers ? 'wording differs' : 'same wording', g.speakersDiffer ? 'speakers differ' : 'same speaker'];
      const rows = g.statements.map((s) => [esc(s.source.outlet), esc(s.speaker ?? 'unattributed'), esc(s.mode), `<q>${esc(s.content)}</q>`, where(s.source)]);
      return `<div class="quote-group"><h4>${notes.map(esc).join(', ')} <span class="muted">(similarity ${g.similarity.toFixed(2)})</span></h4>${table(['outlet', 'speaker', 'mode', 'content', 'where'], rows)}</div>`;
    })
    .join('\n');
}

function timelineTable(entries: readonly TimelineEntry[]): string {
  const rows = entries.map((e) => [
    `<time>${esc(e.date)}</time>${e.conflict ? ` <span class="badge conflict">dates differ: ${esc(e.dates.join(' / '))}</span>` : ''}`,
    esc(e.event),
    e.sources.map((s) => `${where(s.source)} <span class="muted">${esc(s.value)}</span>`).join('<br>'),
  ]);
  return table(['date', 'event', 'sources'], rows, 'timeline');
}

function labelTable(labels: readonly LabelRow[]): string {
  const groups = new Map<string, { actor: string; label: string; voice: string; outlets: Map<string, number>; example: LabelRow }>();
  for (const l of labels) {
    const voice = l.voice === 'quoted' ? `quoted${l.quotedSpeaker ? ` (${l.quotedSpeaker})` : ''}` : 'own voice';
    const key = `${l.actorId ?? l.actor}\u0000${l.label}\u0000${voice}`;
    const g = groups.get(key) ?? { actor: l.actor, label: l.label, voice, outlets: new Map(), example: l };
    const outlet = l.outlet ?? 'unknown outlet';
    g.outlets.set(outlet, (g.outlets.get(outlet) ?? 0) + 1);
    groups.set(key, g);
  }
  const rows = [...groups.values()]
    .sort((x, y) => x.actor.localeCompare(y.actor) || x.label.localeCompare(y.label))
    .map((g) => [esc(g.actor), esc(g.label), esc(g.voice), [...g.outlets].map(([o, n]) => `${esc(o)} ×${n}`).join(', '), where(g.example.source)]);
  return table(['actor', 'label', 'voice', 'outlets', 'example'], rows);
}

function statementsTable(statements: readonly QuotedStatement[]): string {
  const rows = statements.map((s) => [esc(s.source.outlet), esc(s.speaker ?? 'unattributed'), esc(s.cue ?? ''), esc(s.mode), `<q>${esc(s.content)}</q>`, where(s.source)]);
  return table(['outlet', 'speaker', 'cue', 'mode', 'content', 'where'], rows, 'statements');
}

function explanation(e: StoryExplanation | null): string {
  if (!e) return '';
  const items: string[] = [];
  if (e.actors.length) items.push(`<li>Shared actors: ${e.actors.slice(0, 10).map((a) => `${esc(a.name)} (${a.articles.length})`).join(', ')}</li>`);
  if (e.dates.length) items.push(`<li>Shared dates: ${e.dates.slice(0, 10).map((d) => `${esc(d.value)} (${d.articles.length})`).join(', ')}</li>`);
  if (e.figures?.length) items.push(`<li>Shared figures: ${e.figures.slice(0, 10).map((f) => `${esc(f.figure.replace(':', ' '))} (${f.articles.length})`).join(', ')}</li>`);
  if (e.passages.length) items.push(`<li>Shared passages: ${e.passages.length}, ${e.passages.reduce((n, p) => n + p.words, 0)} words</li>`);
  if (e.terms.length) items.push(`<li>Shared terms: ${e.terms.slice(0, 12).map((t) => esc(t.term)).join(', ')}</li>`);
  return items.length ? `<h3>Why these articles are one story</h3><ul class="why">${items.join('')}</ul>` : '';
}

function story(s: ReportStory): string {
  const outletOf = (id: string) => s.articles.find((a) => a.id === id)?.outlet ?? null;
  const articles = table(
    ['published', 'outlet', 'title', 'article'],
    s.articles.map((a) => [esc(a.published?.value ?? 'undated'), esc(a.outlet ?? 'unknown'), esc(a.title ?? '(untitled)'), `<code>${esc(a.id)}</code>`]),
  );
  const conflicts = s.claims.filter((c) => c.conflict).length;
  return `<section class="story" id="${anchor('story', s.summary.id)}">
<h2>${esc(s.summary.title ?? '(untitled story)')}</h2>
<p class="meta">${s.summary.articles.length} article(s) from ${s.summary.outlets.length} outlet(s), ${esc(s.summary.first ?? 'undated')}${s.summary.last && s.summary.last !== s.summary.first ? ` to ${esc(s.summary.last)}` : ''}; ${conflicts} conflicting number group(s), ${s.reuse.length} copied passage(s). Story <code>${esc(s.summary.id)}</code>.</p>
<h3>Articles</h3>${articles}
${explanation(s.explanation)}
<h3>Timeline</h3>${timelineTable(s.timeline)}
<h3>Numbers</h3>${claimGroups(s.claims)}
<h3>Copied passages</h3>${reusePairs(s.reuse, outletOf)}
<h3>Who said what</h3>${statementsTable(s.statements)}
<h3>Same statement, several reports</h3>${quoteGroups(s.quotes)}
<h3>Labels by outlet</h3>${labelTable(s.labels)}
</section>`;
}

function actorsTable(actors: readonly Actor[]): string {
  const rows = actors.map((a) => [
    `<strong>${esc(a.name)}</strong> <span class="muted">${esc(a.type)}</span>`,
    a.names.map((n) => `${esc(n.name)} (${n.mentions})`).join(', '),
    a.evidence.length ? `<ul class="evidence">${a.evidence.map((e) => `<li>${esc(e.kind)}: ${esc(e.names[0])} = ${esc(e.names[1])}. ${esc(e.detail)}${e.sources[0] ? ` ${where(e.sources[0])}` : ''}</li>`).join('')}</ul>` : '<span class="muted">one name</span>',
    a.confidence.toFixed(2),
    String(a.articles.length),
  ]);
  return table(['actor', 'names (mentions)', 'why merged', 'confidence', 'articles'], rows);
}

function omitted(n: number, what: string, command: string): string {
  return n > 0 ? `<p class="muted">${n} more ${esc(what)} not shown; see <code>${esc(command)}</code>.</p>` : '';
}

export function renderReport(data: ReportData): string {
  const toc = data.stories.map((s) => `<li><a href="#${anchor('story', s.summary.id)}">${esc(s.summary.title ?? s.summary.id)}</a> <span class="muted">(${s.summary.articles.length})</span></li>`).join('\n');
  const outlets = table(
    ['outlet', 'articles', 'first', 'last'],
    data.outlets.map((o) => [esc(o.name ?? 'unknown'), String(o.articles), esc(o.first ?? '-'), esc(o.last ?? '-')]),
  );
  const c = data.corpus;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Triangulate">
<title>Triangulate report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Triangulate report</h1>
<p class="meta">${c.articles} articles from ${c.outlets} outlets, ${c.stories} stories, ${c.actors} actors, ${c.findings} findings. Database <code>${esc(data.database)}</code>, generated ${esc(data.generatedAt)}.</p>
<p class="neutral">This report shows what the sources say and where they say it; it does not say what is true. Each finding names its outlet, article id and character span: <code>triangulate show ARTICLE-ID</code> prints the article.</p>
</header>
<nav aria-label="Contents"><h2>Contents</h2><ol>
<li><a href="#stories">Stories</a><ol>${toc}</ol></li>
<li><a href="#timeline">Corpus timeline</a></li>
<li><a href="#actors">Actors</a></li>
<li><a href="#outlets">Outlets</a></li>
</ol></nav>
<main>
<h1 id="stories">Stories</h1>
${data.stories.map(story).join('\n')}
${omitted(data.storiesOmitted, 'stories', 'triangulate stories')}
<section id="timeline"><h1>Corpus timeline</h1>${timelineTable(data.timeline)}${omitted(data.timelineOmitted, 'timeline entries', 'triangulate timeline')}</section>
<section id="actors"><h1>Actors</h1>${actorsTable(data.actors)}${omitted(data.actorsOmitted, 'actors', 'triangulate actors')}</section>
<section id="outlets"><h1>Outlets</h1>${outlets}</section>
</main>
</body>
</html>
`;
}
