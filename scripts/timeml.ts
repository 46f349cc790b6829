import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A TimeML (.tml) reader for TempEval-3 Task A: the raw text of <TEXT> with tags removed, the document
 * creation time, and the gold TIMEX3 spans (character offsets into the raw text) with type, value and mod.
 */

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod: string | null;
}

export interface TimemlDoc {
  readonly id: string;
  readonly path: string;
  /** Document creation time value ('2013-03-22'). */
  readonly dct: string;
  readonly text: string;
  readonly timexes: readonly GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1] ?? '') : null;
}

export function parseTimeml(xml: string, path = ''): TimemlDoc {
  const id = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? path;
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value') ?? '';
  const bodyStart = xml.indexOf('<TEXT>');
  const bodyEnd = xml.indexOf('</TEXT>');
  const body = bodyStart >= 0 && bodyEnd > bodyStart ? xml.slice(bodyStart + 6, bodyEnd) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; tag: string }[] = [];
  const re = /<[^>]+>|[^<]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const piece = m[0];
    if (!piece.startsWith('<')) {
      text += decodeEntities(piece);
      continue;
    }
    if (/^<TIMEX3\b/.test(piece)) {
      if (piece.endsWith('/>')) continue;
      open.push({ start: text.length, tag: piece });
    } else if (/^<\/TIMEX3>/.test(piece)) {
      const o = open.pop();
      if (!o) continue;
      timexes.push({
        start: o.start,
        end: text.length,
        text: text.slice(o.start, text.length),
        type: attr(o.tag, 'type') ?? 'DATE',
        value: attr(o.tag, 'value') ?? '',
        mod: attr(o.tag, 'mod'),
      });
    }
  }
  return { id, path, dct, text, timexes: timexes.sort((a, b) => a.start - b.start) };
}

/** Every .tml file under `dir`, recursively, sorted by path. */
export function readTimemlDir(dir: string): TimemlDoc[] {
  const out: TimemlDoc[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.tml')) out.push(parseTimeml(readFileSync(p, 'utf8'), p));
    }
  };
  walk(dir);
  return out;
}
