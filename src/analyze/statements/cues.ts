/**
 * The cue lexicon: English verbs (and a few fixed phrases) that introduce speech, writing, thought or
 * evidence. Linguistic knowledge only, no story knowledge. Each entry says what may follow the cue:
 * 'clause' verbs take reported content ("said that ...", "believes ..."), 'object' verbs take an object
 * that is itself the attributed content ("accused X of ...", "called X a ..."), 'quote' verbs only count
 * before or after a quotation ("continued: “...”", "“...,” she laughed").
 */

export type CueClass = 'clause' | 'object' | 'quote';

export interface CueEntry {
  readonly lemma: string;
  readonly cls: CueClass;
}

/** lemma, then irregular forms (base, 3sg, past, participle/gerund) when the regular rules get them wrong. */
const CLAUSE: readonly string[] = [
  'say|say says said saying',
  'tell|tell tells told telling',
  'write|write writes wrote writing',
  'think|think thinks thought thinking',
  'know|know knows knew knowing known',
  'feel|feel feels felt feeling',
  'find|find finds found finding',
  'see|see sees saw seeing seen',
  'foresee|foresee foresees foresaw foreseeing foreseen',
  'add', 'note', 'explain', 'announce', 'claim', 'state|stated stating', 'warn', 'stress', 'insist', 'argue', 'suggest',
  'report', 'tweet', 'post', 'declare', 'acknowledge', 'admit', 'confirm', 'deny', 'reveal', 'predict',
  'promise', 'pledge', 'vow', 'assert', 'concede', 'complain', 'reiterate', 'emphasize', 'emphasise',
  'contend', 'maintain|maintains maintained maintaining', 'observe', 'remark', 'comment', 'mention', 'testify', 'allege', 'joke', 'quip',
  'lament', 'estimate', 'indicate', 'hint', 'respond', 'reply', 'recall', 'conclude', 'answer', 'agree',
  'boast', 'brag', 'shout', 'yell', 'whisper', 'muse', 'wonder', 'ask', 'urge', 'demand', 'caution',
  'advise', 'assure', 'inform', 'remind', 'proclaim', 'affirm', 'disclose', 'believe', 'hope', 'fear',
  'expect', 'worry', 'doubt', 'suspect', 'assume', 'realize', 'realise', 'understand|understand understands understood understanding',
  'want', 'wish', 'anticipate', 'recognize', 'recognise', 'show|show shows showed showing', 'speculate',
  'guess', 'imagine', 'figure', 'reckon', 'suppose', 'acknowledge', 'concur', 'counter', 'retort',
  'theorize', 'surmise', 'forecast|forecast forecasts forecasted forecasting', 'project', 'calculate', 'decide',
  'plan', 'intend', 'threaten', 'propose', 'recommend', 'request', 'order', 'rule', 'determine', 'predict',
  'clarify', 'elaborate', 'specify', 'signal', 'caution', 'point out', 'make clear|make clear makes clear made clear making clear',
  'spell out', 'go on to say|go on to say goes on to say went on to say going on to say',
  'according to|according to',
  'be quoted as saying|was quoted as saying is quoted as saying were quoted as saying been quoted as saying',
  'be cited as saying|was cited as saying were cited as saying is cited as saying been cited as saying',
  'seem', 'appear', 'decline', 'refuse', 'seek|seek seeks sought seeking', 'offer', 'consider', 'prefer', 'favor', 'favour',
  'repeat', 'echo|echo echoes echoed echoing', 'highlight', 'discuss', 'learn', 'regard', 'view', 'acknowledge', 'lament',
  'point to|point to points to pointed to pointing to',
  'push for|push for pushes for pushed for pushing for', 'vote for|vote for votes for voted for voting for',
  'make it clear|make it clear makes it clear made it clear making it clear', 'compare', 'portray', 'tout', 'invoke', 'imply|imply implies implied implying',
  'email', 'e-mail', 'challenge', 'encourage', 'retweet', 'shoot back|shoot back shoots back shot back shooting back', 'plead', 'identify|identify identifies identified identifying',
  'express hope|express hope expresses hope expressed hope expressing hope',
  'express concern|express concern expresses concern expressed concern expressing concern',
  'make the case|make the case makes the case made the case making the case', 'make the point|make the point makes the point made the point making the point',
  'raise questions|raise questions raises questions raised questions raising questions', 'raise concerns|raise concerns raises concerns raised concerns raising concerns',
  'charge|charge charges charged charging',
  'issue a statement|issue a statement issues a statement issued a statement issuing a statement',
  'release a statement|release a statement releases a statement released a statement releasing a statement',
];

