import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Finding, Span } from '../api.js';

interface Segment {
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

/**
 * The article text with findings highlighted by kind. Everything is a React text node: markup in an
 * article is shown as the characters it is, never run.
 */
export function HighlightedText({
  text,
  findings,
  target,
  selected,
  onSelect,
}: {
  text: string;
  findings: readonly Finding[];
  target: Span | null;
  selected: string | null;
  onSelect: (findings: readonly Finding[], start: number) => void;
}) {
  const segments = useMemo(() => segmentsOf(text, findings, target), [text, findings, target]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!target) return;
    const first = ref.current?.querySelector('.target');
    if (first instanceof HTMLElement) {
      first.scrollIntoView({ block: 'center' });
    }
  }, [target?.start, target?.end, segments.length > 0]);
  return (
    <div className="article-text" ref={ref}>
      {segments.map((s) => {
        const piece = text.slice(s.start, s.end);
        if (s.covering.length === 0) return s.target ? <span key={s.start} className="target" data-start={s.start}>{piece}</span> : piece;
        const kinds = [...new Set(s.covering.map((f) => f.kind))];
        const isSelected = selected !== null && s.covering.some((f) => f.id === selected);
        const activate = () => onSelect(s.covering, s.start);
        const key = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            activate();
          }
        };
        return (
          <mark
            key={s.start}
            className={`hl ${kinds.map((k) => `k-${k.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}${s.target ? ' target' : ''}${isSelected ? ' selected' : ''}`}
            data-start={s.start}
            data-kinds={kinds.join(' ')}
            tabIndex={0}
            role="button"
            aria-label={`${piece} (${kinds.join(', ')})`}
            onClick={activate}
            onKeyDown={key}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
