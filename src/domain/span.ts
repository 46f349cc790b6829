/** A half-open range of UTF-16 code units into an article's `text`: `text.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** True when `s` lies inside a string of length `length` and is not inverted. */
export function isValidSpan(s: Span, length: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start && s.end <= length;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
