import type { Published, PublishedPrecision, PublishedSource } from '../domain/article.js';

/*
 * Publish-date strings as pages, feeds and pasted text write them, read into a `Published`. The value keeps
 * the wall-clock time as written (no conversion to UTC) and the stated offset beside it. Anything that is
 * not clearly one date returns null: relative dates ("2 hours ago"), ambiguous 03/04/2022, two-digit
 * years, stray words. Order: unix timestamp, ISO 8601, CJK forms, then a token reader for everything with
 * month names or numeric separators.
 */

export interface ParsePublishedOptions {
  /** Year to use when the string has day and month but no year (e.g. taken from the URL or the feed). */
  readonly hintYear?: number;
  /** How to read an ambiguous 03/04/2022 (both parts <= 12): 'dmy', 'mdy', or null (the default). */
  readonly slashOrder?: 'dmy' | 'mdy';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_INPUT = 200;

/** Month names and abbreviations, in English, Portuguese, Spanish, French, German, Italian, Dutch, Russian, Ukrainian, Polish, Turkish, Romanian, Arabic (Persian months are below). */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'janeiro', 'enero', 'ene', 'janvier', 'janv', 'januar', 'jänner', 'jän', 'gennaio', 'gen', 'januari', 'январь', 'января', 'янв', 'січень', 'січня', 'stycznia', 'styczeń', 'ocak', 'ianuarie', 'ian', 'يناير', 'كانون الثاني'],
  ['february', 'feb', 'febr', 'fevereiro', 'fev', 'febrero', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'februar', 'febbraio', 'februari', 'февраль', 'февраля', 'фев', 'февр', 'лютий', 'лютого', 'lutego', 'luty', 'şubat', 'subat', 'februarie', 'فبراير', 'شباط'],
  ['march', 'mar', 'março', 'marco', 'marzo', 'mars', 'märz', 'maerz', 'mär', 'mrz', 'maart', 'mrt', 'март', 'марта', 'мар', 'березень', 'березня', 'marca', 'marzec', 'mart', 'martie', 'مارس', 'آذار', 'اذار'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile', 'апрель', 'апреля', 'апр', 'квітень', 'квітня', 'kwietnia', 'kwiecień', 'nisan', 'aprilie', 'أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['may', 'maio', 'mayo', 'mai', 'maggio', 'mag', 'mei', 'май', 'мая', 'травень', 'травня', 'maja', 'maj', 'mayıs', 'mayis', 'mai', 'مايو', 'أيار', 'ايار'],
  ['june', 'jun', 'junho', 'junio', 'juin', 'juni', 'giugno', 'giu', 'июнь', 'июня', 'июн', 'червень', 'червня', 'czerwca', 'czerwiec', 'haziran', 'iunie', 'يونيو', 'يونيه', 'حزيران'],
  ['july', 'jul', 'julho', 'julio', 'juillet', 'juil', 'juli', 'luglio', 'lug', 'июль', 'июля', 'июл', 'липень', 'липня', 'lipca', 'lipiec', 'temmuz', 'iulie', 'يوليو', 'يوليه', 'تموز'],
  ['august', 'aug', 'agosto', 'ago', 'août', 'aout', 'augustus', 'август', 'августа', 'авг', 'серпень', 'серпня', 'sierpnia', 'sierpień', 'ağustos', 'agustos', 'أغسطس', 'اغسطس', 'آب'],
  ['september', 'sep', 'sept', 'setembro', 'set', 'septiembre', 'setiembre', 'septembre', 'settembre', 'сентябрь', 'сентября', 'сен', 'сент', 'вересень', 'вересня', 'września', 'wrzesień', 'eylül', 'eylul', 'septembrie', 'سبتمبر', 'أيلول', 'ايلول'],
  ['october', 'oct', 'outubro', 'out', 'octubre', 'octobre', 'oktober', 'okt', 'ottobre', 'ott', 'октябрь', 'октября', 'окт', 'жовтень', 'жовтня', 'października', 'październik', 'ekim', 'octombrie', 'أكتوبر', 'اكتوبر', 'تشرين الأول'],
  ['november', 'nov', 'novembro', 'noviembre', 'novembre', 'ноябрь', 'ноября', 'ноя', 'нояб', 'листопад', 'листопада', 'listopada', 'kasım', 'kasim', 'noiembrie', 'نوفمبر', 'تشرين الثاني'],
  ['december', 'dec', 'dezembro', 'dez', 'diciembre', 'dic', 'décembre', 'decembre', 'déc', 'dezember', 'dicembre', 'декабрь', 'декабря', 'дек', 'грудень', 'грудня', 'grudnia', 'grudzień', 'aralık', 'aralik', 'decembrie', 'ديسمبر', 'كانون الأول'],
];

