import type { StoredFinding } from '../../../domain/finding.js';
import type { DateData, EntityData, EntityType, TimexType } from '../../../domain/findings.js';
import type { TimelineArticleInput } from './types.js';

/** A date in a hand-made article: its surface text (found left to right), its value and, optionally, more data. */
export type DateSpec = readonly [surface: string, value: string, extra?: Partial<DateData>];
export type EntitySpec = readonly [surface: string, name: string, type?: EntityType];

/** DURATION for 'P...' values, DATE otherwise (pass `{ type: 'SET' }` for sets). */
function typeOf(value: string): TimexType {
  return /^P/.test(value) ? 'DURATION' : 'DATE';
}

/** An article input with date and entity findings located in `text` (each surface after the previous one of its list). */
export function articleInput(
  id: string,
  text: string,
  dates: readonly DateSpec[],
  options: { entities?: readonly EntitySpec[]; published?: string | null; outlet?: string | null } = {},
): TimelineArticleInput {
  const findings: StoredFinding[] = [];
  let from = 0;
  dates.forEach(([surface, value, extra], n) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`"${surface}" not in the text after ${from}`);
    from = start + surface.length;
    const data: DateData = { type: typeOf(value), value, anchor: 'absolute', mod: null, evidence: null, yearUnknown: value.startsWith('XXXX'), ...extra };
    findings.push({ kind: 'date', span: { start, end: from }, text: surface, rule: 'dates/test', data, id: `${id}:dates:${n}`, articleId: id, stage: 'dates', stageVersion: 1 });
  });
  let eFrom = 0;
  (options.entities ?? []).forEach(([surface, name, type], n) => {
    const start = text.indexOf(surface, eFrom);
    if (start < 0) throw new Error(`"${surface}" not in the text`);
    eFrom = start + surface.length;
    const data: EntityData = { type: type ?? 'ORG', name, antecedent: null, via: 'model', titles: [], confidence: 1 };
    findings.push({ kind: 'entity', span: { start, end: eFrom }, text: surface, rule: 'entities/test', data, id: `${id}:entities:${n}`, articleId: id, stage: 'entities', stageVersion: 1 });
  });
  return { id, outlet: options.outlet ?? null, published: options.published ?? null, text, findings };
}
