/**
 * Trains the routing suggestion's two models (category, agency) from the deployment's routed
 * history, measures each on its newest fifth held out, and stores them. Idempotent: run by
 * a recurring job in the background, it trains again only when a petition was routed after
 * the stored model (or when `force`).
 */
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { termsOf } from '../../knowledge/index.ts';
import { sameBranch } from '../../petitions/index.ts';
import { evaluate, train, type Example } from '../insight.model.ts';
import { agencyPaths, loadModel, newestRouted, routedHistory, saveModel, type StoredModel } from '../insight.queries.ts';
import type { RoutingTarget } from '../insight.tables.ts';

/** The newest petitions a model learns from. */
const historyLimit = 20_000;

export async function trainRoutingModels(ctx: Pick<AppContext, 'db' | 'clock'>, opts: { force?: boolean } = {}): Promise<StoredModel[]> {
  const trained: StoredModel[] = [];
  const newest = await newestRouted(ctx.db);
  for (const target of ['category', 'agency'] as RoutingTarget[]) {
    const stored = await loadModel(ctx.db, target);
    if (!opts.force && stored && (!newest || newest.getTime() <= stored.trainedAt.getTime())) continue;
    const rows = await routedHistory(ctx.db, target, historyLimit);
    const examples: Example[] = rows.map((r) => ({
      terms: termsOf(`${r.title ?? ''} ${r.body}`),
      label: target === 'category' ? r.category! : String(r.agency_id),
      unitPath: r.unit_path,
    }));
    const paths = target === 'agency' ? await agencyPaths(ctx.db, [...new Set(rows.map((r) => r.agency_id!))]) : new Map<number, string>();
    const allowedFor =
      target === 'agency' ? (e: Example) => (label: string) => sameBranch(e.unitPath, paths.get(Number(label)) ?? '#') : undefined;
    const measured = evaluate(examples, allowedFor);
    const model = train(examples);
    const now = ctx.clock.now();
    const figures: StoredModel = {
      target,
      trainedAt: now,
      examples: examples.length,
      heldOut: measured.heldOut,
      labels: Object.keys(model.labels).length,
      accuracy: measured.accuracy,
      top3Accuracy: measured.top3Accuracy,
      baseline: measured.baseline,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await saveModel(trx, { ...figures, model });
      await appendAudit(trx, {
        actor: { kind: 'system', label: 'routing' },
        action: 'routing_model.trained',
        subjectType: 'routing_model',
        subjectId: target,
        changes: { examples: figures.examples, heldOut: figures.heldOut, labels: figures.labels, accuracy: figures.accuracy, top3Accuracy: figures.top3Accuracy },
        at: now,
      });
    });
    trained.push(figures);
  }
  return trained;
}