const OBJECT: readonly string[] = [
  'assail', 'trash', 'praise', 'tease', 'liken', 'fault', 'credit', 'pan', 'knock', 'target', 'recommend', 'nominate',
  'accuse', 'criticize', 'criticise', 'call|call calls called calling', 'describe', 'dismiss', 'blame', 'praise',
  'endorse', 'defend', 'slam', 'blast', 'condemn', 'denounce', 'reject', 'question', 'chastise', 'attack',
  'decry', 'applaud', 'welcome', 'label', 'brand', 'cite', 'thank', 'mock', 'ridicule', 'support', 'oppose',
  'hail', 'laud', 'commend', 'rebuke', 'scold', 'lambaste', 'castigate', 'deride', 'refer to|refer to refers to referred to referring to',
  'call for|call for calls for called for calling for', 'call on|call on calls on called on calling on',
  'talk about|talk about talks about talked about talking about', 'express',
  'back|back backs backed backing', 'cast|cast casts cast casting', 'focus on|focus on focuses on focused on focusing on',
  'vote against|vote against votes against voted against voting against', 'talk up|talk up talks up talked up talking up',
  'look forward to|look forward to looks forward to looked forward to looking forward to',
  'take aim at|take aim at takes aim at took aim at taking aim at', 'take a shot at|take a shot at takes a shot at took a shot at taking a shot at', 'speak about|speak about speaks about spoke about speaking about spoken about',
];

const QUOTE: readonly string[] = [
  'continue', 'laugh', 'exclaim', 'sigh', 'scoff', 'snap|snap snaps snapped snapping', 'quip|quip quips quipped quipping',
  'chant', 'read|read reads read reading', 'put it|put it puts it put it putting it',
];

const DOUBLED = new Set(['prefer', 'pan', 'slam', 'quip', 'snap', 'plan', 'admit', 'regret', 'ban', 'rebut', 'blog', 'chat']);

function regularForms(word: string): string[] {
  const last = word.slice(-1);
  const doubled = DOUBLED.has(word) ? word + last : word;
  const s = /(s|sh|ch|x|z)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  const ed = word.endsWith('e') ? `${word}d` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${doubled}ed`;
  const ing = /[^e]e$/.test(word) ? `${word.slice(0, -1)}ing` : `${doubled}ing`;
  return [word, s, ed, ing];
}

/** Forms of a (possibly multi-word) entry: the verb is the first word; the rest is fixed. */
function formsOf(spec: string): { lemma: string; forms: string[] } {
  const [lemma = '', irregular] = spec.split('|');
  if (irregular) return { lemma, forms: lemma.includes(' ') ? splitMulti(lemma, irregular) : irregular.split(' ') };
  const [verb = '', ...rest] = lemma.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  return { lemma, forms: regularForms(verb).map((f) => f + tail) };
}

/** 'make clear makes clear made clear making clear' with a two-word lemma: group by lemma length. */
function splitMulti(lemma: string, irregular: string): string[] {
  const n = lemma.split(' ').length;
  const words = irregular.split(' ');
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i += n) out.push(words.slice(i, i + n).join(' '));
  return out;
}

function buildIndex(): Map<string, CueEntry> {
  const index = new Map<string, CueEntry>();
  const add = (specs: readonly string[], cls: CueClass) => {
    for (const spec of specs) {
      const { lemma, forms } = formsOf(spec);
      for (const f of forms) if (!index.has(f)) index.set(f, { lemma, cls });
    }
  };
  add(CLAUSE, 'clause');
  add(OBJECT, 'object');
  add(QUOTE, 'quote');
  return index;
}

/** Every cue form (lower case) -> its entry. */
export const CUE_FORMS: ReadonlyMap<string, CueEntry> = buildIndex();

/** All forms as one regex alternation, longest first. */
export const CUE_ALTERNATION: string = [...CUE_FORMS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((f) => f.replace(/ /g, '\\s+'))
  .join('|');

/** One regex over all forms, whole words, case-insensitive. */
export const CUE_REGEX: RegExp = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${CUE_ALTERNATION})(?![\\p{L}\\p{N}-])`, 'giu');

