import type { Sentence, Token, TokenizedText } from '../../domain/text.js';
import { scanTokens } from './scan.js';
import { splitSentences } from './sentences.js';
import { splitParagraphs } from './paragraphs.js';

/**
 * Tokens, sentences and paragraphs of a text, with exact character offsets: every token and every
 * sentence satisfies `text.slice(start, end)` equal to its text. Never throws.
 *
 * Conventions (chosen to match CoNLL-2003, on which the NER model is trained):
 * - hyphenated words stay one token ("anti-war", "Camp-3", "Hewlett-Packard");
 * - clitics split off: "Iran's" -> "Iran" "'s" (also ’s, n't, 're, 've, 'll, 'd, 'm);
 * - abbreviations and initials keep their period ("U.S.", "Gen.", "J."); numbers keep their separators
 *   ("2,000", "3.5"); "%" and currency symbols are tokens of their own;
 * - "--", "...", "…", em and en dashes are one token each; URLs, emails, @handles and #tags are one token.
 */
export function tokenize(text: string): TokenizedText {
  const tokens: Token[] = scanTokens(text);
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = splitSentences(text, tokens);
  return { tokens, sentences, paragraphs };
}

export { scanTokens } from './scan.js';
