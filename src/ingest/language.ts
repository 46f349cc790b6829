import { detectAll } from 'tinyld';

/**
 * The article's language as a BCP 47 primary tag. The declared one (HTML lang, feed language, JSON field) is
 * kept unless the text is long enough to tell and clearly says otherwise; then the detected one wins and
 * the caller records a note. Short texts keep what was declared, or null.
 */
export function resolveLanguage(text: string, declared: string | null): { language: string | null; mismatch: string | null } {
  const primary = declared ? declared.trim().toLowerCase().split(/[-_]/)[0] || null : null;
  // 1,000 characters tell a language apart as well as the whole text, at a fraction of the cost.
  const sample = text.slice(0, 1000);
  if (sample.replace(/\s+/g, '').length < 60) return { language: primary, mismatch: null };
  const [best, second] = detectAll(sample);
  // tinyld's scores are relative: trust a clear winner (absolute floor, and well ahead of the runner-up).
  if (!best || best.accuracy < 0.25 || (second && best.accuracy < second.accuracy * 4)) return { language: primary, mismatch: null };
  if (primary && primary !== best.lang) {
    return { language: best.lang, mismatch: `declared language "${declared}" but the text reads as "${best.lang}"` };
  }
  return { language: best.lang, mismatch: null };
}

/** English-only stages run on 'en' and on unknown language (short texts). */
export function isEnglish(language: string | null): boolean {
  return language === null || language === 'en';
}
