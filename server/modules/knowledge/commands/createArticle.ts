/**
 * An official writes an article for a unit they work in: a procedure guide, an announcement,
 * or a published answer from a petition whose residents agreed to it. It starts as a draft
 * (version 1); an answer's texts are scrubbed of the petition's personal data as they are saved.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { badRequest, forbidden } from '../../../platform/errors.ts';
import { requireUnit } from '../../units/index.ts';
import { canWriteAt } from '../knowledge.policy.ts';
import type { ArticleKind } from '../../../contract/domain.ts';
import { insertArticle, insertVersion, servicePointOf, type VersionText } from '../knowledge.queries.ts';
import { auditArticle, checkLanguages, cleanTexts, publishableSource } from './shared.ts';

interface CreateArticleInput {
  kind: ArticleKind;
  unit?: string;
  category?: string | null;
  petition?: number;
  servicePoint?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  texts: VersionText[];
}

export async function createArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, input: CreateArticleInput): Promise<number> {
  const now = ctx.clock.now();
  checkLanguages(input.texts);
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) throw badRequest('article_dates');
  let unitId: number;
  let unitPath: string;
  let category = input.category ?? null;
  let facts = null;
  let sourceId: number | null = null;
  if (input.kind === 'answer') {
    if (input.petition === undefined) throw badRequest('article_needs_petition');
    const source = await publishableSource(ctx, actor, input.petition);
    unitId = source.unitId;
    unitPath = source.unitPath;
    category = category ?? source.category;
    facts = source.personal;
    sourceId = source.id;
  } else {
    if (input.unit === undefined) throw badRequest('article_needs_unit');
    const unit = await requireUnit(ctx.db, input.unit, now);
    unitId = unit.id;
    unitPath = unit.path;
  }
  if (!canWriteAt(actor, unitPath)) throw forbidden();
  if (input.servicePoint != null) {
    const point = await servicePointOf(ctx.db, input.servicePoint);
    if (!point) throw badRequest('unknown_service_point', { id: input.servicePoint });
  }
  const texts = cleanTexts(input.texts, facts);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertArticle(trx, {
      kind: input.kind,
      unit_id: unitId,
      unit_path: unitPath,
      category,
      source_petition_id: sourceId,
      service_point_id: input.servicePoint ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      author_id: actor.id,
      at: now,
    });
    await insertVersion(trx, id, 1, actor.id, now, texts);
    await auditArticle(trx, actor, 'created', { id, unit_id: unitId }, { kind: input.kind, petition: sourceId, languages: texts.map((t) => t.language) }, now);
    return id;
  });
}
