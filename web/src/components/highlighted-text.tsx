import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Finding, Span } from '../api.js';
import { segmentsOf } from './segments.js';

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
