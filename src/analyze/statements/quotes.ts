/**
 * Quotation spans in an article: straight, curly, single (when they are quotes, not apostrophes) and
 * guillemets, including quotations that run over several paragraphs with only an opening mark at the
 * start of each paragraph. Unbalanced marks are reported, never thrown on.
 */

export interface Quote {
  /** Offset of the opening mark. */
  readonly start: number;
  /** One past the closing mark (or past the last character of the last paragraph it covers). */
  readonly end: number;
  /** The inside, without the marks. */
  readonly innerStart: number;
  readonly innerEnd: number;
  /** The quote runs over more than one paragraph. */
  readonly multiParagraph: boolean;
}

export interface QuoteScan {
  readonly quotes: readonly Quote[];
  /** Offsets of opening or closing marks that have no partner. */
  readonly unbalanced: readonly number[];
}

const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Line {
  readonly start: number;
  readonly end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim().length > 0) lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

/** The first non-space character of a line, when it opens a quotation. */
function opensWithQuote(text: string, line: Line): number | null {
  let i = line.start;
  while (i < line.end && isSpace(text[i])) i++;
  const c = text[i];
  return c !== undefined && (OPEN_DOUBLE.has(c) || c === '"') ? i : null;
}

function trimEnd(text: string, end: number, floor: number): number {
  let e = end;
  while (e > floor && isSpace(text[e - 1])) e--;
  return e;
}

export function findQuotes(text: string): QuoteScan {
  const quotes: Quote[] = [];
  const unbalanced: number[] = [];
  const lines = linesOf(text);
  let open: number | null = null;
  let multi = false;
  let openLen = 1;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let skip = -1;
    if (open !== null) {
      // A quotation carried over from the previous paragraph: its opening mark here continues it.
      skip = opensWithQuote(text, line) ?? -1;
    }
    let single: number | null = null;
    for (let i = line.start; i < line.end; i++) {
      let c = text[i]!;
      if (i === skip) continue;
      // '' (two apostrophes) is a double quotation mark in some wire copy.
      let markStart = i;
      if (c === "'" && text[i + 1] === "'") {
        c = '"';
        i++;
      }
      if (OPEN_DOUBLE.has(c)) {
        if (open !== null) unbalanced.push(open);
        open = i;
        multi = false;
        single = null;
      } else if (CLOSE_DOUBLE.has(c)) {
        if (open === null) unbalanced.push(i);
        else {
          quotes.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, multiParagraph: multi });
          open = null;
          multi = false;
        }
      } else if (c === '"') {
        if (open === null) {
          open = markStart;
          openLen = i + 1 - markStart;
          multi = false;
          single = null;
        } else {
          quotes.push({ start: open, end: i + 1, innerStart: open + openLen, innerEnd: markStart, multiParagraph: multi });
          openLen = 1;
          open = null;
          multi = false;
        }
      } else if (open === null && (c === '‘' || c === "'" || c === '’')) {
        const before = text[i - 1];
        const after = text[i + 1];
        const canOpen = (c === '‘' || c === "'") && (isSpace(before) || /[(\[—–-]/.test(before ?? '')) && isLetter(after);
        const canClose = single !== null && !isLetter(after) && !isSpace(before);
        if (canClose && single !== null) {
          quotes.push({ start: single, end: i + 1, innerStart: single + 1, innerEnd: i, multiParagraph: false });
          single = null;
        } else if (canOpen && single === null) single = i;
      }
    }
    if (open !== null) {
      const next = lines[li + 1];
      if (next && opensWithQuote(text, next) !== null) {
        multi = true; // the quotation continues in the next paragraph
      } else {
        const end = trimEnd(text, line.end, open + 1);
        if (multi) {
          // The last paragraph of a multi-paragraph quotation lost its closing mark: keep what we have.
          unbalanced.push(open);
          quotes.push({ start: open, end, innerStart: open + 1, innerEnd: end, multiParagraph: true });
        } else unbalanced.push(open);
        open = null;
        multi = false;
      }
    }
  }
  return { quotes, unbalanced };
}

/** Number of words inside a quote. */
export function quoteWords(text: string, q: Quote): number {
  const inner = text.slice(q.innerStart, q.innerEnd).trim();
  return inner.length === 0 ? 0 : inner.split(/\s+/).length;
}