const MONTHS = new Map<string, number>();
/** Two-word month names ('كانون الثاني'), joined by '_' before tokenising. */
const MULTIWORD_MONTHS: string[] = [];
MONTH_WORDS.forEach((words, i) =>
  words.forEach((w) => {
    if (w.includes(' ')) MULTIWORD_MONTHS.push(w);
    MONTHS.set(w.replace(/ /g, '_'), i + 1);
  }),
);

/** Solar Hijri (Persian calendar) months; dates written with them are converted to the Gregorian calendar. */
const PERSIAN_MONTHS = new Map<string, number>(
  ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'].map((w, i) => [w, i + 1]),
);
PERSIAN_MONTHS.set('امرداد', 5);

/** Arabic letter forms and zero-width non-joiners folded to the Persian spelling. */
const foldPersian = (w: string): string => w.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200c/g, '');

/** Weekday names and abbreviations: skipped. Some abbreviations are also months ('mar' = martes / marzo). */
const WEEKDAYS = new Set(
  (
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun ' +
    'segunda-feira segunda seg terça-feira terca-feira terça terca ter quarta-feira quarta qua quinta-feira quinta qui sexta-feira sexta sex sábado sabado sáb sab domingo dom ' +
    'lunes lun martes mar miércoles miercoles mié mie jueves jue viernes vie ' +
    'lundi mardi mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim ' +
    'montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonnabend sonntag so ' +
    'lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi gio venerdì venerdi sabato domenica ' +
    'понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ' +
    'poniedziałek wtorek środa czwartek piątek sobota niedziela ' +
    'pazartesi salı çarşamba perşembe cuma cumartesi pazar ' +
    'luni marți marti miercuri joi vineri sâmbătă sambata duminică duminica ' +
    'الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت ' +
    'شنبه یکشنبه دوشنبه سهشنبه چهارشنبه پنجشنبه جمعه'
  ).split(' '),
);

/** Words that may sit between the parts of a date ("7 de setembro de 2018 às 19:42", "le 7 septembre"). */
const FILLERS = new Set(
  (
    'of the at on de del do da em às as a à las los le la el am um alle ore il h uhr г года год в o ' +
    'published posted publicado publicada publié publiée veröffentlicht pubblicato опубликовано date ' +
    'hrs hr et et. utc. - — – | • · / , . on: at: ' +
    'تم نشر نشره نشرت في بتاريخ الساعة ساعت تاریخ انتشار در سه'
  ).split(' '),
);

/** Named zones with a single well-known offset (minutes). Ambiguous ones (IST, ET = EST or EDT) are accepted with no offset. */
const ZONES: Readonly<Record<string, number | null>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
  ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, west: 60, wat: 60, cat: 120, eat: 180, sast: 120,
  et: null, ct: null, mt: null, pt: null,
  msk: 180, irst: 210, irdt: 270, pkt: 300, ist: null, npt: 345, ict: 420, wib: 420, hkt: 480, sgt: 480, awst: 480, pht: 480,
  jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780, brt: -180, art: -180, clt: -240,
};

interface Parts {
  year: number;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  offset: number | null;
}

/**
 * Read one publish-date string. Returns null for anything that is not clearly one date (never guesses).
 * Never throws.
 */
