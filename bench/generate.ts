import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deterministic synthetic news for benchmarks: invented names, places and events, news-like sentences
 * (quotes, numbers, dates), as plain text in the copy-paste style and as full HTML pages with navigation,
 * share bars and footers around the article. Nothing here is a real story.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Aren', 'Belka', 'Corin', 'Dalia', 'Edrin', 'Fenna', 'Goran', 'Hesta', 'Ilan', 'Jorna', 'Kaspar', 'Lenia', 'Maro', 'Nadia', 'Oskar', 'Pella'];
const LAST = ['Varga', 'Morrow', 'Talis', 'Okonde', 'Rasku', 'Delmar', 'Ferant', 'Quill', 'Sorvik', 'Bastin', 'Hollen', 'Irmak'];
const PLACES = ['Norvale', 'Eastmarch', 'Port Selby', 'Kirovan', 'Dunmere', 'Ashgrove', 'Velmont', 'Tarrow'];
const ORGS = ['the Harbour Workers Union', 'the National Grain Board', 'the Coastal Defence League', 'the Reform Party', 'the Civic Forum', 'the Miners Alliance'];
const ROLES = ['interior minister', 'union leader', 'mayor', 'police spokesman', 'opposition leader', 'port director'];
const VERBS = ['said', 'told reporters', 'warned', 'claimed', 'added', 'stressed'];
const NOUNS = ['protesters', 'workers', 'members', 'residents', 'officers', 'ships', 'containers'];
const EVENTS = ['strike', 'protest', 'inquiry', 'election', 'flood', 'trial', 'merger'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface GeneratedArticle {
  title: string;
  outlet: string;
  published: string;
  paragraphs: string[];
}

export function generateArticle(i: number, paragraphs = 8): GeneratedArticle {
  const r = rng(i * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const place = pick(PLACES);
  const event = pick(EVENTS);
  const year = 2015 + Math.floor(r() * 10);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const paras: string[] = [];
  paras.push(`${place.toUpperCase()} -- ${person()}, the ${pick(ROLES)}, ${pick(VERBS)} on ${pick(DAYS)} that the ${event} in ${place} would continue, as ${pick(ORGS)} called for talks.`);
  for (let p = 1; p < paragraphs; p++) {
    const n = Math.floor(r() * 5000);
    const s = [
      `More than ${n.toLocaleString('en-US')} ${pick(NOUNS)} joined the ${event} ${r() < 0.5 ? 'last week' : `in ${MONTHS[month]} ${year}`}, according to ${pick(ORGS)}.`,
      `"We will not accept this," ${person()} ${pick(VERBS)}, adding that the ${pick(ROLES)} had ignored ${Math.floor(r() * 40)} letters since ${year - 3}.`,
      `The ${pick(ROLES)} ${pick(VERBS)} that about ${Math.floor(r() * 90)} percent of the $${Math.floor(r() * 50)} million budget had been spent by ${MONTHS[(month + 3) % 12]} ${day}.`,
      `Officials in ${pick(PLACES)} ${pick(VERBS)} a week later that ${pick(ORGS)} had met ${person()} twice, on ${DAYS[p % 7]} and again ${Math.floor(r() * 9) + 2} days after the first meeting.`,
    ];
    paras.push(s.slice(0, 2 + Math.floor(r() * 3)).join(' '));
  }
  return {
    title: `${place} ${event}: ${pick(ORGS).replace(/^the /, '')} ${pick(['calls for talks', 'rejects offer', 'warns of escalation', 'meets ministers'])}`,
    outlet: `${pick(['daily', 'courier', 'herald', 'wire', 'observer'])}-${i % 50}.example`,
    published: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`,
    paragraphs: paras,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toText(a: GeneratedArticle): string {
  return `${a.outlet}\n\nPublished: ${a.published.replace('T', ' ')}\n\n${a.title}\n\n${a.paragraphs.join('\n\n')}\n\nRelated posts\n\nAnother headline\n`;
}

export function toHtml(a: GeneratedArticle): string {
  const nav = ['Home', 'World', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion'].map((x) => `<li><a href="/${x.toLowerCase()}">${x}</a></li>`).join('');
  const related = Array.from({ length: 6 }, (_, k) => `<li><a href="/story/${k}">Related story number ${k} about something else</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | ${a.outlet}</title>
<meta property="og:site_name" content="${a.outlet}"><meta property="og:title" content="${esc(a.title)}">
<meta property="article:published_time" content="${a.published}:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(a.title)},"datePublished":"${a.published}:00Z"}</script>
<link rel="stylesheet" href="/site.css"><script src="/analytics.js"></script></head>
<body><header><div class="logo">${a.outlet}</div><nav><ul>${nav}</ul></nav><form class="search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>${esc(a.title)}</h1><div class="byline">By Staff Reporter</div><div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside><h2>Most read</h2><ul>${related}</ul></aside></main>
<footer><p>&copy; ${a.outlet}. All rights reserved.</p><ul><li><a href="/about">About</a></li><li><a href="/contact">Contact</a></li></ul></footer></body></html>`;
}

/** Write n articles, half HTML and half text, into `dir`; returns the file paths. */
export function writeCorpus(dir: string, n: number): { html: string[]; text: string[] } {
  mkdirSync(dir, { recursive: true });
  const html: string[] = [];
  const text: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = generateArticle(i);
    if (i % 2 === 0) {
      const p = join(dir, `a${String(i).padStart(6, '0')}.html`);
      writeFileSync(p, toHtml(a));
      html.push(p);
    } else {
      const p = join(dir, `a${String(i).padStart(6, '0')}.txt`);
      writeFileSync(p, toText(a));
      text.push(p);
    }
  }
  return { html, text };
}
