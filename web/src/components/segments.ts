import type { Finding, Span } from '../api.js';

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly covering: readonly Finding[];
  readonly target: boolean;
}

/** Cut the text at every finding boundary (and the target span's); each piece knows the findings over it. */
export function segmentsOf(text: string, findings: readonly Finding[], target: Span | null): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.span.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.span.end)));
  }
  if (target) {
    cuts.add(Math.max(0, Math.min(text.length, target.start)));
    cuts.add(Math.max(0, Math.min(text.length, target.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...findings].sort((a, b) => a.span.start - b.span.start);
  const out: Segment[] = [];
  let active: Finding[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.span.start <= start) active.push(byStart[next++]!);
    active = active.filter((f) => f.span.end >= end && f.span.end > f.span.start);
    const covering = active.filter((f) => f.span.start <= start).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
    out.push({ start, end, covering, target: target !== null && start >= target.start && end <= target.end && target.end > target.start });
  }
  return out;
}

