import type { Dateline } from '../domain/article.js';

/*
 * A dateline opens the first paragraph of wire-style copy: "TEHRAN -- ", "TEHRAN (Tasnim) – ",
 * "LONDON, Sept 7 (Reuters) - ", "Washington (CNN) — ". The place is in capitals (or Title Case when an
 * agency in parentheses follows); a dash or colon ends it.
 */
const CAPS_PLACE = String.raw`[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,3}`;
const TITLE_PLACE = String.raw`[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}`;
const DATE_PART = String.raw`(?:,[ ]+(?:[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}(?:,[ ]+\d{4})?|\d{1,2}[ ]+[A-Z][a-z]{2,8}\.?(?:[ ]+\d{4})?|[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+)?))?`;
const AGENCY = String.raw`[ ]*\(([^()\n]{2,40})\)`;
const DASH = String.raw`[ ]*(?:--|—|–|-|:)[ ]+`;

const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE})${DATE_PART}(?:${AGENCY})?${DASH}`);
const TITLE_DATELINE = new RegExp(String.raw`^(${TITLE_PLACE})${DATE_PART}${AGENCY}${DASH}`);

/** The dateline at the start of `text` (its first paragraph), or null. */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 200);
  const m = CAPS_DATELINE.exec(head) ?? TITLE_DATELINE.exec(head);
  if (!m) return null;
  const place = m[1]!.trim();
  // A capitalised place must have at least two letters and not be a lone initial or roman numeral list.
  if (place.replace(/[^A-Za-z]/g, '').length < 2) return null;
  const matched = m[0];
  const end = matched.trimEnd().length;
  return { text: text.slice(0, end), place, agency: m[2]?.trim() ?? null, span: { start: 0, end } };
}
