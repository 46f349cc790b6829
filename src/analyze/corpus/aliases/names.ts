/*
 * Name normalisation for cross-article matching. Only closed word classes appear here (particles of names,
 * generic designators of organisations): never a name.
 */

/** Words of a name that acronyms may spell or skip, and that transliterations add or drop ("-e-", "al-", "of"). */
const PARTICLES = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', '&', 'e', 'i', 'y', 'u', 'o', 'a', 'ye', 'yi', 'al', 'el', 'ul', 'ud', 'ad', 'ed', 'as', 'ash',
  'de', 'del', 'della', 'di', 'da', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'ben', 'und', 'et',
]);

/** Generic words that end organisation names and that acronyms often leave out ("FNL" for "Front for National Liberation Party"). */
const DESIGNATORS = new Set([
  'organization', 'organisation', 'party', 'movement', 'group', 'front', 'association', 'society', 'council', 'union',
  'company', 'corporation', 'corp', 'inc', 'ltd', 'agency', 'committee', 'foundation', 'institute', 'network', 'alliance',
]);

/** The surface form kept for a mention: whitespace collapsed, curly apostrophes straightened. */
export function surfaceOf(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

const stripMarks = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '');

/** Lowercase words without diacritics and punctuation; hyphens and spaces both separate words. */
export function words(name: string): string[] {
  return stripMarks(surfaceOf(name))
    .toLowerCase()
    .replace(/'s$/u, '')
    .replace(/['.]/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length > 0);
}

const keyCache = new Map<string, string>();

/** Same-name key: words joined by one space, a leading "the" dropped ("The U.S." and "US" -> "us"). */
export function nameKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const ws = words(name);
  if (ws.length > 1 && ws[0] === 'the') ws.shift();
  const key = ws.join(' ');
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** Words that carry the name: particles dropped (unless nothing else is left). */
export function contentWords(name: string): string[] {
  const ws = words(name);
  const content = ws.filter((w) => !PARTICLES.has(w));
  return content.length > 0 ? content : ws;
}

/** Words of a state's or place's formal name around its short name ("Republic of X", "City of X"). */
const PLACE_FORMS = new Set([
  'republic', 'kingdom', 'state', 'states', 'federation', 'federal', 'emirate', 'emirates', 'principality', 'commonwealth',
  'democratic', 'peoples', 'people', 'islamic', 'arab', 'socialist', 'united', 'union', 'grand', 'duchy', 'sultanate',
  'city', 'town', 'village', 'county', 'province', 'region', 'district', 'island', 'islands', 'municipality', 'territory',
]);

/** True when `long` is `short` plus only particles and formal place words ("Islamic Republic of X" for "X"). */
export function onlyPlaceForm(short: readonly string[], long: readonly string[]): boolean {
  const rest = [...long];
  for (const w of short) {
    const i = rest.indexOf(w);
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return rest.every((w) => PARTICLES.has(w) || PLACE_FORMS.has(w));
}

/**
 * True when an organisation's short name can stand for its full name across articles: its head ("Colts"
 * for "Indianapolis Colts", not "Twitter" for "Users on Twitter"), or its first words before a designator
 * or legal form ("Kraft" for "Kraft Corp."). A lone designator ("Committee") never does.
 */
export function orgShortForm(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  if (short.length === 1 && (DESIGNATORS.has(short[0] ?? '') || PARTICLES.has(short[0] ?? ''))) return false;
  const off = long.length - short.length;
  if (short.every((w, i) => long[off + i] === w)) return !PARTICLES.has(long[off - 1] ?? '');
  if (short.every((w, i) => long[i] === w)) return long.slice(short.length).every((w) => DESIGNATORS.has(w) || LEGAL_FORMS.has(w));
  return false;
}

/** Legal-form words that may end an organisation's name without changing it ("Foo Corp." = "Foo"). */
const LEGAL_FORMS = new Set(['corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'co', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'spa', 'ab', 'as']);

/** The name key without trailing legal-form words; null when there are none (or nothing else is left). */
export function withoutLegalForm(key: string): string | null {
  const ws = key.split(' ');
  let n = ws.length;
  while (n > 1 && LEGAL_FORMS.has(ws[n - 1] ?? '')) n--;
  return n < ws.length ? ws.slice(0, n).join(' ') : null;
}

/** Acronym shape: one token, 2-10 characters, at least two capitals and no more lowercase letters than capitals. */
export function isAcronymShape(name: string): boolean {
  const s = surfaceOf(name);
  if (s.length < 2 || s.length > 12 || /\s/.test(s) || !/^[\p{L}.&-]+$/u.test(s)) return false;
  const upper = s.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = s.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 2 && lower <= upper;
}

/**
 * True when the acronym's letters are the initials of the long form's words, in order: every word that
 * carries the name is spelled; particles ("of", "-e-", "al-") may be spelled or skipped, and so may a
 * trailing designator ("Organization"). "NVO" and "NEV" both spell "Narodni-e Volna Organization".
 */
export function spells(acronym: string, long: string): boolean {
  const letters = stripMarks(acronym).toLowerCase().replace(/[^\p{L}]/gu, '');
  const ws = words(long);
  if (letters.length < 2 || ws.length < 2) return false;
  const optional = ws.map((w, i) => PARTICLES.has(w) || (i === ws.length - 1 && DESIGNATORS.has(w)));
  if (optional.every((o) => o)) return false;
  // memoised walk over (letter, word) positions
  const seen = new Set<number>();
  const walk = (i: number, j: number): boolean => {
    if (j === ws.length) return i === letters.length;
    const k = i * (ws.length + 1) + j;
    if (seen.has(k)) return false;
    seen.add(k);
    const w = ws[j] ?? '';
    if (i < letters.length && w.charAt(0) === letters.charAt(i) && walk(i + 1, j + 1)) return true;
    return (optional[j] ?? false) && walk(i, j + 1);
  };
  return walk(0, 0);
}

/** Letters an acronym of this long form can start with (the initials up to its first non-particle word). */
export function firstLetters(long: string): string[] {
  const out: string[] = [];
  for (const w of words(long)) {
    out.push(w.charAt(0));
    if (!PARTICLES.has(w)) break;
  }
  return out;
}

/**
 * Transliteration folding of one word: kh -> k, a silent h after a vowel ("John"/"Jon") dropped, ie -> i, vowels in classes (o/u -> u, e/i/y -> i),
 * doubled letters once. "Morvesh" and "Murvesh", "Tomassin" and "Tomasin" fold alike.
 */
export function foldWord(w: string): string {
  const s = w
    .replace(/kh/g, 'k')
    .replace(/([aeiouy])h(?![aeiouy])/g, '$1')
    .replace(/ie/g, 'i')
    .replace(/[ou]/g, 'u')
    .replace(/[eiy]/g, 'i');
  return s.replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance with an early exit above `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Slug for actor ids: lowercase ASCII letters and digits joined by '-'. */
export function slug(name: string): string {
  const s = stripMarks(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length > 0 ? s : 'x';
}
