import type { StoredFinding } from '../../../domain/finding.js';
import type { EntityType } from '../../../domain/findings.js';

/** One article as the claims engine reads it: its text and its stored findings (quantity, statement, entity; date optional). */
export interface ClaimArticleInput {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
  readonly findings: readonly StoredFinding[];
}

/** What the engine asks of the rest of the corpus: actors (aliases stage) and stories (stories stage). */
export interface ClaimContext {
  /** The actor id a name of that type belongs to, or null when none is known. */
  actorOf(name: string, type: EntityType | null): string | null;
  /** The story an article belongs to, or null when it belongs to none. */
  storyOf(articleId: string): string | null;
  /** The display name of an actor, for `measure`. */
  actorName?(actorId: string): string | null;
}