export function cueEntry(form: string): CueEntry | undefined {
  return CUE_FORMS.get(form.toLowerCase().replace(/\s+/g, ' '));
}

/** Auxiliaries and adverbs that may sit between a source and its cue ("has also said", "did not deny"). */
export const AUX = new Set([
  'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should',
  'must', 'did', 'does', 'do', 'been', 'be', 'not', "n't", 'never', 'also', 'further', 'then', 'later', 'again',
  'once', 'previously', 'earlier', 'recently', 'reportedly', 'repeatedly', 'already', 'still', 'even', 'often',
  'always', 'just', 'now', 'first', 'only', 'publicly', 'privately', 'openly', 'flatly', 'strongly', 'quickly',
  'immediately', 'allegedly', 'apparently', 'reported', 'has', "hasn't", "haven't", "didn't", "doesn't", "don't",
  "won't", "wouldn't", "isn't", "wasn't", 'cannot', "can't", 'can’t', "couldn't", 'couldn’t', "shouldn't", 'shouldn’t', 'long', 'ever', 'hasn’t', 'haven’t', 'didn’t', 'doesn’t', 'don’t', 'won’t', 'wouldn’t',
]);

/** Words that cannot end a subject noun phrase right before a verb: a cue after them is a noun or adjective. */
export const NOT_BEFORE_VERB = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'of', 'to',
  'for', 'with', 'by', 'from', 'on', 'in', 'at', 'about', 'such', 'whose',
]);

/** Cues that count only when followed by these words ("appeared to", not "appeared at a rally"). */
export const REQUIRES_NEXT: ReadonlyMap<string, RegExp> = new Map([
  ['seem', /^\s*(?:to|that|as if|as though|like|\w+ly\s+to)\b|^\s*(?:\w+ly\s+)?(?!(?:a|an|the|his|her|their|its|and|or|but|in|on|at|with|for|from|before|after|during|by|of|as|so|to|that|this|it|he|she|they|we)\b)[a-z][a-z-]+\b/],
  ['appear', /^\s*(?:to|that|as if|as though|\w+ly\s+to)\b|^\s*(?:\w+ly\s+)?(?:[a-z-]+(?:ed|ful|ous|ive|ble|ent|ant|ical|less|ish)|weak|strong|ready|likely|unlikely|certain|sure|clear|close|closer|poised|eager|keen|intent|willing|unable|able|confident|content|happy|upset|angry|calm|tired|nervous|uneasy|healthy|frail|vulnerable|isolated|open|set)\b/],
  ['back', /^\s*(?!(?:down|away|off|out|up|by|into|in|to|from|on|at|onto|home)\b)\S/i],
  ['cast', /^\s*(?:\S+\s+){0,5}?as\b/i],
  ['charge', /^\s*(?:that|,|:|“|")/i],
  ['echo', /^\s*(?!(?:with|through|across|around|off|down|in|on)\b)\S/i],
  ['learn', /^\s*(?:that|of|about)\b/i],
  ['consider', /^\s*(?:that|whether|him|her|it|them|the|a|an|\w+ing)\b/i],
  ['view', /^\s*(?:\S+\s+){0,5}?as\b/i],
  ['regard', /^\s*(?:\S+\s+){0,5}?as\b/i],
  ['offer', /^\s*(?:to|a|an|the|his|her|their|no|support|praise|condolences|thoughts)\b/i],
]);