export function parsePublished(raw: string, source: PublishedSource, opts: ParsePublishedOptions = {}): Published | null {
  try {
    const parts = readParts(raw, opts);
    if (!parts || !valid(parts)) return null;
    return build(parts, source, raw);
  } catch {
    return null;
  }
}

function readParts(raw: string, opts: ParsePublishedOptions): Parts | null {
  if (typeof raw !== 'string' || raw.length > MAX_INPUT) return null;
  let s = foldDigits(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  // A leading label without digits: "Publish Date : ...", "Published:".
  s = s.replace(/^[^\d:]{1,40}?\s?:\s(?=.*\d)/u, '').trim();
  if (s === '') return null;
  return readUnix(s) ?? readIso(s) ?? readCjk(s) ?? readTokens(s, opts);
}

/** Arabic-Indic and Persian digits to ASCII. */
function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
}

function readUnix(s: string): Parts | null {
  const m = /^(\d{9,10}|\d{12,13})(?:\.\d+)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const ms = m[1]!.length >= 12 ? n : n * 1000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1995 || y > MAX_YEAR) return null;
  return { year: y, month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset: 0 };
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;
const ISO_COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function readIso(s: string): Parts | null {
  const m = ISO.exec(s) ?? ISO_COMPACT.exec(s);
  if (!m) return null;
  const offset = m[7] ? offsetOf(m[7]) : null;
  if (m[7] && offset === null && !/^ist$/i.test(m[7])) return null;
  return {
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : null,
    day: m[3] ? Number(m[3]) : null,
    hour: m[4] ? Number(m[4]) : null,
    minute: m[5] ? Number(m[5]) : null,
    offset,
  };
}

/** '+03:30' / '-0300' / '+03' / 'Z' -> minutes. */
function offsetOf(z: string): number | null {
  const lower = z.toLowerCase();
  if (lower in ZONES) return ZONES[lower] ?? null;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const h = Number(m[2]);
  const min = m[3] ? Number(m[3]) : 0;
  if (h > 14 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** 2022年9月7日 21:25 (Chinese, Japanese) and 2022년 9월 7일 (Korean). */
function readCjk(s: string): Parts | null {
  const m = /^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]?(.*)$/.exec(s);
  if (!m) return null;
  const rest = m[4]!.replace(/[()（）]|[月火水木金土日]曜日?|[월화수목금토일]요일/g, ' ').trim();
  const t = rest === '' ? null : readTime(rest);
  if (rest !== '' && (!t || t.rest.trim() !== '')) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: t?.hour ?? null, minute: t?.minute ?? null, offset: t?.offset ?? null };
}

interface TimeRead {
  hour: number;
  minute: number;
  offset: number | null;
  rest: string;
}

const TIME =
  /(?<![\d.:])(\d{1,2})(?::|h|ч\.?\s?)(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s?([ap])\.?\s?m\b\.?|\s?(مساءً|مساء|م|صباحاً|صباحا|ص)(?![\p{L}\p{M}]))?/iu;
const AFTER_TIME_OFFSET = /^\s?\(?(?:(?:gmt|utc|ut)\s?)?([+-]\d{1,2}(?::?\d{2})?)(?!\d)\)?/i;

/** Finds one clock time (and the offset right after it); returns what is left of the string. */
function readTime(s: string): TimeRead | null {
  const m = TIME.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const meridiem = m[4]?.toLowerCase() ?? (m[5] ? (m[5].startsWith('م') ? 'p' : 'a') : null);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  let after = s.slice(m.index + m[0].length);
  let offset: number | null = null;
  const o = AFTER_TIME_OFFSET.exec(after);
  if (o) {
    offset = offsetOf(o[1]!);
    if (offset === null) return null;
    after = after.slice(o[0].length);
  }
  return { hour, minute, offset, rest: `${s.slice(0, m.index)} ${after}` };
}

