/**
 * Lines that feed generators append to an item's content and that are not part of the article: "Continue
 * reading...", "Read more", WordPress's "The post X appeared first on Y.", "Related: <headline>" links.
 * Matched as whole paragraphs only, and only when short, so article sentences are never cut.
 */
/** What may follow a "read more" phrase: "at example.com", an ellipsis, an arrow. Nothing else. */
const TAIL = '(?:\\s+(?:at|on|here|in|em|auf|sur|en|su)\\b.{0,60})?[\\s.…:»>→)\\]]*';
const TRAILER = new RegExp(
  `^(?:${[
    '(?:continue|keep) reading',
    'read (?:the )?(?:more|full (?:story|article|post))',
    'leia (?:mais|a matéria completa)',
    'continuar lendo',
    'leer más',
    'lire la suite',
    'weiterlesen',
    'mehr lesen',
    'continua a leggere',
    'leggi (?:tutto|di più)',
  ].join('|')})${TAIL}$|^the post .+ appeared first on .+$|^\\[(?:…|\\.\\.\\.)\\]$`,
  'iu',
);
const RELATED = /^(related|see also|more on this story|read also)\s*:/iu;
const MAX_WORDS = 25;

function isBoilerplate(paragraph: string, last: boolean): boolean {
  const p = paragraph.trim();
  if (p === '' || (p.match(/\S+/g)?.length ?? 0) > MAX_WORDS) return false;
  if (RELATED.test(p)) return true;
  return last && TRAILER.test(p);
}

/** The item text without trailing "Continue reading" lines and "Related:" link paragraphs. */
export function trimFeedBoilerplate(text: string): string {
  const paragraphs = text.split(/\n{2,}/);
  while (paragraphs.length > 1 && isBoilerplate(paragraphs[paragraphs.length - 1]!, true)) paragraphs.pop();
  const kept = paragraphs.filter((p, i) => i === 0 || !isBoilerplate(p, false));
  return kept.join('\n\n').trim();
}
