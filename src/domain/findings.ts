import type { FindingBase, Part } from './finding.js';
import type { Span } from './span.js';

/*
 * The per-article finding kinds, one per stage. Stage name -> kind: entities -> 'entity',
 * dates -> 'date', statements -> 'statement', quantities -> 'quantity', labels -> 'label'.
 * Extend additively: later stages and the store read old findings back.
 */

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** How an entity mention was found or linked to its article-level name. */
export type EntityVia =
  | 'model' // the NER model tagged it
  | 'document' // the same string was tagged elsewhere in the article (document-level consistency)
  | 'acronym' // "Foo Bar Organization (FBO)" or "known as FBO"
  | 'known-as' // "X, known as Y"
  | 'short-form' // "Vell" after "Ana Vell"
  | 'description' // "the Norlandic prime minister" -> the one PER with that title in the article
  | 'pattern'; // a name found by a phrase pattern around it ("the Foo camp", "the camp, known as Foo")

export interface EntityData {
  readonly type: EntityType;
  /** The article-level name this mention refers to (the longest full form in the article). */
  readonly name: string;
  /** The span of the mention that defines `name`, when this mention is a short form or description. */
  readonly antecedent: Span | null;
  readonly via: EntityVia;
  /** Titles and roles attached to a person mention ("Foreign Ministry spokesman", "former Secretary of State"). */
  readonly titles: readonly string[];
  /** Model confidence in [0, 1] when a model made it; 1 for rules. */
  readonly confidence: number;
}
export type EntityFinding = FindingBase<'entity', EntityData>;

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface DateData {
  readonly type: TimexType;
  /** TimeML value: '2022-09-07', '2018-07', '2016', '198X', 'P10Y', 'PAST_REF', 'XXXX-06-20'. */
  readonly value: string;
  /** What the value was resolved against. */
  readonly anchor: 'absolute' | 'publish' | 'event' | 'none';
  /** TimeML mod when the text qualifies the value ('APPROX', 'BEFORE', 'AFTER', 'START', 'END'...). */
  readonly mod: string | null;
  /** For year-less and relative values: how the value was chosen, in words. */
  readonly evidence: string | null;
  /** True when the year could not be determined (value then starts with 'XXXX'). */
  readonly yearUnknown: boolean;
}
export type DateFinding = FindingBase<'date', DateData>;

export interface SpeakerRef {
  /** The resolved name ('Ana Vell'), or the source text when it is not an entity ('the letter', 'experts'). */
  readonly name: string;
  /** The entity mention it was resolved to, when the text supports it. */
  readonly entity: Span | null;
  readonly type: EntityType | 'DOC' | 'GROUP' | null;
  /** How: 'name', 'title', 'pronoun', 'document', 'unresolved'. */
  readonly via: string;
}

export interface StatementData {
  readonly mode: 'direct' | 'indirect' | 'mixed';
  readonly source: Part | null;
  readonly cue: Part | null;
  readonly content: Part;
  readonly speaker: SpeakerRef | null;
  readonly medium: Part | null;
  readonly addressee: Part | null;
}
export type StatementFinding = FindingBase<'statement', StatementData>;

export interface QuantityData {
  /** The point value when one is stated; null for vague quantities ("hundreds"). */
  readonly value: number | null;
  /** The range the wording allows, approximators applied ("more than 2,000" -> [2000, null]). */
  readonly low: number | null;
  readonly high: number | null;
  readonly approximator: string | null;
  readonly vague: boolean;
  /** 'USD', 'EUR', '%', or null for a count. */
  readonly unit: string | null;
  readonly counted: (Part & { readonly lemma: string }) | null;
  /** The entity the counted things belong to ("members of the terror group" -> the group). */
  readonly owner: (Part & { readonly name: string | null }) | null;
}
export type QuantityFinding = FindingBase<'quantity', QuantityData>;

export type LabelForm =
  | 'appositive'
  | 'premodifier'
  | 'predicate'
  | 'description'
  | 'scare-quote'
  | 'so-called'
  | 'alleged';

export interface LabelData {
  /** The entity the label is attached to: its mention and its article-level name. */
  readonly target: Part & { readonly name: string };
  /** The label itself, normalised for tables ('anti-Iran terrorist group'). */
  readonly label: string;
  readonly form: LabelForm;
  /** 'own' = the article's voice; 'quoted' = inside someone else's statement. */
  readonly voice: 'own' | 'quoted';
  readonly quotedSpeaker: string | null;
  /** The label's own span, when it differs from the finding's span. */
  readonly labelSpan: Span;
}
export type LabelFinding = FindingBase<'label', LabelData>;

export type Finding = EntityFinding | DateFinding | StatementFinding | QuantityFinding | LabelFinding;
export type FindingKind = Finding['kind'];
