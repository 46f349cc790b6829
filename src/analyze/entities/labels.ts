import type { EntityType } from '../../domain/findings.js';

/**
 * BILOU labels: 0 = O; for type t (PER, ORG, LOC, MISC = 0..3) B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
 * BILOU rather than BIO: the model learns where names end, which helps greedy decoding.
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const LABEL_COUNT = 17;
const PREFIXES = ['B', 'I', 'L', 'U'] as const;

export function labelName(label: number): string {
  if (label === 0) return 'O';
  return `${PREFIXES[(label - 1) % 4]}-${ENTITY_TYPES[Math.floor((label - 1) / 4)]}`;
}

export const labelType = (label: number): number => (label === 0 ? -1 : Math.floor((label - 1) / 4));
/** 0 = B, 1 = I, 2 = L, 3 = U; -1 for O. */
export const labelPart = (label: number): number => (label === 0 ? -1 : (label - 1) % 4);
export const makeLabel = (type: number, part: number): number => 1 + 4 * type + part;

/** Whether `label` may follow `prev` (-1 at a sentence start) in a well-formed BILOU sequence. */
export function allowed(prev: number, label: number): boolean {
  const pp = labelPart(prev);
  const open = pp === 0 || pp === 1;
  const lp = labelPart(label);
  if (open) return (lp === 1 || lp === 2) && labelType(label) === labelType(prev);
  return label === 0 || lp === 0 || lp === 3;
}

/** BILOU labels of token spans [start, end) with type index. */
export function spansToLabels(length: number, spans: readonly { start: number; end: number; type: number }[]): number[] {
  const out = new Array<number>(length).fill(0);
  for (const s of spans) {
    if (s.end - s.start === 1) out[s.start] = makeLabel(s.type, 3);
    else {
      out[s.start] = makeLabel(s.type, 0);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = makeLabel(s.type, 1);
      out[s.end - 1] = makeLabel(s.type, 2);
    }
  }
  return out;
}

/** Token spans of a BILOU label sequence (tolerant: an unclosed B/I ends where the type changes). */
export function labelsToSpans(labels: ArrayLike<number>): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? (labels[i] ?? 0) : 0;
    const part = labelPart(l);
    const t = labelType(l);
    const continues = start >= 0 && t === type && (part === 1 || part === 2);
    if (!continues && start >= 0) {
      out.push({ start, end: i, type });
      start = -1;
    }
    if (l !== 0 && !continues) {
      start = i;
      type = t;
    }
    if (start >= 0 && (part === 2 || part === 3)) {
      out.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return out;
}
