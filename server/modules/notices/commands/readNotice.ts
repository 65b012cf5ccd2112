import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { canSeeNotice } from '../notices.policy.ts';
import { lockNotice, setNoticeRead, type NoticeRow } from '../notices.queries.ts';

/** Marks one of the official's own notices read; reading it again changes nothing. */
export async function readNotice(ctx: AppContext, actor: Official, id: number): Promise<NoticeRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const notice = await lockNotice(trx, id);
    // Another official's notice answers exactly like a missing one.
    if (!notice || !canSeeNotice(actor, notice)) throw notFound();
    if (notice.read_at !== null) return notice;
    const at = ctx.clock.now();
    const updated = await setNoticeRead(trx, id, at);
    await appendAudit(trx, {
      actor,
      action: 'notice.read',
      subjectType: 'notice',
      subjectId: id,
      changes: { read: true },
      at,
    });
    return updated;
  });
}
