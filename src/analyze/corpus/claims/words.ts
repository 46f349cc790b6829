/*
 * Normal forms used as grouping keys: counted nouns (singular, lower case, by generic English morphology)
 * and names (case, diacritics, punctuation, a leading "the" and a possessive ignored).
 */

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  people: 'person', men: 'man', women: 'woman', children: 'child', persons: 'person', mice: 'mouse', feet: 'foot', teeth: 'tooth',
};
const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = { person: 'people', man: 'men', woman: 'women', child: 'children', mouse: 'mice', foot: 'feet', tooth: 'teeth' };

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** A counted noun's lemma as a key: lower case, singular ("members" -> "member", "casualties" -> "casualty"). */
export function countedKey(lemma: string | null | undefined): string | null {
  if (!lemma) return null;
  const words = fold(lemma).replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const last = words.length - 1;
  words[last] = singular(words[last]!);
  return words.join(' ');
}

/** Collective and uncountable nouns: one form for one and many ("police", "staff"), never given an -s. */
const INVARIANT = new Set(['police', 'staff', 'personnel', 'clergy', 'cattle', 'livestock', 'sheep', 'fish', 'deer', 'aircraft', 'series', 'species', 'news', 'data', 'media', 'equipment', 'crossroads', 'headquarters']);

export function singular(w: string): string {
  const irregular = IRREGULAR_PLURALS[w];
  if (irregular) return irregular;
  if (INVARIANT.has(w)) return w;
  if (w.length <= 3 || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

export function plural(w: string): string {
  const irregular = IRREGULAR_SINGULARS[w];
  if (irregular) return irregular;
  if (INVARIANT.has(w)) return w;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** A name as a key: "The Foo-Bar Organization's" -> "foo bar organization". */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Words of a statement's content, normalised (quotes, case, diacritics, punctuation ignored). */
export function contentWords(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.map((w) => w.replace(/’/g, "'")) ?? [];
}
