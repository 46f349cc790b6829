import type { DateFinding } from '../../domain/findings.js';
import { pad2, WEEKDAY_NAMES } from './calendar.js';
import { yearsWithWeekday } from './weekday.js';

/*
 * A day without a year ("June 20") in an article without a publish date. The weekday named nearest to it
 * ("clashes on Tuesday") restricts the year to those where that day falls on that weekday; the years the
 * article states bound it from below (the latest one), and a stated span of time ("for a decade") bounds it
 * from above. When exactly that evidence leaves candidates, the latest is taken (news reports recent
 * events) and the reasoning is recorded; otherwise the year stays unknown ('XXXX-06-20') with the
 * candidates in the evidence. Never a bare guess.
 */

const MAX_DISTANCE = 1500;
const MAX_SPAN_YEARS = 15;

export function resolveYearless(findings: readonly DateFinding[]): DateFinding[] {
  const weekdays = findings.filter((f) => /^XXXX-WXX-[1-7]$/.test(f.data.value));
  const years = findings.filter((f) => f.data.type === 'DATE' && /^\d{4}$/.test(f.data.value)).map((f) => Number(f.data.value));
  const spans = findings
    .filter((f) => f.data.type === 'DURATION' && /^P\d+Y$/.test(f.data.value))
    .map((f) => ({ years: Number(/^P(\d+)Y$/.exec(f.data.value)?.[1]), text: f.text }))
    // A span of time bounds "now" only when it is short enough to be about the present ("for a decade").
    .filter((x) => x.years >= 1 && x.years <= MAX_SPAN_YEARS);
  return findings.map((f) => {
    const m = /^XXXX-(\d{2})-(\d{2})$/.exec(f.data.value);
    if (!m || f.data.type !== 'DATE') return f;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const near = weekdays
      .map((w) => ({ w, distance: Math.abs(w.span.start - f.span.start) }))
      .filter((x) => x.distance <= MAX_DISTANCE)
      .sort((a, b) => a.distance - b.distance)[0];
    if (!near) return withEvidence(f, 'no year in the text, no publish date and no weekday nearby');
    const wd = Number(near.w.data.value.slice(-1));
    const lower = WEEKDAY_NAMES[wd - 1] ?? '';
    const wdName = lower.charAt(0).toUpperCase() + lower.slice(1);
    const latestYear = years.length ? Math.max(...years) : null;
    const span = spans.sort((a, b) => b.years - a.years)[0];
    const md = `${pad2(month)}-${pad2(day)}`;
    if (latestYear === null) return withEvidence(f, `"${near.w.text}" is the nearest weekday, but the article states no year to bound the choice; not enough evidence to choose`);
    if (!span) {
      const cands = yearsWithWeekday(month, day, wd, latestYear, latestYear + 12);
      return withEvidence(f, `"${near.w.text}" is the nearest weekday; ${md} is a ${wdName} in ${cands.join(', ')} (after ${latestYear}, the latest year stated); no span of time bounds the present; not enough evidence to choose`);
    }
    const upper = latestYear + span.years;
    const cands = yearsWithWeekday(month, day, wd, latestYear, upper);
    const chosen = cands[cands.length - 1];
    if (chosen === undefined) return withEvidence(f, `"${near.w.text}" is the nearest weekday, but ${md} is not a ${wdName} between ${latestYear} and ${upper}`);
    return {
      ...f,
      data: {
        ...f.data,
        value: `${chosen}-${md}`,
        anchor: 'event',
        yearUnknown: false,
        evidence: `no publish date; "${near.w.text}" is the nearest weekday and ${md} is a ${wdName} in ${cands.join(', ')} between ${latestYear} (the latest year stated) and ${upper} ("${span.text}" after it); the latest, ${chosen}, is taken as the article reports recent events`,
      },
    };
  });
}

function withEvidence(f: DateFinding, evidence: string): DateFinding {
  return { ...f, data: { ...f.data, evidence, yearUnknown: true } };
}
