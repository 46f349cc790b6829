import type { DateFinding } from '../../domain/findings.js';
import type { ArticleStage, StageContext } from '../../domain/stage.js';
import { refFromPublished } from './candidate.js';
import { extractDates } from './extract.js';

/**
 * The `dates` stage: temporal expressions with TimeML values (TIMEX3 type, value, mod), each anchored on the
 * article's publish date at its precision, on another date of the article ('event'), or on nothing ('none').
 * See extract.ts for the order of the algorithm.
 *
 * Value conventions (TimeML / TempEval-3, tuned on TempEval-3 train):
 * - granularity is kept: '2018' (year), '2018-Q1' / '2018-H2' (quarter, half), '2018-SU' (season),
 *   '2018-07' (month), '2013-W11' (ISO week, "last week"), '2013-W11-WE' (weekend), '2018-07-12' (day),
 *   '2018-07-12T20:00' (time); decades '198X', centuries '19'.
 * - a year range "1980-88" / "2009-2010" is two DATE timexes, '1980' and '1988', as TempEval-3 annotates it;
 *   the second carries the range in its evidence.
 * - durations: 'P10Y' ("a decade"), 'PT24H', 'P5D', vague 'PXY' ("many years"); sets: 'P1Y' ("every year"),
 *   'P1W' ("weekly"), 'XXXX-WXX-1' ("every Monday").
 * - PRESENT_REF ("now", "currently"), PAST_REF ("recently", "the past"), FUTURE_REF ("the future").
 * - weekdays: the nearest such day on or before the publish date; on or after it in a future clause
 *   ("will meet on Friday"); "last Friday" strictly before, "next Friday" strictly after.
 * - year-less month-days and months: the next occurrence in a future clause, the most recent one in a past
 *   clause, else the one nearest the publish date (within six months); the choice is in `evidence`.
 * - "five days after <event>": the amount as a DURATION anchored on the event, named in `evidence`
 *   ('5 day(s) after "Norland cut diplomatic ties with Ostmark"'); corpus/published reads that evidence.
 * - "a year earlier", "the quarter", "year-earlier": relative to the last date the article states (anchor 'event').
 * - without a publish date, relative expressions get anchor 'none' and 'XXXX...' or PAST_REF / FUTURE_REF,
 *   never a made-up date; year-less days may get a year from weekday evidence (year-less.ts).
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
