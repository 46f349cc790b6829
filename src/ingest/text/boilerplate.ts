/**
 * Lines that pages append to an article and copy-paste carries along: "Related posts" and the headlines
 * under it, "Read next: ..." teasers, share and tag lines. Generic web furniture, not story knowledge.
 */

/** A line from which everything to the end is furniture (when it comes in the last part of the text). */
const TAIL_START =
  /^(?:related (?:posts|articles|stories|news|content|coverage)|more (?:from|on|stories|news)\b.*|recommended(?: for you)?|you may (?:also )?like|(?:also|further) read(?:ing)?|tags?|keywords|share (?:this|on)\b.*|follow us\b.*|comments?|leave a (?:reply|comment)|subscribe\b.*|most (?:read|popular|viewed))\s*:?\s*$/i;

/** A single teaser line anywhere in the text. */
const TEASER = /^(?:read (?:next|more|also)|also read|see also|related|watch|listen|recommended)\s*:\s*\S.*$/i;

export function isTailStart(line: string): boolean {
  return TAIL_START.test(line.trim());
}

export function isTeaser(line: string): boolean {
  const l = line.trim();
  return l.length <= 200 && TEASER.test(l);
}
