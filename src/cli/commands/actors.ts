import { AppError } from '../../domain/errors.js';
import type { EntityType } from '../../domain/findings.js';
import { intOption, parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { at, emptyCorpus, pageFooter } from './corpus-page.js';
import { EXIT, type Command } from './types.js';

const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const ACTIONS = ['merge', 'split', 'confirm'] as const;

function entityType(value: string | undefined): EntityType | undefined {
  if (value === undefined) return undefined;
  const t = value.toUpperCase() as EntityType;
  if (!TYPES.includes(t)) throw new AppError('usage', `--type takes one of ${TYPES.join(', ')}, not "${value}"`);
  return t;
}

export const actorsCommand: Command = {
  name: 'actors',
  summary: 'people, organisations and places merged across articles, with the evidence for each merge',
  usage: `triangulate actors [ACTOR-ID] [--q NAME] [--type PER|ORG|LOC|MISC] [--limit 50] [--offset 0] [--db FILE] [--json]
       triangulate actors merge|split|confirm "NAME A" "NAME B" --type TYPE [--type-b TYPE] [--note TEXT]
       triangulate actors decisions
       triangulate actors undo DECISION-ID

  merge/confirm keep two names in one actor, split keeps them apart; decisions survive re-analysis.`,
  async run(argv, ctx) {
    const { values, positionals } = parse('actors', argv, {
      q: { type: 'string' },
      type: { type: 'string' },
      'type-b': { type: 'string' },
      note: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    });
    const out = ctx.io.stdout;
    const json = (x: unknown) => out.write(`${JSON.stringify(x)}\n`);
    const service = ctx.open(values.db);
    try {
      const [first, ...rest] = positionals;
      if (first !== undefined && (ACTIONS as readonly string[]).includes(first)) {
        const type = entityType(values.type);
        if (rest.length !== 2 || !type) throw new AppError('usage', `actors ${first} takes two names and --type`);
        const decision = await service.decideAlias({
          action: first as (typeof ACTIONS)[number],
          a: { name: rest[0]!, type },
          b: { name: rest[1]!, type: entityType(values['type-b']) ?? type },
          note: values.note ?? null,
        });
        if (values.json) json(decision);
        else out.write(`Decision ${decision.id} recorded: ${decision.action} "${decision.a.name}" and "${decision.b.name}"; actors recomputed.\n`);
        return EXIT.ok;
      }
      if (first === 'decisions') {
        const decisions = await service.aliasDecisions();
        if (values.json) json(decisions);
        else if (decisions.length === 0) out.write('No alias decisions yet.\n');
        else out.write(`${formatTable(['id', 'action', 'name a', 'name b', 'note', 'at'], decisions.map((d) => [d.id, d.action, `${d.a.name} (${d.a.type})`, `${d.b.name} (${d.b.type})`, d.note, d.at]))}\n`);
        return EXIT.ok;
      }
      if (first === 'undo') {
        const id = intOption('undo', rest[0], -1, 1);
        await service.undoAliasDecision(id);
        if (values.json) json({ undone: id });
        else out.write(`Decision ${id} removed; actors recomputed.\n`);
        return EXIT.ok;
      }
      if (first !== undefined) {
        const view = await service.actor(first);
        if (values.json) {
          json(view);
          return EXIT.ok;
        }
        const a = view.actor;
        out.write(`${a.name} (${a.type}), ${a.mentions} mention(s) in ${a.articles.length} article(s), confidence ${a.confidence.toFixed(2)}\n`);
        out.write(`Names: ${a.names.map((n) => `${n.name} (${n.mentions})`).join(', ')}\n`);
        if (a.evidence.length) {
          out.write('\nWhy merged:\n');
          for (const e of a.evidence) out.write(`  ${e.kind.padEnd(16)} ${e.names[0]} = ${e.names[1]}  ${e.detail}${e.sources[0] ? ` [${at(e.sources[0])}]` : ''}\n`);
        }
        if (view.labels.length) {
          out.write('\nLabels:\n');
          out.write(`${formatTable(['outlet', 'label', 'form', 'voice', 'where'], view.labels.map((l) => [truncate(l.outlet, 20), truncate(l.label, 40), l.form, l.voice === 'quoted' ? `quoted (${l.quotedSpeaker ?? '?'})` : 'own', at(l.source)])).replace(/^/gm, '  ')}\n`);
        }
        out.write(`\n${view.statementsBy.length} statement(s) by, ${view.statementsAbout.length} about; ${view.stories.length} stor${view.stories.length === 1 ? 'y' : 'ies'}\n`);
        return EXIT.ok;
      }
      const page = await service.actors({
        ...(values.q !== undefined && { q: values.q }),
        ...(values.type !== undefined && { type: entityType(values.type)! }),
        limit: intOption('limit', values.limit, 50, 1),
        offset: intOption('offset', values.offset, 0),
      });
      if (values.json) {
        json(page);
        return EXIT.ok;
      }
      if (page.total === 0) {
        emptyCorpus(ctx.io, 'actors');
        return EXIT.ok;
      }
      const rows = page.items.map((a) => [a.id, a.type, a.mentions, a.articles.length, Number(a.confidence.toFixed(2)), truncate(a.names.map((n) => n.name).join(' / '), 60)]);
      out.write(`${formatTable(['actor', 'type', 'mentions', 'articles', 'confidence', 'names'], rows)}\n`);
      pageFooter(ctx.io, page, 'actors');
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
