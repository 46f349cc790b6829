import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ECB+ documents as articles for story clustering: text rebuilt from the tokens (the URL sentence of
 * ecbplus documents left out: it is metadata, not text), gold story = topic + subtopic (SOURCE.md).
 */
export interface EcbDocument {
  readonly name: string;
  readonly topic: number;
  readonly gold: string;
  readonly text: string;
}

const NO_SPACE_BEFORE = /^([.,;:!?)\]}%]|'s|'S|n't|'re|'ve|'ll|'d|'m|''|’s)$/;
const NO_SPACE_AFTER = /^([([{$]|``)$/;

/** Tokens back to readable text: no space before closing punctuation and clitics, one line per sentence. */
export function detokenize(sentences: readonly (readonly string[])[]): string {
  return sentences
    .map((tokens) => {
      let out = '';
      let prev = '';
      for (const raw of tokens) {
        const t = raw === '``' || raw === "''" ? '"' : raw;
        if (out && !NO_SPACE_BEFORE.test(raw) && !NO_SPACE_AFTER.test(prev)) out += ' ';
        out += t;
        prev = raw;
      }
      return out;
    })
    .join('\n');
}

const TOKEN = /<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g;

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function loadEcb(benchDir: string, topics: (t: number) => boolean): EcbDocument[] {
  const dir = join(benchDir, 'ecbplus');
  const rows = readFileSync(join(dir, 'index.tsv'), 'utf8').trim().split('\n').slice(1);
  const docs: EcbDocument[] = [];
  for (const row of rows) {
    const [name, , topicStr, subtopic, cluster] = row.split('\t');
    const topic = Number(topicStr);
    if (!name || !cluster || !topics(topic)) continue;
    const xml = readFileSync(join(dir, 'ECB+', String(topic), name), 'utf8');
    const sentences: string[][] = [];
    for (const m of xml.matchAll(TOKEN)) {
      const s = Number(m[1]);
      if (subtopic === 'ecbplus' && s === 0) continue;
      (sentences[s] ??= []).push(unescapeXml(m[2]!));
    }
    docs.push({ name, topic, gold: cluster, text: detokenize(sentences.filter((s) => s && s.length > 0)) });
  }
  return docs;
}
