import type { Article } from '../domain/article.js';
import { describeError } from '../domain/errors.js';
import type { AnyFinding } from '../domain/finding.js';
import type { Note } from '../domain/note.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import { isValidSpan } from '../domain/span.js';
import type { TokenizedText } from '../domain/text.js';

/**
 * Run per-article stages in order over one article. Each stage sees the findings of the stages before it.
 * A stage that throws, or returns a finding whose span does not slice to its text, does not stop the
 * others: the article gets a note and the bad output is dropped. Pure: no IO, no clock.
 */
export function runStages(
  article: Article,
  tokens: TokenizedText,
  stages: readonly ArticleStage[],
  isEnglish: boolean,
): StageResult[] {
  const byStage = new Map<string, readonly AnyFinding[]>();
  const results: StageResult[] = [];
  for (const stage of stages) {
    const notes: Note[] = [];
    const by = stage.name;
    let findings: AnyFinding[] = [];
    if (!stage.anyLanguage && !isEnglish) {
      notes.push({ code: 'skipped-language', message: `${stage.name} reads English only; article language is ${article.language ?? 'unknown'}`, by });
    } else {
      try {
        findings = stage.run({
          article,
          tokens,
          prior: (name) => byStage.get(name) ?? [],
          note: (code, message, span) => notes.push(span ? { code, message, by, span } : { code, message, by }),
        });
      } catch (e) {
        notes.push({ code: 'stage-crashed', message: `${stage.name} failed on this article: ${describeError(e)}`, by });
        findings = [];
      }
      const valid = findings.filter((f) => isValidSpan(f.span, article.text.length) && article.text.slice(f.span.start, f.span.end) === f.text);
      if (valid.length !== findings.length) {
        notes.push({ code: 'bad-span', message: `${stage.name} produced ${findings.length - valid.length} finding(s) whose span does not match its text; dropped`, by });
      }
      findings = valid.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    }
    byStage.set(stage.name, findings);
    results.push({ stage: stage.name, version: stage.version, findings, notes });
  }
  return results;
}