function readTokens(s: string, opts: ParsePublishedOptions): Parts | null {
  let rest = s.toLowerCase();
  let hour: number | null = null;
  let minute: number | null = null;
  let offset: number | null = null;
  const t = readTime(rest);
  if (t) {
    ({ hour, minute, offset } = t);
    rest = t.rest;
  }
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;

  // Numeric dates: 2022-09-07, 2022/9/7, 7.9.2022, 07-09-2022, 09/07/2022.
  const ymd = /(?<![\d.\/-])(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})(?![\d\/-]|\.\d)\.?/.exec(rest);
  const dmy = ymd ? null : /(?<![\d.\/-])(\d{1,2})([-\/.])(\d{1,2})\2(\d{4})(?![\d\/-]|\.\d)/.exec(rest);
  if (ymd) {
    year = Number(ymd[1]);
    month = Number(ymd[3]);
    day = Number(ymd[4]);
    rest = rest.replace(ymd[0], ' ');
  } else if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[3]);
    year = Number(dmy[4]);
    let order: 'dmy' | 'mdy' | null = dmy[2] === '/' ? null : 'dmy';
    if (order === null) {
      if (a > 12 && b <= 12) order = 'dmy';
      else if (b > 12 && a <= 12) order = 'mdy';
      else if (a === b) order = 'dmy';
      else order = opts.slashOrder ?? null;
    }
    if (order === null) return null;
    [day, month] = order === 'dmy' ? [a, b] : [b, a];
    rest = rest.replace(dmy[0], ' ');
  }

  for (const w of MULTIWORD_MONTHS) if (rest.includes(w)) rest = rest.replace(w, w.replace(/ /g, '_'));
  const numbers: number[] = [];
  const monthCandidates: { month: number; weekdayToo: boolean; persian: boolean }[] = [];
  for (const token of rest.split(/[\s,|•·()\[\]،]+/)) {
    const word = token.replace(/^[-–—.:/]+|[-–—.:/]+$/g, '');
    if (word === '') continue;
    const num = /^(\d{1,4})(?:st|nd|rd|th|er|e|º|ª|°|-го|го)?$/.exec(word);
    if (num) {
      numbers.push(Number(num[1]));
      continue;
    }
    const m = MONTHS.get(word) ?? MONTHS.get(word.replace(/\.$/, ''));
    if (m !== undefined) {
      monthCandidates.push({ month: m, weekdayToo: WEEKDAYS.has(word), persian: false });
      continue;
    }
    const persian = foldPersian(word);
    const pm = PERSIAN_MONTHS.get(persian);
    if (pm !== undefined) {
      monthCandidates.push({ month: pm, weekdayToo: false, persian: true });
      continue;
    }
    if (WEEKDAYS.has(word) || FILLERS.has(word) || WEEKDAYS.has(persian) || FILLERS.has(persian)) continue;
    if (word in ZONES) {
      if (offset === null) offset = ZONES[word] ?? null;
      continue;
    }
    const zoneOffset = /^(?:gmt|utc)([+-]\d{1,2}(?::?\d{2})?)$/.exec(word);
    if (zoneOffset) {
      offset = offsetOf(zoneOffset[1]!);
      continue;
    }
    return null; // an unknown word: not clearly a date
  }

  if (month === null) {
    let named = monthCandidates.length > 1 ? monthCandidates.filter((c) => !c.weekdayToo) : monthCandidates;
    // "نيسان / أبريل": two names of one month.
    if (named.length > 1 && named.every((c) => c.month === named[0]!.month)) named = named.slice(0, 1);
    if (named.length !== 1) return null;
    month = named[0]!.month;
    const years = numbers.filter((n) => n >= 1000);
    const days = numbers.filter((n) => n < 1000);
    if (years.length > 1 || days.length > 1) return null;
    if (days.length === 1 && days[0]! > 31) return null;
    year = years[0] ?? null;
    day = days[0] ?? null;
    if (named[0]!.persian) {
      if (year === null || day === null) return null;
      const g = gregorianFromPersian(year, month, day);
      if (!g) return null;
      return { ...g, hour, minute, offset };
    }
    if (year === null) {
      if (day === null || opts.hintYear === undefined) return null;
      year = opts.hintYear;
    }
  } else if (numbers.length > 0 || monthCandidates.length > 0) {
    return null;
  }
  if (year === null) return null;
  if (day === null && hour !== null) return null;
  return { year, month, day, hour, minute, offset };
}

