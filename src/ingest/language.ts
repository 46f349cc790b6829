type DetectAll = (text: string) => { lang: string; accuracy: number }[];
let detectAll: DetectAll | null = null;

/** Load the statistical detector (half a second); ingest calls this once before reading. */
export async function prepareLanguageDetector(): Promise<void> {
  detectAll ??= (await import('tinyld')).detectAll;
}

/**
 * The article's language as a BCP 47 primary tag. The declared one (HTML lang, feed language, JSON field) is
 * kept unless the text is long enough to tell and clearly says otherwise; then the detected one wins and
 * the caller records a note. Short texts keep what was declared, or null. Call prepareLanguageDetector first
 * (otherwise only the English fast path runs).
 */
export function resolveLanguage(text: string, declared: string | null): { language: string | null; mismatch: string | null } {
  const primary = declared ? declared.trim().toLowerCase().split(/[-_]/)[0] || null : null;
  // 1,000 characters tell a language apart as well as the whole text, at a fraction of the cost.
  const sample = text.slice(0, 1000);
  if (sample.replace(/\s+/g, '').length < 60) return { language: primary, mismatch: null };
  if (looksEnglish(sample)) {
    return { language: 'en', mismatch: primary && primary !== 'en' ? `declared language "${declared}" but the text reads as "en"` : null };
  }
  if (!detectAll) return { language: primary, mismatch: null };
  const [best, second] = detectAll(sample);
  // tinyld's scores are relative: trust a clear winner (absolute floor, and well ahead of the runner-up).
  if (!best || best.accuracy < 0.25 || (second && best.accuracy < second.accuracy * 4)) return { language: primary, mismatch: null };
  if (primary && primary !== best.lang) {
    return { language: best.lang, mismatch: `declared language "${declared}" but the text reads as "${best.lang}"` };
  }
  return { language: best.lang, mismatch: null };
}

/**
 * The most frequent English function words. Running English prose has 35-45% of its words among them; other
 * Latin-script languages share a few ("a", "in", "on") but come nowhere near. A fast path before the
 * statistical detector, which costs milliseconds per call.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is that for on was with as by at it from he she his her they their be are were has have had said this which but not an or who will would its after been also than'.split(' '),
);

export function looksEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f\u0400-\u06ff\u4e00-\u9fff]+/g);
  if (!words || words.length < 20) return false;
  let hits = 0;
  let nonAscii = 0;
  for (const w of words) {
    if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
    if (/[^a-z]/.test(w)) nonAscii++;
  }
  return hits / words.length >= 0.25 && nonAscii / words.length < 0.05;
}

/** English-only stages run on 'en' and on unknown language (short texts). */
export function isEnglish(language: string | null): boolean {
  return language === null || language === 'en';
}
