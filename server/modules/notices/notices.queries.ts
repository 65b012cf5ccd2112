import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../schema.ts';
import type { OfficialNoticesTable } from '../../platform/notify/notify.tables.ts';

export type NoticeRow = Selectable<OfficialNoticesTable>;

/** An official's notices, newest first; one more than `limit` tells whether a next page exists. */
export async function listNotices(
  db: Kysely<DB>,
  accountId: number,
  opts: { unread?: boolean; beforeId?: number; limit: number },
): Promise<NoticeRow[]> {
  let q = db.selectFrom('official_notices').selectAll().where('account_id', '=', accountId);
  if (opts.unread === true) q = q.where('read_at', 'is', null);
  if (opts.unread === false) q = q.where('read_at', 'is not', null);
  if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
  return q.orderBy('id', 'desc').limit(opts.limit + 1).execute();
}

export async function countUnread(db: Kysely<DB>, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('official_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The notice, locked for a change; undefined when it does not exist. */
export async function lockNotice(trx: Kysely<DB>, id: number): Promise<NoticeRow | undefined> {
  return trx.selectFrom('official_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setNoticeRead(trx: Kysely<DB>, id: number, at: Date): Promise<NoticeRow> {
  return trx
    .updateTable('official_notices')
    .set({ read_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
