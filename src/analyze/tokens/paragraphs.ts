/**
 * Paragraphs: blocks separated by line breaks (blank lines or single line breaks), each trimmed of
 * surrounding whitespace; blank lines yield nothing.
 */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\r\n\u2028\u2029\u0085\v\f]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const line = m[0];
    let s = 0;
    let e = line.length;
    while (s < e && isBlank(line.charCodeAt(s))) s++;
    while (e > s && isBlank(line.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: m.index + s, end: m.index + e });
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}
