/**
 * `npm run eval:time`: TempEval-3 Task A (temporal expressions) on ../shared/bench-data/tempeval3.
 * Our `dates` extraction and chrono-node alone, on the same raw text with the document creation time as the
 * reference date, in the same run. Tune on train/ (TBAQ-cleaned), report on test/ (platinum).
 *
 *   npm run eval:time                 tables for both splits
 *   npm run eval:time -- --json       ... and one JSON object of the figures as the last line
 *   npm run eval:time -- --errors=train   print our misses / false alarms / wrong values on train (tuning aid)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { printReport, progress, progressDone, type ReportTable } from '../bench/report.js';
import { extractDates } from '../src/analyze/dates/extract.js';
import { refFromPublished, type Ref } from '../src/analyze/dates/candidate.js';
import { BENCH_DIR, HAS_SHARED, SHARED_MISSING } from '../test/support/shared.js';
import { readTimemlDir, type GoldTimex, type TimemlDoc } from './timeml.js';

interface SysTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
}

export interface TimexScores {
  gold: number;
  system: number;
  strictMatched: number;
  relaxedMatched: number;
  valueCorrect: number;
  typeCorrect: number;
  /** Matched gold DATE/TIME timexes, and those with the right value (comparable with date-only systems). */
  dateTimeMatched: number;
  dateTimeValueCorrect: number;
}

const empty = (): TimexScores => ({ gold: 0, system: 0, strictMatched: 0, relaxedMatched: 0, valueCorrect: 0, typeCorrect: 0, dateTimeMatched: 0, dateTimeValueCorrect: 0 });

function refFromDct(dct: string): Ref | null {
  const day = dct.slice(0, 10);
  return refFromPublished({ value: day, precision: 'day', source: 'input', utcOffset: null, raw: dct });
}

/** Normalise values the way the TE3 scorer compares them (case, trailing zero time parts). */
function normValue(v: string): string {
  return v.trim().toUpperCase();
}

/** One-to-one alignment: each gold timex with the first unused system timex overlapping it (exact ones first). */
export function scoreDoc(gold: readonly GoldTimex[], sys: readonly SysTimex[], s: TimexScores, errors?: string[], text = ''): void {
  const ctx = (a: number, b: number): string => (text ? `\t${JSON.stringify(text.slice(Math.max(0, a - 70), b + 40).replace(/\s+/g, ' '))}` : '');
  s.gold += gold.length;
  s.system += sys.length;
  const used = new Set<number>();
  const pair = new Map<number, number>();
  gold.forEach((g, gi) => {
    const exact = sys.findIndex((x, i) => !used.has(i) && x.start === g.start && x.end === g.end);
    if (exact >= 0) {
      used.add(exact);
      pair.set(gi, exact);
      s.strictMatched++;
    }
  });
  gold.forEach((g, gi) => {
    if (pair.has(gi)) return;
    const i = sys.findIndex((x, k) => !used.has(k) && x.start < g.end && g.start < x.end);
    if (i >= 0) {
      used.add(i);
      pair.set(gi, i);
    }
  });
  gold.forEach((g, gi) => {
    const i = pair.get(gi);
    if (i === undefined) {
      errors?.push(`MISS\t${g.type}\t${g.value}\t${JSON.stringify(g.text)}${ctx(g.start, g.end)}`);
      return;
    }
    const x = sys[i];
    if (!x) return;
    s.relaxedMatched++;
    const valueOk = normValue(x.value) === normValue(g.value);
    if (g.type === 'DATE' || g.type === 'TIME') {
      s.dateTimeMatched++;
      if (valueOk) s.dateTimeValueCorrect++;
    }
    if (valueOk) s.valueCorrect++;
    else errors?.push(`VALUE\t${g.type}\t${g.value}\t${JSON.stringify(g.text)}\tgot ${x.type} ${x.value} ${JSON.stringify(x.text)}${ctx(g.start, g.end)}`);
    if (x.type === g.type) s.typeCorrect++;
    else errors?.push(`TYPE\t${g.type}\t${g.value}\t${JSON.stringify(g.text)}\tgot ${x.type}`);
  });
  sys.forEach((x, i) => {
    if (!used.has(i)) errors?.push(`FALSE\t${x.type}\t${x.value}\t${JSON.stringify(x.text)}${ctx(x.start, x.end)}`);
  });
}

