/*
 * Words and sentences for matching event descriptions across articles. Content words are lower-cased,
 * lightly stemmed ("marched", "marches" -> "march"; "arrests" -> "arrest") and exclude stop words and weekday
 * names: a weekday in a phrase is a constraint on the date (see anchor.ts), not a description of the event.
 */

const STOP = new Set(
  'the a an and or of to in on at for with by from over into after before since as is was were be been has have had its it this that these those which who their his her they he she than then also not but under about against between during while said say says told would will could can our we you i'.split(
    ' ',
  ),
);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function stem(w: string): string {
  let s = w.replace(/['’]s$/, '');
  if (/\w{3}ies$/.test(s)) s = `${s.slice(0, -3)}y`;
  else if (/\w{3}(?:ches|shes|sses|xes)$/.test(s)) s = s.slice(0, -2);
  else if (/\w{3}[^s]s$/.test(s)) s = s.slice(0, -1);
  if (/\w{3}ed$/.test(s)) s = s.slice(0, -2);
  else if (/\w{3}ing$/.test(s)) s = s.slice(0, -3);
  return s;
}

export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/\p{L}[\p{L}'’-]*|\p{N}[\p{N}.,]*\p{N}|\p{N}/gu) ?? []) {
    if (/^\p{N}/u.test(w)) {
      out.add(w.replace(/,/g, ''));
      continue;
    }
    const bare = w.replace(/['’]s$/, '');
    if (WEEKDAYS.has(bare)) continue;
    const st = stem(w);
    if (st.length >= 3 && !STOP.has(bare) && !STOP.has(st)) out.add(st);
  }
  return out;
}

const isEnd = (text: string, i: number): boolean =>
  text[i] === '\n' || (/[.!?]/.test(text[i] ?? '') && /\s/.test(text[i + 1] ?? '') && /[A-Z"“‘'(]/.test(text[i + 2] ?? ''));

/** Bounds of the sentence around a span: it ends at a line break or at . ! ? followed by a space and a capital or quote. */
export function sentenceBounds(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !isEnd(text, a - 1)) a--;
  let b = end;
  while (b < text.length && !isEnd(text, b)) b++;
  return { start: a, end: b };
}

/**
 * The clause around a span (bounded by the sentence and by , ; : – —), widened clause by clause until it has at
 * least four content words besides the span's own: "X said yesterday that it had documented 200 arrests".
 */
export function clauseAround(text: string, start: number, end: number): string {
  const s = sentenceBounds(text, start, end);
  const sentence = text.slice(s.start, s.end);
  const cuts = [0];
  for (const m of sentence.matchAll(/[,;:–—]\s/g)) cuts.push((m.index ?? 0) + 1);
  cuts.push(sentence.length);
  const at = start - s.start;
  let i = cuts.findIndex((c, k) => c <= at && at < (cuts[k + 1] ?? Infinity));
  if (i < 0) i = 0;
  let j = i + 1;
  const own = contentWords(text.slice(start, end)).size;
  const size = (): number => contentWords(sentence.slice(cuts[i] ?? 0, cuts[j] ?? sentence.length)).size - own;
  while (size() < 4 && (i > 0 || j < cuts.length - 1)) {
    if (j < cuts.length - 1) j++;
    else i--;
  }
  return sentence.slice(cuts[i] ?? 0, cuts[j] ?? sentence.length);
}
