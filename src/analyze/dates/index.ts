import type { DateFinding } from '../../domain/findings.js';
import type { ArticleStage, StageContext } from '../../domain/stage.js';
import { refFromPublished } from './candidate.js';
import { extractDates } from './extract.js';

/**
 * The `dates` stage: temporal expressions with TimeML values (TIMEX3 type, value, mod), each anchored on the
 * article's publish date at its precision, on another date of the article ('event'), or on nothing ('none').
 * See extract.ts for the order of the algorithm.
 */
export const datesStage: ArticleStage<DateFinding> = {
  name: 'dates',
  version: 1,
  needs: [],
  anyLanguage: false,
  run(ctx: StageContext): DateFinding[] {
    const { article } = ctx;
    const ref = refFromPublished(article.published);
    if (!ref) ctx.note('no-publish-date', 'no publish date: relative dates are left unresolved (anchor none)');
    return extractDates(article.text, ref);
  },
};

export { extractDates } from './extract.js';
export { refFromPublished, type Ref } from './candidate.js';
