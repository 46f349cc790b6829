import type { Candidate } from './candidate.js';

/**
 * A regex rule: `find` locates spans (a global regex over the raw text), `make` interprets one match into
 * candidates. Rules never see each other; overlaps are settled afterwards (longest span, then priority).
 */
export interface Rule {
  readonly name: string;
  /** Global regex; compiled once with the module and reused (its lastIndex is reset on every run). */
  readonly re: RegExp;
  /**
   * A cheap test that the text can contain a match at all; the rule is skipped when it fails: lowercase
   * substrings (one must occur in the lowercased text), or a regex for shapes words cannot say.
   */
  readonly hint?: RegExp | readonly string[];
  make(m: RegExpExecArray, text: string): Candidate | readonly Candidate[] | null;
}

export function runRule(rule: Rule, text: string, out: Candidate[], lower: string = text.toLowerCase()): void {
  const hint = rule.hint;
  if (hint instanceof RegExp ? !hint.test(text) : hint && !hint.some((h) => lower.includes(h))) return;
  const re = rule.re;
  if (!re.global) throw new Error(`rule ${rule.name}: regex must be global`);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const c = rule.make(m, text);
    if (!c) continue;
    if (Array.isArray(c)) out.push(...(c as readonly Candidate[]));
    else out.push(c as Candidate);
  }
}

/** Offset of group `g` in match `m` (needs the 'd' flag); falls back to searching the match text. */
export function groupStart(m: RegExpExecArray, g: number): number {
  const idx = m.indices?.[g];
  if (idx) return idx[0];
  const s = m[g] ?? '';
  return m.index + Math.max(0, m[0].indexOf(s));
}

/**
 * A modifier right before `pos` ("early " before "2011"): `re` must end with `$`. Returns its start and
 * groups, or null. Looking back on a short slice is far cheaper than an optional prefix group in the main regex.
 */
export function prefixBefore(text: string, pos: number, re: RegExp, reach = 30): { start: number; m: RegExpExecArray } | null {
  const from = Math.max(0, pos - reach);
  const m = re.exec(text.slice(from, pos));
  return m ? { start: from + m.index, m } : null;
}
