/*
 * Closed word classes of English that the labels and quantities stages use to find noun-phrase edges
 * without a tagger. General grammar only: no topic words, no sentiment, nothing about any story.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

export const DETERMINERS = words('the a an this that these those its their his her our your my');
export const DEFINITE = words('the this that');

export const PREPOSITIONS = words(`of in on at by for from to with without within into onto upon about against
  among amongst between through during before after since until till under over above below across along
  around behind beyond beside besides near toward towards via per despite amid amidst throughout except
  unlike like as than inside outside off out up down`);

export const CONJUNCTIONS = words('and or but nor so yet while whereas because although though if unless whether when where');

export const PRONOUNS = words(`i you he she it we they me him us them who whom whose which what that this
  those these someone anyone everyone nobody somebody something anything everything nothing one ones
  himself herself itself themselves ourselves`);

/** Auxiliaries, copulas and the commonest reporting and light verbs: enough to stop a noun phrase. */
export const VERBS = words(`is are was were be been being am has have had having do does did done
  will would shall should can could may might must said says say told tells tell stated states added
  adds warned warns claimed claims denied denies accused accuses stressed stresses noted notes
  explained explains believed believes believe called calls made makes make took takes take gave gives
  give got gets went goes go came comes come saw sees see became becomes become remain remains
  remained seem seems seemed caught kept keeps held holds left leaves run runs ran won wins lost
  loses put puts set sets let lets began begins begun met meets knew knows know thought thinks think
  felt feels found finds showed shows brought brings paid pays sent sends spent spends stood stands
  led leads read reads wrote writes fell falls rose rises hit hits cut cuts sought seeks sold sells
  bought buys built builds fought fights chose chooses drew draws struck strikes spoke speaks`);

export const COPULAS = words('is was are were remains remained became becomes');

export const ADVERBS = words(`not also still already just only even now then never always often again
  very too quite rather really allegedly reportedly apparently unfortunately further however`);

/** Words that never belong inside a label noun phrase. */
export function isFunctionWord(lower: string): boolean {
  return (
    DETERMINERS.has(lower) ||
    PREPOSITIONS.has(lower) ||
    CONJUNCTIONS.has(lower) ||
    PRONOUNS.has(lower) ||
    VERBS.has(lower) ||
    ADVERBS.has(lower)
  );
}

/** Relative words and participle-like endings close a noun phrase on its right. */
export function closesPhrase(lower: string, phraseLength: number): boolean {
  if (isFunctionWord(lower)) return true;
  if (phraseLength > 0 && /(?:ed|ing)$/.test(lower) && lower.length > 4) return true;
  return false;
}

/**
 * Head nouns of descriptions that can refer back to a named entity, by class. A description refers
 * only to an entity whose type fits the class, and whose own name head (if it has one) fits too.
 */
export type TypeClass = 'group' | 'institution' | 'place' | 'media';

const GROUP_HEADS = words(`group groups organization organisation outfit cult movement militia faction gang
  sect network party front alliance coalition association society opposition wing brigade brigades
  federation union league`);
const INSTITUTION_HEADS = words(`ministry council court agency department government parliament assembly
  committee commission office embassy police army company firm corporation bank university institute
  administration authority board bureau service foundation`);
const PLACE_HEADS = words('country nation kingdom republic city capital island region province territory state');
const MEDIA_HEADS = words(`tv television radio newspaper magazine daily times news post network website agency channel
  courier herald tribune gazette journal chronicle telegraph ledger monitor observer express mirror globe`);

export function typeClassOf(lowerHead: string): TypeClass | null {
  if (GROUP_HEADS.has(lowerHead)) return 'group';
  if (INSTITUTION_HEADS.has(lowerHead)) return 'institution';
  if (PLACE_HEADS.has(lowerHead)) return 'place';
  return null;
}

/** The class an entity's own name announces by its last word ("... Organization", "... Ministry", "Press TV"). */
export function nameClassOf(name: string): TypeClass | null {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (MEDIA_HEADS.has(last) && !GROUP_HEADS.has(last)) return 'media';
  // "Department of Homeland Security": in "X of Y" names the head comes first.
  const ofAt = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = ofAt > 0 ? (words[ofAt - 1]?.toLowerCase() ?? '').replace(/s$/, '') : last;
  return typeClassOf(head) ?? typeClassOf(last);
}

/**
 * Group nouns any group may be called ("the group", "the organization", "the cult"). Other group nouns
 * ("party", "association", "front", "union") name a kind of body, and refer back only to a name ending
 * in that noun or already called so.
 */
export const GENERIC_GROUP_HEADS = words('group groups organization organisation outfit cult movement militia faction gang sect network opposition');

/** Job and office nouns: a phrase that holds one describes a person ("the Norlandic prime minister"). */
export const ROLE_NOUNS = words(`minister president premier chancellor spokesman spokeswoman spokesperson secretary ambassador envoy
  director chief head leader chairman chairwoman chair commander general colonel governor senator
  congressman congresswoman representative mayor judge justice prosecutor attorney king queen prince
  princess emir sheikh ayatollah cleric official officer diplomat lawmaker legislator deputy adviser
  advisor analyst expert professor researcher journalist reporter editor correspondent founder owner
  ceo executive manager coach captain pope bishop imam cardinal mp speaker candidate activist lawyer
  author historian economist consul commissioner inspector sergeant lieutenant admiral marshal pm
  vice-president president-elect director-general secretary-general negotiator counsel mufti
  rapporteur dean rector boss superintendent sheriff vizier sultan chairperson ruler`);

/** Place nouns that usually mean the article's home country, not the last place named. */
export const HOME_PLACE_HEADS = words('country nation');

/** Nouns that, right after a type noun, make it a modifier ("the group members", "the party leader"). */
export const RELATIONAL_NOUNS = words(`member members leader leaders leadership head chief founder founders
  spokesman spokeswoman spokesperson official officials camp camps base bases headquarters office
  offices fighters militants commander commanders supporters activists chairman president secretary`);

/** Words after which a description is contrastive, not a reference back ("another group", "the other party"). */
export const CONTRASTIVE = words('other another rival second first third both each either neither same new former');

/** Verbs that introduce a name rather than label it ("a unit called 'X'"). */
export const NAMING = words('called named dubbed titled entitled known');

export const MONTHS = words(`january february march april may june july august september october november
  december jan feb mar apr jun jul aug sep sept oct nov dec`);
export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');
export const TIME_UNITS = words(`second seconds minute minutes hour hours day days week weeks month months
  year years decade decades century centuries night nights weekend weekends fortnight`);

export function isWordToken(text: string): boolean {
  return /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(text);
}

export function isCapitalized(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/** "anti-Iran", "pro-government", "then-US": a lower-case prefix joined to a word. */
export function isLowerStart(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}
