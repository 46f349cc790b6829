import type { ArticleSummary, Span } from './api.js';

/*
 * Shapes of the cross-article API (stories, actors, claims, quotes, timeline, reuse, labels). The UI knows the
 * API only, so these mirror the JSON the server sends (src/domain/corpus.ts on the server side).
 */

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A pointer to characters of one article: every finding in the UI links to `/article/<articleId>?span=S-E`. */
export interface SourceRef {
  articleId: string;
  outlet: string | null;
  published: string | null;
  span: Span;
  text: string;
  findingId: string | null;
  rule: string;
}

export interface NameKey {
  name: string;
  type: EntityType;
}

export interface MergeEvidence {
  kind: string;
  names: [string, string];
  detail: string;
  sources: SourceRef[];
  score: number;
}

export interface Actor {
  id: string;
  name: string;
  type: EntityType;
  names: { name: string; mentions: number; articles: number }[];
  evidence: MergeEvidence[];
  confidence: number;
  mentions: number;
  articles: { articleId: string; mentions: number }[];
  /** How many articles mention it; `articles` lists the ones that mention it most. */
  articleCount?: number;
  decided: boolean;
}

export interface AliasDecision {
  id: number;
  action: 'merge' | 'split' | 'confirm';
  a: NameKey;
  b: NameKey;
  at: string;
  note: string | null;
}

export interface QuantityClaim {
  source: SourceRef;
  value: number | null;
  low: number | null;
  high: number | null;
  approximator: string | null;
  vague: boolean;
  unit: string | null;
  counted: string | null;
  owner: string | null;
  ownerActor: string | null;
  speaker: string | null;
  sentence: string;
}

export interface ClaimGroup {
  id: string;
  story: string | null;
  measure: string;
  counted: string | null;
  ownerActor: string | null;
  unit: string | null;
  claims: QuantityClaim[];
  conflict: boolean;
  spread: { low: number | null; high: number | null };
  why: string;
}

export interface QuotedStatement {
  source: SourceRef;
  mode: 'direct' | 'indirect' | 'mixed';
  speaker: string | null;
  speakerActor: string | null;
  content: string;
  /** The reporting verb phrase ('told reporters', 'according to'), when the statement has one. */
  cue?: string | null;
}

export interface QuoteGroup {
  id: string;
  story: string | null;
  statements: QuotedStatement[];
  similarity: number;
  wordingDiffers: boolean;
  speakersDiffer: boolean;
}

export interface TimelineEntry {
  id: string;
  story: string | null;
  date: string;
  start: string;
  end: string;
  event: string;
  sources: { source: SourceRef; value: string; sentence: string }[];
  conflict: boolean;
  dates: string[];
}

export interface StorySummary {
  id: string;
  title: string | null;
  articles: string[];
  outlets: (string | null)[];
  language: string | null;
  first: string | null;
  last: string | null;
  terms: string[];
  conflicts: number;
  reuse: number;
  timeline: number;
}

export interface LabelRow {
  outlet: string | null;
  actorId: string | null;
  actor: string;
  label: string;
  form: string;
  voice: 'own' | 'quoted';
  quotedSpeaker: string | null;
  source: SourceRef;
}

export interface ReuseSide {
  articleId: string;
  span: Span;
  text: string;
}

export interface AlignmentOp {
  op: 'same' | 'substitute' | 'insert' | 'delete';
  a: Span | null;
  b: Span | null;
}

export interface ReusePair {
  a: ReuseSide;
  b: ReuseSide;
  similarity: number;
  kind: 'verbatim' | 'edited';
  words: { a: number; b: number; same: number };
  alignment: AlignmentOp[];
  direction: { earlier: string | null; basis: 'publish-date' | 'unknown' };
  rule: string;
}

export interface StoryExplanation {
  story: { id: string; articles: string[]; language: string | null; first: string | null; last: string | null };
  articles: { id: string; score: number | null; parts: Record<string, unknown> | null }[];
  actors: { name: string; articles: string[] }[];
  dates: { value: string; articles: string[] }[];
  passages: { a: string; b: string; words: number }[];
  terms: { term: string; weight: number; articles: string[] }[];
}

/**
 * Everything found about one story. Claim groups, quote groups, copied passages and timeline entries are those that
 * involve any article of the story, also those that reach other stories (a group whose `story` is another story or
 * null: corpus-wide); statements and labels are the story's own.
 */
export interface StoryBoard {
  story: StorySummary;
  explanation: StoryExplanation | null;
  articles: ArticleSummary[];
  statements: QuotedStatement[];
  claims: ClaimGroup[];
  quotes: QuoteGroup[];
  reuse: ReusePair[];
  timeline: TimelineEntry[];
  labels: LabelRow[];
}

export interface ActorMentions {
  outlet: string | null;
  /** 'YYYY-MM' or 'undated'. */
  bucket: string;
  mentions: number;
}

export interface ActorView {
  actor: Actor;
  mentions: ActorMentions[];
  statementsBy: QuotedStatement[];
  statementsAbout: QuotedStatement[];
  labels: LabelRow[];
  stories: StorySummary[];
}

/** Where a source pointer leads: the article, with its characters marked. */
export function refHref(ref: { articleId: string; span: Span }): string {
  return `/article/${encodeURIComponent(ref.articleId)}?span=${ref.span.start}-${ref.span.end}`;
}

export const storyHref = (id: string) => `/story/${encodeURIComponent(id)}`;
export const actorHref = (id: string) => `/actor/${encodeURIComponent(id)}`;
