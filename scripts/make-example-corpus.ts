/**
 * Writes examples/corpus/ortv-ostrevia-concern.warc.gz: a small, valid WARC/1.0 file with one warcinfo, one
 * request and one response record (an HTML news page), one gzip member per record, as web archives store them.
 *
 * The output is deterministic: fixed dates, record ids derived from the record contents, and a fixed OS byte
 * in each gzip header (the compressed bytes depend only on the zlib version bundled with Node).
 *
 * `--check` also reads every article of examples/corpus back as plain text and verifies that every quoted
 * string of examples/expected.json occurs verbatim in the article it is attributed to (whitespace aside).
 *
 *   npx tsx scripts/make-example-corpus.ts          # write the file (and read it back)
 *   npx tsx scripts/make-example-corpus.ts --check  # check the committed WARC is up to date and expected.json matches the corpus
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(HERE, '..', 'examples', 'corpus');
export const WARC_PATH = join(CORPUS, 'ortv-ostrevia-concern.warc.gz');
const EXPECTED_PATH = join(HERE, '..', 'examples', 'expected.json');

const TARGET_URI = 'https://ortv.example/en/world/2025/10/13/ostrevia-concern-talvara-qarnash-designation';
const CAPTURE_DATE = '2025-10-14T06:02:11Z';
const HTTP_DATE = 'Tue, 14 Oct 2025 06:02:11 GMT';

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ostrevia voices concern as Talvara brands Qarnash group terrorist - ORTV News</title>
<meta property="og:site_name" content="ORTV News">
<meta property="og:type" content="article">
<meta property="og:title" content="Ostrevia voices concern as Talvara brands Qarnash group terrorist">
<meta property="article:published_time" content="2025-10-13T20:10:00+02:00">
<meta name="author" content="ORTV World Desk">
<link rel="canonical" href="${TARGET_URI}">
</head>
<body>
<header>
  <a href="/en/" class="logo">ORTV News</a>
  <nav><a href="/en/ostrevia/">Ostrevia</a> <a href="/en/world/">World</a> <a href="/en/business/">Business</a> <a href="/en/sport/">Sport</a> <a href="/en/live/">Watch live</a></nav>
</header>
<main>
<article>
  <h1>Ostrevia voices concern as Talvara brands Qarnash group terrorist</h1>
  <p class="meta">ORTV World Desk | <time datetime="2025-10-13T20:10:00+02:00">13.10.2025, 20:10</time></p>
  <div class="share"><a href="https://facebook.example/sharer?u=ortv">Share</a> <a href="https://x.example/intent/post?url=ortv">Post</a></div>
  <div class="body">
    <p>NORVALE, 13 October (ORTV) - Ostrevia's foreign minister voiced concern on Monday after neighbouring Talvara declared the separatist Qarnash group a terrorist organisation and froze assets worth some 1.6 million US dollars.</p>
    <p>"We respect Talvara's right to protect its citizens, but a ban on an entire movement will not bring calm to Dalsk," Foreign Minister Jonas Trebel said in a post on X.</p>
    <p>Trebel added that Ostrevia would not freeze any bank accounts on its territory without a court order, and that he had asked the Talvaran ambassador for full information on the evidence behind the decision.</p>
    <p>Talvaran officials said the designation was a response to last week's march in Norvale, during which police detained dozens of people and, according to the Talvaran Interior Ministry, eleven officers were injured. The separatist organisation denies any role in violence.</p>
    <p>The Qarnash movement was founded a decade ago as a student campaign for Dalsk-language schools and later called for autonomy for the eastern province. Its leader, Ardash Menevi, has been in custody since August. Talvara's Supreme Court dissolved the QLM in 2019.</p>
    <p>About 30,000 Dalsk speakers live in Ostrevia's border districts, according to the last census, and several Ostrevian charities support Dalsk-language schools on the Talvaran side of the border.</p>
    <p>Relations between the two neighbours have improved in recent years. Trade between them reached 2.1 billion marks last year, and a border crossing at Veska reopened in the spring after a long closure.</p>
    <p>Ostrevian opposition politicians went further than the government. "Our neighbour is criminalising a language community," Greta Ullmer, who chairs the parliament's foreign affairs committee, told ORTV. She called on the government to raise the matter at the next regional summit.</p>
    <p>Talvara's foreign ministry said in a brief statement that the decision was an internal security matter and that it expected its neighbours to respect it.</p>
  </div>
</article>
</main>
<footer><p>&copy; 2025 Ostrevian Radio and Television. ORTV is not responsible for the content of external sites.</p></footer>
</body>
</html>
`;

const REQUEST = [
  'GET /en/world/2025/10/13/ostrevia-concern-talvara-qarnash-designation HTTP/1.1',
  'Host: ortv.example',
  'User-Agent: Mozilla/5.0 (compatible; example-archiver/1.0)',
  'Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
  'Accept-Language: en',
  '',
  '',
].join('\r\n');

function httpResponse(body: Buffer): Buffer {
  const head = [
    'HTTP/1.1 200 OK',
    `Date: ${HTTP_DATE}`,
    'Server: nginx',
    'Content-Type: text/html; charset=utf-8',
    `Content-Length: ${body.length}`,
    'Cache-Control: max-age=300',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function sha1(data: Uint8Array): string {
  return `sha1:${base32(createHash('sha1').update(data).digest())}`;
}

/** A UUID-shaped id derived from the content, so the file is the same on every run. */
function recordId(seed: string, block: Uint8Array): string {
  const h = createHash('sha256').update(seed).update(block).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

interface RecordSpec {
  readonly type: 'warcinfo' | 'request' | 'response';
  readonly contentType: string;
  readonly block: Buffer;
  readonly extra: ReadonlyArray<readonly [string, string]>;
}

function record(spec: RecordSpec, id: string): Buffer {
  const fields: Array<readonly [string, string]> = [
    ['WARC-Type', spec.type],
    ['WARC-Record-ID', id],
    ['WARC-Date', CAPTURE_DATE],
    ...spec.extra,
    ['Content-Type', spec.contentType],
    ['WARC-Block-Digest', sha1(spec.block)],
    ['Content-Length', String(spec.block.length)],
  ];
  const head = `WARC/1.0\r\n${fields.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), spec.block, Buffer.from('\r\n\r\n', 'latin1')]);
}

/** One gzip member; byte 9 (OS) is set to 255 "unknown" so the header does not depend on the platform. */
function member(data: Buffer): Buffer {
  const gz = gzipSync(data, { level: 9 });
  gz[9] = 255;
  return gz;
}

export function buildWarc(): Buffer {
  const filename = 'ortv-ostrevia-concern.warc.gz';
  const info = Buffer.from(
    [
      'software: triangulate scripts/make-example-corpus.ts',
      'format: WARC File Format 1.0',
      'conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/',
      'description: Invented example capture for the Triangulate example corpus (fictional outlet and story).',
      'isPartOf: triangulate-examples',
      '',
      '',
    ].join('\r\n'),
    'utf8',
  );
  const infoId = recordId('warcinfo', info);
  const requestBlock = Buffer.from(REQUEST, 'latin1');
  const requestId = recordId('request', requestBlock);
  const payload = Buffer.from(PAGE, 'utf8');
  const responseBlock = httpResponse(payload);
  const responseId = recordId('response', responseBlock);
  const records = [
    record({ type: 'warcinfo', contentType: 'application/warc-fields', block: info, extra: [['WARC-Filename', filename]] }, infoId),
    record(
      {
        type: 'request',
        contentType: 'application/http; msgtype=request',
        block: requestBlock,
        extra: [
          ['WARC-Target-URI', TARGET_URI],
          ['WARC-Warcinfo-ID', infoId],
          ['WARC-Concurrent-To', responseId],
        ],
      },
      requestId,
    ),
    record(
      {
        type: 'response',
        contentType: 'application/http; msgtype=response',
        block: responseBlock,
        extra: [
          ['WARC-Target-URI', TARGET_URI],
          ['WARC-Warcinfo-ID', infoId],
          ['WARC-IP-Address', '192.0.2.17'],
          ['WARC-Payload-Digest', sha1(payload)],
        ],
      },
      responseId,
    ),
  ];
  return Buffer.concat(records.map(member));
}

/** Reads the file back: every record starts with WARC/1.0 and its Content-Length matches its block. */
export function checkWarc(bytes: Buffer): number {
  const all = gunzipSync(bytes);
  let at = 0;
  let count = 0;
  while (at < all.length) {
    const end = all.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`record ${count + 1}: no end of header`);
    const head = all.subarray(at, end).toString('utf8');
    if (!head.startsWith('WARC/1.0\r\n')) throw new Error(`record ${count + 1}: not WARC/1.0`);
    const length = /\r\nContent-Length: (\d+)/i.exec(head);
    if (!length) throw new Error(`record ${count + 1}: no Content-Length`);
    const blockEnd = end + 4 + Number(length[1]);
    if (all.subarray(blockEnd, blockEnd + 4).toString('latin1') !== '\r\n\r\n') throw new Error(`record ${count + 1}: bad length`);
    at = blockEnd + 4;
    count += 1;
  }
  return count;
}

/** The WARC records of a decompressed file, as raw blocks (record 1 first). */
function warcBlocks(all: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  let at = 0;
  while (at < all.length) {
    const end = all.indexOf('\r\n\r\n', at);
    const length = /\r\nContent-Length: (\d+)/i.exec(all.subarray(at, end).toString('utf8'));
    if (end < 0 || !length) break;
    blocks.push(all.subarray(end + 4, end + 4 + Number(length[1])));
    at = end + 4 + Number(length[1]) + 4;
  }
  return blocks;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', middot: '·', rsaquo: '›' };

/** Markup to plain text, good enough to test that a passage occurs: tags dropped, entities decoded. */
function plain(markup: string): string {
  return markup
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, name: string) => {
      if (name.startsWith('#')) return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? m;
    });
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text of one expected.json document key ('file', 'file#item-2', 'file#line-1', 'file#record-3'). */
function documentText(key: string): string {
  const [file, part] = key.split('#') as [string, string | undefined];
  const path = join(CORPUS, file);
  const n = part ? Number(/\d+$/.exec(part)?.[0]) : 0;
  if (file.endsWith('.txt')) return readFileSync(path, 'utf8');
  if (file.endsWith('.html')) return plain(readFileSync(path, 'utf8'));
  if (file.endsWith('.xml')) {
    const items = readFileSync(path, 'utf8').split('<item>').slice(1);
    const item = items[n - 1] ?? '';
    return plain(`${/<title>([\s\S]*?)<\/title>/.exec(item)?.[1] ?? ''} ${/<!\[CDATA\[([\s\S]*?)\]\]>/.exec(item)?.[1] ?? ''}`);
  }
  if (file.endsWith('.jsonl')) {
    const line = readFileSync(path, 'utf8').split('\n')[n - 1] ?? '{}';
    const rec = JSON.parse(line) as { headline?: string; body?: string };
    return `${rec.headline ?? ''}\n${rec.body ?? ''}`;
  }
  if (file.endsWith('.warc.gz')) {
    const block = warcBlocks(gunzipSync(readFileSync(path)))[n - 1] ?? Buffer.alloc(0);
    return plain(block.subarray(block.indexOf('\r\n\r\n') + 4).toString('utf8'));
  }
  throw new Error(`unknown document ${key}`);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every (document, string) pair expected.json claims, with where in expected.json it comes from. */
function claims(expected: { [k: string]: Json }): Array<{ doc: string | null; text: string; where: string }> {
  const out: Array<{ doc: string | null; text: string; where: string }> = [];
  const walk = (node: Json, where: string): void => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${where}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    const doc = typeof node['doc'] === 'string' ? node['doc'] : null;
    if (doc) {
      for (const field of ['text', 'label'] as const) {
        const v = node[field];
        if (typeof v === 'string') out.push({ doc, text: v, where: `${where}.${field}` });
      }
      const parts = node['parts'];
      if (Array.isArray(parts)) parts.forEach((p, i) => typeof p === 'string' && out.push({ doc, text: p, where: `${where}.parts[${i}]` }));
    }
    const docs = node['docs'];
    if (Array.isArray(docs) && typeof node['a'] === 'string' && typeof node['b'] === 'string') {
      out.push({ doc: String(docs[0]), text: node['a'], where: `${where}.a` }, { doc: String(docs[1]), text: node['b'], where: `${where}.b` });
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'docs') walk(v, `${where}.${k}`);
  };
  walk(expected, '$');
  const labels = expected['labels'] as { [k: string]: Json } | undefined;
  const byDoc = (table: Json, where: string): void => {
    if (!table || typeof table !== 'object' || Array.isArray(table)) return;
    for (const [doc, list] of Object.entries(table)) if (Array.isArray(list)) list.forEach((l) => typeof l === 'string' && out.push({ doc, text: l, where: `${where}.${doc}` }));
  };
  byDoc(labels?.['must'] ?? null, '$.labels.must');
  const others = labels?.['other_actors'];
  if (others && typeof others === 'object' && !Array.isArray(others)) for (const [actor, table] of Object.entries(others)) byDoc(table, `$.labels.other_actors.${actor}`);
  const documents = expected['documents'] as { [k: string]: { [k: string]: Json } } | undefined;
  for (const [doc, d] of Object.entries(documents ?? {})) {
    const dl = d['dateline'];
    if (dl && typeof dl === 'object' && !Array.isArray(dl) && typeof dl['text'] === 'string') out.push({ doc, text: dl['text'], where: `$.documents.${doc}.dateline` });
  }
  const entities = expected['entities'] as { [k: string]: Json } | undefined;
  for (const level of ['must', 'should'] as const) {
    const list = entities?.[level];
    if (!Array.isArray(list)) continue;
    list.forEach((e, i) => {
      if (!e || typeof e !== 'object' || Array.isArray(e)) return;
      const aliases = Array.isArray(e['aliases']) ? e['aliases'] : [e['name']];
      aliases.forEach((a) => typeof a === 'string' && out.push({ doc: null, text: a, where: `$.entities.${level}[${i}] ${String(e['name'])}` }));
    });
  }
  return out;
}

/** Problems found between expected.json and the corpus; empty when everything is found. */
export function checkExpected(): string[] {
  const expected = JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as { [k: string]: Json };
  const texts = new Map<string, string>();
  const documents = expected['documents'];
  if (!documents || typeof documents !== 'object' || Array.isArray(documents)) return ['expected.json has no documents'];
  for (const key of Object.keys(documents)) texts.set(key, squash(documentText(key)));
  const all = [...texts.values()].join('\n');
  const problems: string[] = [];
  const list = claims(expected);
  console.log(`expected.json: ${list.length} strings to find in ${texts.size} documents`);
  for (const c of list) {
    const hay = c.doc === null ? all : texts.get(c.doc);
    if (hay === undefined) problems.push(`${c.where}: unknown document ${c.doc}`);
    else if (!hay.includes(squash(c.text))) problems.push(`${c.where}: not found in ${c.doc ?? 'any document'}: ${JSON.stringify(c.text)}`);
  }
  return problems;
}

function main(): void {
  const warc = buildWarc();
  if (process.argv.includes('--check')) {
    const same = existsSync(WARC_PATH) && Buffer.compare(readFileSync(WARC_PATH), warc) === 0;
    console.log(same ? `${WARC_PATH} is up to date` : `${WARC_PATH} differs from what the script builds`);
    const problems = checkExpected();
    for (const p of problems) console.log(p);
    console.log(`expected.json: ${problems.length} string(s) not found in the corpus`);
    process.exitCode = same && problems.length === 0 ? 0 : 1;
    return;
  }
  writeFileSync(WARC_PATH, warc);
  const records = checkWarc(readFileSync(WARC_PATH));
  console.log(`wrote ${WARC_PATH}: ${warc.length} bytes, ${records} records`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
