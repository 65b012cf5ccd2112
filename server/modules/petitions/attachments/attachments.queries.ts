/** The SQL of petition attachments. */
import type { Insertable, Kysely } from 'kysely';
import type { PetitionAttachmentsTable } from '../petitions.tables.ts';
import type { DB } from '../../../schema.ts';

export function attachmentsOf(db: Kysely<DB>, petitionId: number) {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'filename', 'content_type', 'size', 'created_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('id')
    .execute();
}

/** How many files a petition has and their bytes together. */
export async function attachmentUsage(db: Kysely<DB>, petitionId: number): Promise<{ files: number; bytes: number }> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes')])
    .where('petition_id', '=', petitionId)
    .executeTakeFirstOrThrow();
  return { files: Number(row.n), bytes: Number(row.bytes) };
}

/** The bytes of every file a signed-in resident attached. */
export async function residentAttachmentBytes(db: Kysely<DB>, residentId: number): Promise<number> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
    .where('uploaded_by_resident', '=', residentId)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/** Contents that attachments name but the database does not hold (files of older versions, on a disk). */
export async function attachmentContentsMissing(db: Kysely<DB>, limit: number): Promise<Array<{ sha256: string; created_at: Date }>> {
  return db
    .selectFrom('petition_attachments as a')
    .leftJoin('attachment_contents as c', 'c.sha256', 'a.sha256')
    .where('c.sha256', 'is', null)
    .select(['a.sha256'])
    .select((eb) => eb.fn.min('a.created_at').as('created_at'))
    .groupBy('a.sha256')
    .orderBy('a.sha256')
    .limit(limit)
    .execute() as Promise<Array<{ sha256: string; created_at: Date }>>;
}

export async function insertAttachment(
  trx: Kysely<DB>,
  values: Omit<Insertable<PetitionAttachmentsTable>, 'id'>,
): Promise<number> {
  const row = await trx.insertInto('petition_attachments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findAttachment(db: Kysely<DB>, petitionId: number, attachmentId: number) {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'petition_id', 'sha256', 'filename', 'content_type', 'size'])
    .where('id', '=', attachmentId)
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
}
