import { describe, expect, it } from 'vitest';
import type { Actor, AliasDecision } from '../../../domain/corpus.js';
import type { EntityType } from '../../../domain/findings.js';
import { AliasIndex } from './index.js';
import { marked } from './test-support.js';

let nextId = 1;
const decide = (action: AliasDecision['action'], a: string, b: string, type: EntityType = 'PER'): AliasDecision => ({
  id: nextId++,
  action,
  a: { name: a, type },
  b: { name: b, type },
  at: '2026-01-01T00:00:00Z',
  note: null,
});

const CORPUS = [
  marked('a0', '[[Ana Vell|PER]] met [[Bo Tann|PER]] and the [[Foo Bar Organization|ORG]] ([[FBO|ORG|acronym|Foo Bar Organization]]).'),
  marked('a1', '[[Vell|PER]] said [[FBO|ORG]] left. [[Cy Dorn|PER]] agreed.'),
  marked('a2', '[[Ana Vell|PER]] and [[Cy Dorn|PER]] again.'),
];

function run(decisions: AliasDecision[]): Actor[] {
  const index = new AliasIndex();
  for (const a of CORPUS) index.add(a);
  return index.actors(decisions);
}
const of = (actors: Actor[], name: string): Actor => actors.find((a) => a.names.some((n) => n.name === name))!;

describe('aliases: analysts decisions', () => {
  it('without decisions: surname and acronym merge, nothing is decided', () => {
    const actors = run([]);
    expect(of(actors, 'Vell').id).toBe(of(actors, 'Ana Vell').id);
    expect(of(actors, 'FBO').id).toBe(of(actors, 'Foo Bar Organization').id);
    expect(actors.some((a) => a.decided)).toBe(false);
  });

  it('merge joins names with no evidence, as user evidence with confidence 1', () => {
    const actors = run([decide('merge', 'Bo Tann', 'Cy Dorn')]);
    const a = of(actors, 'Bo Tann');
    expect(of(actors, 'Cy Dorn').id).toBe(a.id);
    expect(a.decided).toBe(true);
    expect(a.confidence).toBe(1);
    expect(a.evidence[0]?.kind).toBe('user');
  });

  it('split holds against evidence (surname, defined acronym)', () => {
    const actors = run([decide('split', 'Vell', 'Ana Vell'), decide('split', 'FBO', 'Foo Bar Organization', 'ORG')]);
    expect(of(actors, 'Vell').id).not.toBe(of(actors, 'Ana Vell').id);
    expect(of(actors, 'FBO').id).not.toBe(of(actors, 'Foo Bar Organization').id);
    expect(of(actors, 'Vell').decided).toBe(true);
    expect(of(actors, 'Ana Vell').decided).toBe(true);
  });

  it('split survives a merge that would join the two names through a third', () => {
    const actors = run([decide('split', 'Ana Vell', 'Cy Dorn'), decide('merge', 'Ana Vell', 'Bo Tann'), decide('merge', 'Bo Tann', 'Cy Dorn')]);
    expect(of(actors, 'Ana Vell').id).toBe(of(actors, 'Bo Tann').id);
    expect(of(actors, 'Cy Dorn').id).not.toBe(of(actors, 'Ana Vell').id);
  });

  it('confirm keeps the merge and raises its confidence to 1', () => {
    const before = of(run([]), 'Vell');
    expect(before.confidence).toBeLessThan(1);
    const after = of(run([decide('confirm', 'Vell', 'Ana Vell')]), 'Vell');
    expect(after.id).toBe(before.id);
    expect(after.confidence).toBe(1);
    expect(after.decided).toBe(true);
  });

  it('the latest decision about a pair wins', () => {
    const actors = run([decide('merge', 'Bo Tann', 'Cy Dorn'), decide('split', 'Cy Dorn', 'Bo Tann')]);
    expect(of(actors, 'Bo Tann').id).not.toBe(of(actors, 'Cy Dorn').id);
    const again = run([decide('split', 'Bo Tann', 'Cy Dorn'), decide('merge', 'Bo Tann', 'Cy Dorn')]);
    expect(of(again, 'Bo Tann').id).toBe(of(again, 'Cy Dorn').id);
  });

  it('decisions about unknown names change nothing', () => {
    expect(run([decide('merge', 'Nobody', 'Ana Vell')])).toEqual(run([]));
  });
});