export function figures(s: TimexScores): Record<string, number> {
  const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const sp = s.system ? s.strictMatched / s.system : 0;
  const sr = s.gold ? s.strictMatched / s.gold : 0;
  const rp = s.system ? s.relaxedMatched / s.system : 0;
  const rr = s.gold ? s.relaxedMatched / s.gold : 0;
  const valueAcc = s.relaxedMatched ? s.valueCorrect / s.relaxedMatched : 0;
  const typeAcc = s.relaxedMatched ? s.typeCorrect / s.relaxedMatched : 0;
  const relaxedF1 = f1(rp, rr);
  return {
    gold: s.gold,
    system: s.system,
    strictP: sp,
    strictR: sr,
    strictF1: f1(sp, sr),
    relaxedP: rp,
    relaxedR: rr,
    relaxedF1,
    valueAccuracy: valueAcc,
    valueF1: relaxedF1 * valueAcc,
    typeAccuracy: typeAcc,
    dateTimeValueAccuracy: s.dateTimeMatched ? s.dateTimeValueCorrect / s.dateTimeMatched : 0,
    typeF1: relaxedF1 * typeAcc,
  };
}

function ours(doc: TimemlDoc): SysTimex[] {
  return extractDates(doc.text, refFromDct(doc.dct)).map((f) => ({ start: f.span.start, end: f.span.end, text: f.text, type: f.data.type, value: f.data.value }));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** chrono-node alone, with the smallest mapping to TimeML: the granularity of its known components. */
export function chronoToTimex(r: ParsedResult): SysTimex {
  const c = r.start;
  const d = c.date();
  const y = d.getUTCFullYear();
  const ymd = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  let type = 'DATE';
  let value: string;
  if (c.isCertain('hour')) {
    type = 'TIME';
    value = `${ymd}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  } else if (c.isCertain('day') || c.isCertain('weekday')) value = ymd;
  else if (c.isCertain('month')) value = `${y}-${pad(d.getUTCMonth() + 1)}`;
  else if (c.isCertain('year')) value = String(y);
  else value = ymd;
  return { start: r.index, end: r.index + r.text.length, text: r.text, type, value };
}

function chronoAlone(doc: TimemlDoc): SysTimex[] {
  const ref = refFromDct(doc.dct);
  const instant = ref ? new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d ?? 1, 12)) : new Date(Date.UTC(2000, 0, 1));
  return chrono.casual.parse(doc.text, { instant, timezone: 0 }).map(chronoToTimex);
}

function main(): void {
  if (!HAS_SHARED) {
    process.stderr.write(`${SHARED_MISSING}\n`);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const errorsFor = argv.find((a) => a.startsWith('--errors='))?.slice('--errors='.length) ?? null;
  const root = join(BENCH_DIR, 'tempeval3');
  const splits = [
    { name: 'train', role: 'tuning', docs: readTimemlDir(join(root, 'train')) },
    { name: 'test', role: 'REPORTING (platinum)', docs: readTimemlDir(join(root, 'test')) },
  ];
  const out: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];
  const fmt = (x: unknown): string => (typeof x === 'number' ? x.toFixed(3) : String(x));
  for (const split of splits) {
    const mine = empty();
    const base = empty();
    const errors: string[] = [];
    split.docs.forEach((doc, i) => {
      progress(`${split.name} ${i + 1}/${split.docs.length}`);
      scoreDoc(doc.timexes, ours(doc), mine, errorsFor === split.name ? errors : undefined, `${doc.dct} ${doc.text}`.slice(doc.dct.length + 1) && doc.text);
      if (errorsFor === split.name) errors.push(`DOC\t${doc.id}\t${doc.dct}`);
      scoreDoc(doc.timexes, chronoAlone(doc), base);
    });
    progressDone();
    if (errors.length) process.stdout.write(`${errors.join('\n')}\n`);
    for (const [system, s] of [
      ['triangulate dates', mine],
      ['chrono-node alone', base],
    ] as const) {
      const f = figures(s);
      out[`${split.name}.${system === 'chrono-node alone' ? 'chrono' : 'ours'}`] = f;
      rows.push([split.name, split.role, system, f.gold ?? 0, f.system ?? 0, fmt(f.strictF1), fmt(f.relaxedP), fmt(f.relaxedR), fmt(f.relaxedF1), fmt(f.valueAccuracy), fmt(f.valueF1), fmt(f.typeAccuracy), fmt(f.dateTimeValueAccuracy)]);
    }
  }
  const tables: ReportTable[] = [
    {
      title: 'TempEval-3 Task A (TIMEX3), DCT given. Tune on train; the reporting split is test (platinum, 20 docs). Value F1 = relaxed F1 x value accuracy. Published on test: HeidelTime 0.776, SUTime 0.674.',
      header: ['split', 'role', 'system', 'gold', 'found', 'strict F1', 'relaxed P', 'relaxed R', 'relaxed F1', 'value acc', 'value F1', 'type acc', 'DATE/TIME value acc'],
      rows,
    },
  ];
  printReport(tables, out, argv);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
