import type { Span } from '../../domain/span.js';

/**
 * What may stand between a cue and its content: the addressee ("told Der Spiegel"), the medium ("in a
 * series of tweets", "in an interview with German magazine Der Spiegel"), a time ("on Wednesday", "last
 * year"), and a colon or comma before a quotation.
 */

export interface CueModifiers {
  readonly medium: Span | null;
  readonly addressee: Span | null;
  /** Where the content may start. */
  readonly next: number;
}

const MEDIA =
  'tweets?|statement|interview|video(?: message)?|message|post|posting|letter|op-ed|speech|press conference|news conference|' +
  'press release|briefing|e-?mail|radio|television|broadcast|Facebook(?: post)?|Twitter|Instagram|Telegram|blog(?: post)?|column|' +
  'article|remarks|appearance|address|editorial|memo|note|podcast|video|documentary|book|report|communiqu[eé]|tweet|phone call|call|' +
  'conversation|meeting|session|hearing|testimony|rally|event|debate|town hall|show|program|programme';
const MEDIUM = new RegExp(
  `^(?:in|on|via|through|during|at|with)\\s+(?:(?:an?|the|his|her|their|its|a series of|one of (?:his|her|their|its|several)|several|multiple|two|three)\\s+)?` +
    `(?:[\\p{L}\\p{N}’'-]+\\s+){0,3}?(?:${MEDIA})\\b`,
  'iu',
);
const WITH_WHOM = /^\s+(?:with|to)\s+((?:[\p{L}\p{N}’'.&-]+\s*){1,7}?)(?=\s*(?:[,;:.“"]|\bthat\b|\bon\b|\bin\b|\bpublished\b|\baired\b|$))/iu;
const TIME =
  /^(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|week|month|year|night|morning|afternoon|evening|weekend|yesterday|today|tonight|earlier|later|recently|previously|again|also|repeatedly|once|too)\b|^(?:a|one|two|three|several|a few)\s+(?:day|days|week|weeks|month|months|year|years)\s+(?:earlier|later|ago|before)\b|^in\s+(?:19|20)\d\d\b|^on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|^(?:in|on)\s+(?:the\s+)?(?:same|following|previous)\s+\w+/iu;
const TELL = new Set(['tell', 'inform', 'assure', 'remind', 'brief', 'advise', 'call on', 'thank']);
/** These take an addressee only before "that" or "to" ("warned Iran that", "urged voters to"). */
const TELL_IF = new Set(['warn', 'urge', 'ask', 'caution']);
const ADDRESSEE_END = /^(?:that|in|on|at|during|last|this|about|of|to|after|before|when|with|for|over|from|via|through|against|not|,|;|:|\.|“|"|—|–)$/i;

/** The text at `pos` up to `end`, trimmed of the spaces before it. */
function skipSpace(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && /\s/.test(text[p]!)) p++;
  return p;
}

export function readModifiers(text: string, cueEnd: number, end: number, lemma: string): CueModifiers {
  let medium: Span | null = null;
  let addressee: Span | null = null;
  let pos = cueEnd;
  if (TELL.has(lemma) || TELL_IF.has(lemma)) {
    // "told German magazine Der Spiegel in an interview": the addressee runs to a preposition or "that".
    const p = skipSpace(text, pos, end);
    const words = /[\p{L}\p{N}][\p{L}\p{N}’'.&-]*|[^\s]/gu;
    words.lastIndex = p;
    let last = -1;
    let n = 0;
    for (let m = words.exec(text); m !== null && m.index < end && n < 8; m = words.exec(text)) {
      if (ADDRESSEE_END.test(m[0])) break;
      last = m.index + m[0].length;
      n++;
    }
    const stopWord = text.slice(last, last + 8).trim().split(/\s+/)[0] ?? '';
    const fits = TELL.has(lemma) || /^(?:that|to)$/i.test(stopWord);
    if (last > p && n < 8 && fits) {
      addressee = { start: p, end: last };
      pos = last;
    }
  }
  for (let guard = 0; guard < 5; guard++) {
    const p = skipSpace(text, pos, end);
    const rest = text.slice(p, Math.min(end, p + 160));
    const medium1 = MEDIUM.exec(rest);
    if (medium1 && medium === null) {
      let mEnd = p + medium1[0].length;
      const who = WITH_WHOM.exec(text.slice(mEnd, Math.min(end, mEnd + 120)));
      if (who && who[1]) {
        const wStart = mEnd + who[0].indexOf(who[1]);
        const wEnd = wStart + who[1].trimEnd().length;
        if (addressee === null) addressee = { start: wStart, end: wEnd };
        mEnd = wEnd;
      }
      medium = { start: p, end: mEnd };
      pos = mEnd;
      continue;
    }
    // "said on condition of anonymity that ...", "spoke on condition that they not be named": the terms of the interview.
    const terms = /^on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+(?:he|she|they|it|his|her|their)\s+(?:not\s+be|remain)\s+(?:named|identified|anonymous|unnamed)(?:\s+(?:because|as|so)\b[^,;:“”"]{0,100}?(?=,|\s+that\b))?)/iu.exec(rest);
    if (terms) {
      pos = p + terms[0].length;
      continue;
    }
    const time = TIME.exec(rest);
    if (time) {
      pos = p + time[0].length;
      continue;
    }
    if (rest.startsWith(',') && /^,\s*(?:[“"«]|that\b)/.test(rest)) {
      pos = p + 1;
      continue;
    }
    if (rest.startsWith(':')) {
      pos = p + 1;
      continue;
    }
    break;
  }
  return { medium, addressee, next: skipSpace(text, pos, end) };
}
