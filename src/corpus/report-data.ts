import type { Actor, TimelineEntry } from '../domain/corpus.js';
import type { ReportData, ReportStory } from '../report/html.js';
import type { Store } from '../store/store.js';
import { listStories, storyBoard } from './read.js';

export interface ReportLimits {
  /** Stories with a section of their own (largest first); the rest are counted. */
  readonly stories: number;
  readonly timeline: number;
  readonly actors: number;
}

export const REPORT_LIMITS: ReportLimits = { stories: 50, timeline: 300, actors: 100 };

/** What the report shows, read from the store within the limits (the report of a huge corpus stays readable). */
export async function gatherReport(store: Store, limits: ReportLimits = REPORT_LIMITS): Promise<ReportData> {
  const [stats, outlets, stories, timeline, actors, findings] = await Promise.all([
    store.stats(),
    store.listOutlets({ limit: 200 }),
    listStories(store, { limit: limits.stories }),
    store.listCorpusItems('timeline', { limit: limits.timeline }),
    store.listCorpusItems('actor', { limit: limits.actors }),
    store.countFindings(),
  ]);
  const boards: ReportStory[] = [];
  for (const s of stories.items) {
    const board = await storyBoard(store, s.id);
    if (board) boards.push({ ...board, summary: board.story });
  }
  return {
    generatedAt: new Date().toISOString(),
    database: store.location,
    corpus: { articles: stats.articles, outlets: stats.outlets, stories: stories.total, findings: findings.reduce((n, f) => n + f.findings, 0), actors: actors.total },
    outlets: outlets.items,
    stories: boards,
    storiesOmitted: stories.total - boards.length,
    timeline: timeline.items.map((i) => i.data as TimelineEntry),
    timelineOmitted: timeline.total - timeline.items.length,
    actors: actors.items.map((i) => i.data as Actor),
    actorsOmitted: actors.total - actors.items.length,
  };
}
