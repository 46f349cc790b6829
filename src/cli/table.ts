/** Plain-text tables for people: columns padded, numbers right-aligned. */
export type Cell = string | number | null | undefined;

function show(c: Cell): string {
  if (c === null || c === undefined) return '-';
  if (typeof c === 'number') {
    if (Number.isInteger(c)) return c.toLocaleString('en-US');
    return Math.abs(c) < 10 ? c.toFixed(3) : c.toFixed(1);
  }
  return c;
}

export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = rows.map((r) => header.map((_, i) => show(r[i])));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] == null));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (vals: readonly string[]) =>
    vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
