import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { writeCorpus } from './generate.js';
import type { ReportTable } from './report.js';

/**
 * Ingest throughput and peak memory on generated HTML and text articles, three ways, each in its own
 * process so that peak RSS is its own:
 *   bare    the extraction library alone: linkedom + Readability.js on each HTML page, a plain read of each text file
 *   readers our readers (decode, extract, metadata, publish date, dateline, language), without storing
 *   ingest  the whole `triangulate ingest` into a fresh SQLite file (transactions, full-text index)
 */
type Mode = 'bare' | 'readers' | 'ingest';

interface ChildResult {
  mode: Mode;
  articles: number;
  seconds: number;
  maxRssMiB: number;
}

async function child(mode: Mode, dir: string): Promise<ChildResult> {
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  // Code is loaded (and, under tsx, compiled) before the clock starts: a one-time cost, not throughput.
  const { READERS } = await import('../src/ingest/readers.js');
  const { openSourceFile } = await import('../src/ingest/files.js');
  const { finishArticle, pickReader } = await import('../src/ingest/ingest.js');
  const { Triangulate } = await import('../src/service.js');
  await (await import('../src/ingest/language.js')).prepareLanguageDetector();
  const t0 = process.hrtime.bigint();
  let articles = 0;
  if (mode === 'bare') {
    for (const f of files) {
      const data = readFileSync(f);
      if (f.endsWith('.html')) {
        const { document } = parseHTML(data.toString('utf8'));
        if (new Readability(document as unknown as Document).parse()) articles++;
      } else if (data.toString('utf8').length > 0) articles++;
    }
  } else if (mode === 'readers') {
    for (const f of files) {
      const file = await openSourceFile(f, f, 64 * 2 ** 20);
      const reader = pickReader(READERS, file.path, file.head)!;
      for await (const item of reader.read(file, { maxBytes: 64 * 2 ** 20, fieldMap: {} })) if (item.kind === 'article' && finishArticle(item.draft)) articles++;
    }
  } else {
    const db = join(dir, '..', 'bench.db');
    rmSync(db, { force: true });
    const t = Triangulate.open(db);
    const s = await t.ingest([dir], { cwd: dir });
    articles = s.counts.new;
    await t.close();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mode, articles, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function runChild(mode: Mode, dir: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

export async function benchIngest(n = 10_000, rounds = 2): Promise<{ tables: ReportTable[]; figures: Record<string, number> }> {
  const root = mkdtempSync(join(tmpdir(), 'tri-bench-ingest-'));
  try {
    const dir = join(root, 'corpus');
    writeCorpus(dir, n);
    // Rounds alternate the three runs and keep each one's fastest, so that load from other processes
    // during one run does not decide the ratio.
    const modes = ['bare', 'readers', 'ingest'] as const;
    const best = new Map<Mode, ChildResult>();
    for (let round = 0; round < rounds; round++) {
      for (const m of modes) {
        const r = runChild(m, dir);
        const prev = best.get(m);
        if (!prev || r.seconds < prev.seconds) best.set(m, r);
      }
    }
    const results = modes.map((m) => best.get(m)!);
    const bare = results[0]!;
    const rows = results.map((r) => [r.mode, r.articles, r.seconds, Math.round(r.articles / r.seconds), Math.round(r.maxRssMiB), r.seconds / bare.seconds]);
    const figures: Record<string, number> = { ingest_articles: n };
    for (const r of results) {
      figures[`ingest_${r.mode}_articles_per_s`] = Math.round(r.articles / r.seconds);
      figures[`ingest_${r.mode}_peak_rss_mib`] = Math.round(r.maxRssMiB);
    }
    figures.ingest_time_ratio_vs_bare_extractor = results[2]!.seconds / bare.seconds;
    figures.readers_time_ratio_vs_bare_extractor = results[1]!.seconds / bare.seconds;
    return {
      tables: [
        {
          title: `Ingest: ${n.toLocaleString('en-US')} generated articles (half HTML, half text), one process each, best of ${rounds} rounds (target: ingest within 1.5x of the bare extractor)`,
          header: ['run', 'articles', 'seconds', 'articles/s', 'peak RSS MiB', 'time vs bare'],
          rows,
        },
      ],
      figures,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3] as Mode, process.argv[4]!).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
