/*
 * Content words of an article for story similarity: lowercased, English stop words dropped, English words
 * reduced to a light lemma (plurals, -ed, -ing) so that "killed", "kills" and "killing" meet. Other
 * languages keep their lowercased words: their frequent function words get a near-zero IDF from the corpus.
 */

const STOP = new Set(
  (
    'a about above after again against all almost also although am among an and another any are around as at be because been before ' +
    'being below between both but by can could did do does doing down during each either else even ever every few for from further ' +
    'had has have having he her here hers herself him himself his how however i if in into is it its itself just last least less ' +
    'like made make many may me might more most much must my myself near neither no nor not now of off often on once one only or ' +
    'other others our ours ourselves out over own per perhaps rather said same say says she should since so some such than that the ' +
    'their theirs them themselves then there these they this those though through thus to too toward under until up upon us very via ' +
    'was we were what when where whether which while who whom whose why will with within without would yet you your yours ' +
    'mr mrs ms dr according told tell new news reported report reports week year years day days time monday tuesday wednesday thursday ' +
    'friday saturday sunday today yesterday tomorrow two three four five six seven eight nine ten first second people percent ' +
    'we’re it’s don’t can’t won’t isn’t didn’t i’m he’s she’s that’s'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** A light English lemma: possessive, plural, -ed and -ing removed when the rest is still a word-like stem. */
export function lemma(word: string): string {
  let w = word.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  else if (w.length > 6 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz|ff)$/.test(w) ? w.slice(0, -1) : w;
}

/** Content-word counts of a text. `english` turns on stop words and lemmas. */
export function contentTerms(text: string, english: boolean, into: Map<string, number> = new Map(), weight = 1, bigrams = false): Map<string, number> {
  let prev: string | null = null;
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].toLowerCase().replace(/\.$/, '');
    const t = raw.length < 2 || STOP.has(raw) ? '' : english ? lemma(raw) : raw;
    if (t.length < 2 || STOP.has(t) || (/^[\d.,-]+$/.test(raw) && raw.replace(/\D/g, '').length < 3)) {
      prev = null; // small numbers and stop words say little, and break phrases
      continue;
    }
    into.set(t, (into.get(t) ?? 0) + weight);
    // Adjacent content words ("gulf aden" is not, "ins mysore" is): specific phrases tell two similar events apart.
    if (bigrams && prev !== null && /^[\s-]*$/.test(text.slice(prevEnd, m.index))) {
      const b = `${prev} ${t}`;
      into.set(b, (into.get(b) ?? 0) + weight);
    }
    prev = t;
    prevEnd = m.index + m[0].length;
  }
  return into;
}
