import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { checkFile } from '../../../platform/attachments.ts';
import { storeAttachmentContent } from '../../../platform/attachments.queries.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { deletePhoto, upsertPhoto } from '../directory.queries.ts';
import { photoMaxBytes } from '../directory.policy.ts';

type Ctx = { db: Kysely<DB>; clock: Clock };

/** Reads the file as a photo: an image of at most photoMaxBytes, else 413/415 and nothing stored. */
async function checkPhoto(data: Buffer) {
  if (data.length > photoMaxBytes) throw new AppError(413, 'photo_too_large', { megabytes: photoMaxBytes / 1048576 });
  const file = await checkFile(data).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'attachment_type') throw new AppError(415, 'photo_type', e.params);
    throw e;
  });
  if (file.type === 'application/pdf') throw new AppError(415, 'photo_type', { type: file.type });
  return { ...file, type: file.type };
}

/** The official's photo from now on (replacing any earlier one). Audited. */
export async function setOfficialPhoto(ctx: Ctx, actor: Official, official: { id: number; unitId: number }, data: Buffer): Promise<void> {
  const file = await checkPhoto(data);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await storeAttachmentContent(trx, file.sha256, data, now);
    await upsertPhoto(trx, { accountId: official.id, sha256: file.sha256, contentType: file.type, size: file.size, by: actor.id, at: now });
    await appendAudit(trx, {
      actor,
      action: 'official_photo.set',
      subjectType: 'account',
      subjectId: official.id,
      unitId: official.unitId,
      changes: { sha256: file.sha256, type: file.type, size: file.size },
      at: now,
    });
  });
}

export async function removeOfficialPhoto(ctx: Ctx, actor: Official, official: { id: number; unitId: number }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deletePhoto(trx, official.id))) throw notFound();
    await appendAudit(trx, { actor, action: 'official_photo.removed', subjectType: 'account', subjectId: official.id, unitId: official.unitId, at: now });
  });
}
