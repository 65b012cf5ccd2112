/** The SQL of attachment contents: the bytes of every attached file, once per content. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Stores an attachment's bytes once per content, in the caller's transaction: an upload of the
 * same content by anyone, at the same time or later, finds the row and adds none.
 */
export async function storeAttachmentContent(trx: Kysely<DB>, sha256: string, data: Buffer, at: Date): Promise<void> {
  await trx
    .insertInto('attachment_contents')
    .values({ sha256, data, size: data.length, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The bytes of one content; undefined when the database does not hold them. */
export async function attachmentContent(db: Kysely<DB>, sha256: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachment_contents').select('data').where('sha256', '=', sha256).executeTakeFirst();
  return row?.data;
}
