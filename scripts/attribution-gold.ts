import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../src/domain/span.js';

/**
 * Reader for PolNeAR (BENCH_DIR/polnear, see its SOURCE.md): articles of one split with the gold attributions
 * of the first annotator listed in metadata.tsv. Offsets in the .ann files are Unicode code points; we convert
 * them to UTF-16 code units so that they index JavaScript strings like every span in Triangulate.
 */

export type PolnearSplit = 'train' | 'dev' | 'test';

/** One role of a gold attribution: its fragments (usually one; a few are discontinuous). */
export interface GoldPart {
  readonly fragments: readonly Span[];
  /** From the first fragment's start to the last fragment's end. */
  readonly hull: Span;
  readonly text: string;
}

export interface GoldAttribution {
  readonly id: string;
  readonly source: GoldPart | null;
  readonly cue: GoldPart | null;
  readonly content: GoldPart | null;
}

export interface PolnearArticle {
  readonly split: PolnearSplit;
  readonly filename: string;
  readonly annotator: string;
  readonly publisher: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

/** Code-point offset -> UTF-16 offset table for one text. */
function codePointToUnit(text: string): (cp: number) => number {
  const table: number[] = [];
  let unit = 0;
  for (const ch of text) {
    table.push(unit);
    unit += ch.length;
  }
  table.push(unit);
  return (cp) => table[Math.min(Math.max(cp, 0), table.length - 1)] ?? unit;
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const toUnit = codePointToUnit(text);
  const spans = new Map<string, GoldPart>();
  const relations: { id: string; roles: Map<string, string> }[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T') && cols[1]) {
      const firstSpace = cols[1].indexOf(' ');
      const ranges = cols[1].slice(firstSpace + 1).split(';');
      const fragments: Span[] = [];
      for (const r of ranges) {
        const [a, b] = r.trim().split(' ').map(Number);
        if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) continue;
        fragments.push({ start: toUnit(a), end: toUnit(b) });
      }
      const first = fragments[0];
      const last = fragments[fragments.length - 1];
      if (!first || !last) continue;
      const hull = { start: first.start, end: last.end };
      spans.set(id, { fragments, hull, text: text.slice(hull.start, hull.end) });
    } else if (id.startsWith('E') && cols[1]) {
      const roles = new Map<string, string>();
      for (const pair of cols[1].trim().split(/\s+/)) {
        const [role, ref] = pair.split(':');
        if (role && ref) roles.set(role, ref);
      }
      relations.push({ id, roles });
    }
  }
  const part = (ref: string | undefined): GoldPart | null => (ref ? (spans.get(ref) ?? null) : null);
  return relations.map(({ id, roles }) => ({
    id,
    source: part(roles.get('Source')),
    cue: part(roles.get('Cue')),
    content: part(roles.get('Content')),
  }));
}

interface MetaRow {
  readonly compartment: string;
  readonly filename: string;
  readonly annotators: readonly string[];
  readonly publisher: string;
}

function readMetadata(dir: string): MetaRow[] {
  const lines = readFileSync(join(dir, 'data', 'metadata.tsv'), 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  const rows: MetaRow[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const c = line.split('\t');
    rows.push({
      compartment: c[col('compartment')] ?? '',
      filename: c[col('filename')] ?? '',
      annotators: (c[col('annotators')] ?? '').split('|').filter(Boolean),
      publisher: c[col('publisher')] ?? '',
    });
  }
  return rows;
}

/** The articles of one split, each with its first listed annotator's attributions. */
export function loadPolnear(dir: string, split: PolnearSplit): PolnearArticle[] {
  const out: PolnearArticle[] = [];
  for (const row of readMetadata(dir)) {
    if (row.compartment !== split) continue;
    const textPath = join(dir, 'data', split, 'text', `${row.filename}.txt`);
    if (!existsSync(textPath)) continue;
    const annotator = row.annotators.find((a) => existsSync(join(dir, 'data', split, 'attributions', `${row.filename}_${a}.ann`)));
    if (!annotator) continue;
    const text = readFileSync(textPath, 'utf8');
    const ann = readFileSync(join(dir, 'data', split, 'attributions', `${row.filename}_${annotator}.ann`), 'utf8');
    out.push({ split, filename: row.filename, annotator, publisher: row.publisher, text, attributions: parseAnn(ann, text) });
  }
  return out;
}