/** Leap years of the Solar Hijri calendar, by the 33-year arithmetic rule (exact for 1300-1500). */
function persianLeap(year: number): boolean {
  return (((25 * year + 11) % 33) + 33) % 33 < 8;
}

/** 1 Farvardin 1400 fell on 21 March 2021: days are counted from there. */
const PERSIAN_ANCHOR = { year: 1400, utc: Date.UTC(2021, 2, 21) };

/** A Solar Hijri date (years 1300-1500) in the Gregorian calendar; null when the date does not exist. */
export function gregorianFromPersian(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (year < 1300 || year > 1500 || month < 1 || month > 12 || day < 1) return null;
  const length = month <= 6 ? 31 : month <= 11 ? 30 : persianLeap(year) ? 30 : 29;
  if (day > length) return null;
  let days = 0;
  for (let y = PERSIAN_ANCHOR.year; y < year; y++) days += persianLeap(y) ? 366 : 365;
  for (let y = year; y < PERSIAN_ANCHOR.year; y++) days -= persianLeap(y) ? 366 : 365;
  days += month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  days += day - 1;
  const d = new Date(PERSIAN_ANCHOR.utc + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(p: Parts): boolean {
  if (!Number.isInteger(p.year) || p.year < MIN_YEAR || p.year > MAX_YEAR) return false;
  if (p.month !== null && (p.month < 1 || p.month > 12)) return false;
  if (p.day !== null && (p.month === null || p.day < 1 || p.day > daysIn(p.year, p.month))) return false;
  if (p.hour !== null && (p.day === null || p.hour > 23 || p.minute === null || p.minute > 59)) return false;
  return true;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function build(p: Parts, source: PublishedSource, raw: string): Published {
  let value = String(p.year);
  let precision: PublishedPrecision = 'year';
  if (p.month !== null) {
    value += `-${pad(p.month)}`;
    precision = 'month';
  }
  if (p.day !== null) {
    value += `-${pad(p.day)}`;
    precision = 'day';
  }
  if (p.hour !== null && p.minute !== null) {
    value += `T${pad(p.hour)}:${pad(p.minute)}`;
    precision = 'minute';
  }
  return { value, precision, source, utcOffset: precision === 'minute' ? p.offset : null, raw };
}

/**
 * The date a URL path carries: /2022/09/07/, /2022-09-07-slug, /20220907/, /2022/09/ (month precision).
 * Only the path is read (never the host), and only plausible dates.
 */
export function publishedFromUrl(url: string): Published | null {
  try {
    let path = url;
    try {
      path = new URL(url).pathname;
    } catch {
      path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    }
    const patterns: readonly [RegExp, PublishedPrecision][] = [
      [/(?<![\d])((?:19|20)\d{2})[\/_-]([01]?\d)[\/_-]([0-3]?\d)(?![\d])/, 'day'],
      [/(?<![\d])((?:19|20)\d{2})([01]\d)([0-3]\d)(?![\d])/, 'day'],
      [/\/((?:19|20)\d{2})\/([01]?\d)(?:\/|$)/, 'month'],
    ];
    for (const [re, precision] of patterns) {
      const m = re.exec(path);
      if (!m) continue;
      const parts: Parts = {
        year: Number(m[1]),
        month: Number(m[2]),
        day: precision === 'day' ? Number(m[3]) : null,
        hour: null,
        minute: null,
        offset: null,
      };
      if (valid(parts)) return build(parts, 'url', url);
    }
    return null;
  } catch {
    return null;
  }
}

/** The UTC instant of a minute-precision value with a known offset, for comparisons; null otherwise. */
export function publishedInstant(p: Published): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(p.value);
  if (!m || p.utcOffset === null) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) - p.utcOffset * 60_000;
}
