import type { Span } from '../../domain/span.js';
import { GENERIC_GROUP_HEADS, ROLE_NOUNS } from '../phrases/lexicon.js';
import { scanWords } from './words.js';

/**
 * Can a phrase be the one who speaks? Used where a rule borrows a speaker from far away: the subject of the
 * sentence for a participle ("The event with the mayor comes two weeks later, urging people to register")
 * or for a coordinated cue ("His eyes welled with tears as he spoke and urged voters ..."), and the subject
 * of a light verb with a cue noun ("The remarks raised questions about ..."). There the subject must be a
 * person, a group or a document, or the statement names no source: an event, a body part or an abstract
 * noun does not speak. General English only; a name is whatever the entities stage found, or a run of
 * capitalised words.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const PERSONAL = words('he she they we i you who');
const QUANTIFIER = words('one some many most each all none few several both either neither any two three four five');

/** People and bodies that speak, by their common nouns (singular; a plural is looked up without its s). */
const SPEAKING_NOUNS = words(`man woman person people men women child children boy girl mother father son daughter
  wife husband brother sister family friend neighbor neighbour resident citizen voter supporter opponent critic
  fan member candidate nominee hopeful contender challenger incumbent campaign administration government cabinet
  party committee council panel board commission agency department ministry office bureau court tribunal
  congress parliament senate house assembly legislature delegation union coalition alliance company firm
  corporation business bank network outlet newspaper paper magazine channel station broadcaster publication
  website site blog host anchor pundit commentator columnist writer blogger poll pollster survey study report
  statement letter memo release document filing complaint lawsuit suit ruling order indictment ad advertisement
  video tweet post message email article story editorial op-ed book speech interview transcript platform
  manifesto plan proposal bill law resolution audit review investigation inquiry probe research data
  analysis team staff aide adviser advisor surrogate spokesman spokeswoman worker employee student teacher
  professor scientist doctor nurse lawyer attorney judge jury official leader chief head owner founder
  billionaire millionaire businessman businesswoman entrepreneur mogul executive celebrity star actor actress
  singer rapper musician artist player athlete veteran soldier officer police priest pastor rabbi imam bishop
  pope cleric crowd audience protester protestor demonstrator activist group organization organisation
  movement side camp state country nation city town county province region republic kingdom agreement accord
  treaty pact deal charter constitution tycoon magnate operative strategist pollster insider source witness
  victim survivor patient customer client user viewer reader listener caller guest panelist participant
  delegate representative governor senator mayor president minister secretary general commander couple
  parent grandparent grandmother grandfather kid teen teenager youth crew firm group majority minority`);

/** Nouns of agents by their ending: "organizer", "spokesperson", "strategist", "politician", "businessman". */
const AGENT_SUFFIX = /(?:[^aeiou]er|or|ist|ian|eer|person|man|men|woman|women)s?$/;
/** Words with an agent's ending that name no agent. */
const NOT_AGENT = words(`number order border power matter water paper letter later after other either neither over under ever never
  whatever however together weather corner quarter member error mirror horror terror factor sector floor door
  color colour behavior behaviour humor humour honor honour favor favour labor labour rumor rumour vigor anchor
  tremor manner banner dinner summer winter center centre chapter character register roster poster cover fever
  hunger anger danger finger shoulder leather feather layer filter cluster disaster barrier carrier chamber
  december november september october ember timber lumber amber human german roman bluster blister canister
  whisper thunder wonder blunder plunder murder slaughter laughter disorder offer answer chatter banter platter
  shutter butter ginger temper taper caper reminder remainder encounter counter computer printer trailer teaser
  thriller trigger hamburger burger`);

/** Head of a noun phrase: after a possessive ("Mr. Smith's eyes" -> eyes), before "of", "with", "in", ... */
function headOf(text: string, span: Span): { head: string; start: number; end: number } | null {
  const ws = scanWords(text, span.start, span.end).filter((w) => w.isWord);
  if (ws.length === 0) return null;
  let from = 0;
  ws.forEach((w, i) => {
    if (/['’]s$/.test(w.text) && i < ws.length - 1) from = i + 1;
  });
  let to = ws.length;
  for (let i = from + 1; i < ws.length; i++) {
    if (/^(?:of|with|in|at|from|for|on|about|behind|near|like|among|over|under|during|after|before|by|to)$/.test(ws[i]!.lower)) {
      to = i;
      break;
    }
  }
  const h = ws[to - 1]!;
  return { head: h.text, start: h.start, end: h.end };
}

export function canSpeak(text: string, span: Span, names: readonly Span[]): boolean {
  // "He's comparing ... and says": a pronoun with its auxiliary.
  const raw = text.slice(span.start, span.end).trim().toLowerCase().replace(/['’](?:s|re|m|ve|ll|d)$/, '');
  if (PERSONAL.has(raw)) return true;
  // "Mr. Lind's eyes welled ...": a possessor is not the subject; the possessed noun is.
  if (/['’]s$/.test(text.slice(span.start, span.end).trim())) return false;
  // "One of her first moves was ...": a quantifier speaks for the phrase after its "of".
  if (QUANTIFIER.has(raw)) {
    const of = /^\s+of\s+((?:[\p{L}\p{N}.'’-]+\s+){0,5}?)(?=(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do)\b|[\p{Ll}-]+(?:ed|s)\b|[,;:]|$)/u.exec(text.slice(span.end, span.end + 80));
    const rest = of?.[1]?.trim();
    return rest ? canSpeak(text, { start: span.end + of![0].indexOf(rest), end: span.end + of![0].indexOf(rest) + rest.length }, names) : false;
  }
  const h = headOf(text, span);
  if (!h) return false;
  if (names.some((n) => n.start < h.end && h.start < n.end)) return true;
  const lower = h.head.toLowerCase().replace(/['’]s$/, '');
  // A capitalised head is a name the entities stage may have missed ("Democrats", "Breitbart").
  if (/^\p{Lu}/u.test(h.head) && !/['’]s$/.test(h.head)) return true;
  const forms = [lower, lower.replace(/ies$/, 'y'), lower.replace(/es$/, ''), lower.replace(/s$/, '')];
  if (forms.some((w) => SPEAKING_NOUNS.has(w) || ROLE_NOUNS.has(w) || GENERIC_GROUP_HEADS.has(w))) return true;
  return AGENT_SUFFIX.test(lower) && !forms.some((w) => NOT_AGENT.has(w));
}
