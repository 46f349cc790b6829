import type { EntityFinding } from '../../domain/findings.js';
import type { ArticleStage } from '../../domain/stage.js';
import type { TokenizedText } from '../../domain/text.js';
import { linkMentions, mentionText } from './link.js';
import { loadNerModel } from './load.js';
import { type Mention, mediaMentions, mergePatternMentions, modelMentions, placePatternMentions } from './mentions.js';
import type { NerModel } from './model.js';
import { attachTitles, extendPersonNames, linkDescriptions } from './titles.js';

/**
 * The `entities` stage: people, organisations, places and other names (PER/ORG/LOC/MISC) with spans.
 *   1. the NER model (models/ner-conll, trained on CoNLL-2003) tags the article's sentences as one document
 *      (headlines typed in title case are shown to it upper-cased, datelines split off);
 *   2. in-article linking gives each mention its article-level name: acronyms and "known as" aliases,
 *      repeats of a tagged name, short forms ("Vell" -> "Ana Vell");
 *   3. titles and roles attach to person mentions; descriptions ("the Norlandic prime minister") link to the
 *      one person carrying that title.
 */
export const entitiesStage: ArticleStage<EntityFinding> = {
  name: 'entities',
  version: 1,
  needs: [],
  anyLanguage: false,
  run(ctx) {
    let model: NerModel;
    try {
      model = loadNerModel();
    } catch (e) {
      ctx.note('model-missing', e instanceof Error ? e.message : String(e));
      return [];
    }
    return findEntities(ctx.article.text, ctx.tokens, model);
  },
};

/** Entity findings of one text (the stage without its context). */
export function findEntities(text: string, tok: TokenizedText, model: NerModel = loadNerModel()): EntityFinding[] {
  const inp = { text, tokens: tok.tokens };
  const sentenceOf = new Int32Array(tok.tokens.length).fill(-1);
  tok.sentences.forEach((s, si) => sentenceOf.fill(si, s.firstToken, s.endToken));
  const raw = modelMentions(text, tok, model);
  const rawOwner = new Uint8Array(tok.tokens.length);
  for (const m of raw) rawOwner.fill(1, m.first, m.end);
  mergePatternMentions(raw, placePatternMentions(tok));
  mergePatternMentions(raw, mediaMentions(tok, raw));
  for (const m of raw) rawOwner.fill(1, m.first, m.end);
  extendPersonNames({ text, tokens: tok.tokens, sentenceOf }, raw, (i) => rawOwner[i] === 1);
  const ms = linkMentions(inp, raw);
  const owner = new Int32Array(tok.tokens.length).fill(-1);
  ms.forEach((m, mi) => owner.fill(mi, m.first, m.end));
  const personAt = (i: number): boolean => {
    const o = owner[i] ?? -1;
    return o >= 0 && ms[o]?.type === 'PER';
  };
  const titleInput = { text, tokens: tok.tokens, sentenceOf };
  attachTitles(titleInput, ms, personAt);
  // Titles known for a name are shared by its short forms' antecedent for description matching.
  const descriptions = linkDescriptions(titleInput, withNameTitles(ms), personAt);
  return [...ms, ...descriptions].sort((a, b) => a.first - b.first).map((m) => toFinding(inp, m));
}

/** Person mentions carrying every title given to their name anywhere in the article. */
function withNameTitles(ms: readonly Mention[]): Mention[] {
  const byName = new Map<string, string[]>();
  for (const m of ms) if (m.type === 'PER' && m.titles.length) byName.set(m.name ?? '', [...(byName.get(m.name ?? '') ?? []), ...m.titles]);
  return ms.map((m) => (m.type === 'PER' && byName.has(m.name ?? '') ? { ...m, titles: byName.get(m.name ?? '') ?? [] } : m));
}

function toFinding(inp: { text: string; tokens: TokenizedText['tokens'] }, m: Mention): EntityFinding {
  const start = inp.tokens[m.first]?.start ?? 0;
  const end = inp.tokens[m.end - 1]?.end ?? start;
  const text = inp.text.slice(start, end);
  return {
    kind: 'entity',
    span: { start, end },
    text,
    rule: m.rule,
    data: {
      type: m.type,
      name: m.name ?? mentionText(inp, m),
      antecedent: m.antecedent,
      via: m.via,
      titles: m.titles,
      confidence: m.confidence,
    },
  };
}

export { loadNerModel } from './load.js';
