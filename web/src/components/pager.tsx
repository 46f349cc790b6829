/** Previous / next over a paged list, with the range shown. */
export function Pager({ offset, limit, shown, total, onPage, label }: { offset: number; limit: number; shown: number; total: number; onPage: (offset: number) => void; label: string }) {
  const from = total === 0 ? 0 : offset + 1;
  const to = offset + shown;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span>
        {from}–{to} of {total}
      </span>
      <button type="button" disabled={to >= total} onClick={() => onPage(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
