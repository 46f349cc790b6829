/*
 * Event terms: lower-cased content words, lightly stemmed ("severed" -> "sever", "attacks" -> "attack"), without
 * stop words, month and weekday names (a date's own words are compared as dates, not as words).
 */

const STOP = new Set(
  `a an the and or but nor of to in on at for with by from over into onto upon after before since as is are was were be been being
  am has have had having do does did its it this that these those which who whom whose what where when while their his her
  they them he him she we us you your our my i me than then also not no under about against between during until till through
  said say says told tell would will could can may might must shall should there here such so very just only even more most
  other another some any all each both same own out up down off again further once one two three last next ago later earlier
  now today yesterday tomorrow year years month months week weeks day days time times early late mid recent recently`.split(/\s+/),
);

const DATE_WORDS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept
  oct nov dec monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter decade decades century`.split(/\s+/),
);

export function stem(word: string): string {
  let s = word.replace(/['’]s$/, '');
  if (/\w{3}ies$/.test(s)) s = `${s.slice(0, -3)}y`;
  else if (/\w{3}(?:ches|shes|sses|xes)$/.test(s)) s = s.slice(0, -2);
  else if (/\w{2}[^su]s$/.test(s)) s = s.slice(0, -1);
  if (/\w{3}ied$/.test(s)) s = `${s.slice(0, -3)}y`;
  else if (/\w{3}(\w)\1ed$/.test(s)) s = s.slice(0, -3);
  else if (/\w{3}ed$/.test(s)) s = s.slice(0, -2);
  else if (/\w{3}(\w)\1ing$/.test(s)) s = s.slice(0, -4);
  else if (/\w{3}ing$/.test(s)) s = s.slice(0, -3);
  if (/\w{3}e$/.test(s)) s = s.slice(0, -1); // "cease"/"ceased" -> "ceas"
  return s;
}

/** The term of one token, or null for stop words, date words, punctuation and years. */
export function termOf(token: string): string | null {
  const low = token.toLowerCase().replace(/[’]/g, "'");
  if (/^\p{N}/u.test(low)) {
    const n = low.replace(/,/g, '');
    if (/^\d{4}s?$/.test(n) || /^'?\d{2}s$/.test(n)) return null; // years and decades are dates
    return /^\d[\d.]*$/.test(n) ? n : null;
  }
  if (!/^\p{L}/u.test(low)) return null;
  const bare = low.replace(/'s$/, '').replace(/\.$/, '');
  if (bare.length < 2 || STOP.has(bare) || DATE_WORDS.has(bare)) return null;
  const st = stem(bare.replace(/\./g, ''));
  return st.length >= 2 && !STOP.has(st) ? st : null;
}

/** Terms of a piece of text: hyphenated words give their parts too ("cyber-attacks" -> "cyber", "attack"). */
export function termsOfWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const t = termOf(w);
    if (t) out.push(t);
    if (w.includes('-')) for (const part of w.split('-')) {
      const p = termOf(part);
      if (p && p !== t) out.push(p);
    }
  }
  return out;
}

/** A name as a term: 'e:' and its lower-cased words. */
export function nameTerm(name: string): string {
  return `e:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|its|their|his|her|this|that|these|those|our|your|my)\s+$|['’]s\s+$/iu;
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|on|at|since|during|until|till|by|from|through|between|before|after|of|for|to)\s+$/iu;

/**
 * True when the date at [start, end) premodifies a noun ("the July attack", "over July cyberattacks", "the 2014
 * agreement"): it then dates that noun, not the clause. After a preposition ("in 2016 at", "on Wednesday
 * severed") it is an adverbial, unless a determiner precedes it.
 */
export function isPremodifier(text: string, start: number, end: number): boolean {
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(end, end + 40))?.[1];
  if (!next || termOf(next) === null || /(?:ed|ing)$/.test(next)) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  if (DETERMINER_BEFORE.test(before)) return true;
  return !PREPOSITION_BEFORE.test(before);
}
