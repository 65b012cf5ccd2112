/**
 * A new version of an article's texts (and of its category, service point and validity). A
 * draft is rewritten in place; an article in review or published gets a new version, written
 * by the reviser, that waits as a draft while residents keep reading the published one.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { badRequest } from '../../../platform/errors.ts';
import { deleteVersion, insertVersion, servicePointOf, updateArticle, type VersionText } from '../knowledge.queries.ts';
import { auditArticle, checkLanguages, cleanTexts, loadArticleFor, publishableSource } from './shared.ts';

interface ReviseArticleInput {
  texts: VersionText[];
  category?: string | null;
  servicePoint?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export async function reviseArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, id: number, input: ReviseArticleInput): Promise<void> {
  const now = ctx.clock.now();
  checkLanguages(input.texts);
  if (input.servicePoint != null && !(await servicePointOf(ctx.db, input.servicePoint))) {
    throw badRequest('unknown_service_point', { id: input.servicePoint });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadArticleFor(trx, actor, id, 'revise');
    const facts = a.source_petition_id !== null ? (await publishableSource({ db: trx }, actor, a.source_petition_id)).personal : null;
    const texts = cleanTexts(input.texts, facts);
    const validFrom = input.validFrom !== undefined ? input.validFrom : a.valid_from;
    const validTo = input.validTo !== undefined ? input.validTo : a.valid_to;
    if (validFrom && validTo && validTo < validFrom) throw badRequest('article_dates');
    const inPlace = a.state === 'draft';
    const version = inPlace ? a.version : a.version + 1;
    if (inPlace) await deleteVersion(trx, a.id, version);
    await insertVersion(trx, a.id, version, actor.id, now, texts);
    await updateArticle(
      trx,
      a.id,
      {
        state: 'draft',
        version,
        author_id: actor.id,
        submitted_at: null,
        category: input.category !== undefined ? input.category : a.category,
        service_point_id: input.servicePoint !== undefined ? input.servicePoint : a.service_point_id,
        valid_from: validFrom,
        valid_to: validTo,
      },
      now,
    );
    await auditArticle(trx, actor, 'revised', a, { version, languages: texts.map((t) => t.language) }, now);
  });
}
