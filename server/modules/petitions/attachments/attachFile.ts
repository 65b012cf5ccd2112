/**
 * Attachments: photos (JPEG, PNG, WebP) and PDF, the type read from the content (never from the
 * name or the declared type), stored in the database once per content (attachment_contents),
 * so that every server process of a deployment serves what any of them received. The resident
 * attaches with the access key until the petition is accepted or rejected; officials who work
 * on the case attach any time.
 *
 * Nothing is stored before every limit is checked (files per petition, bytes per petition,
 * bytes per signed-in resident), and the bytes are written in the transaction that records
 * the attachment: a request that fails leaves nothing behind.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Config } from '../../../platform/config.ts';
import { anonymous, type Actor } from '../../../platform/access.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { canAttach, decide } from '../petitions.policy.ts';
import { findPetition, lockPetition, petitionersOf, reportedReach, type PetitionRow } from '../petitions.queries.ts';
import { attachmentUsage, insertAttachment, residentAttachmentBytes, storeAttachmentContent } from './attachments.queries.ts';
import { attachmentTypes, type AttachmentType } from '../petitions.tables.ts';
import { keyHolder } from '../tracking/petitions.keys.ts';
import { auditPetition, inTransaction, recordEvent } from '../workflow/shared.ts';

export const attachmentMaxBytes = 10 * 1024 * 1024;
export const attachmentsPerPetition = 20;

const extensions: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** Where versions before attachment_contents kept a content: moved into the database at start-up. */
export function attachmentPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** A name safe to show and to put in Content-Disposition: no folders, no control characters. */
export function cleanFilename(raw: string | undefined, type: AttachmentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}"]/gu, '').trim().slice(0, 200);
  return clean || `attachment.${extensions[type]}`;
}

/** Is this caller the resident behind the petition (by access key, or signed in as them)? */
export async function isPetitioner(ctx: AppContext, actor: Actor, p: PetitionRow, accessKey: string | undefined): Promise<boolean> {
  if (accessKey) {
    try {
      await keyHolder(ctx.db, p.id, accessKey, ctx.clock.now());
      return true;
    } catch (e) {
      // A wrong key is recorded (and counts towards the petition's limit) but answered as no key.
      if (e instanceof AppError && e.code === 'invalid_access_key') return false;
      throw e;
    }
  }
  const petitioners = await petitionersOf(ctx.db, p.id);
  return petitioners.some((pe) => actor.kind === 'resident' && pe.resident_account_id === actor.id);
}

export async function attachFile(
  ctx: AppContext,
  actor: Actor,
  petitionId: number,
  input: { data: Buffer; filename?: string; accessKey?: string },
): Promise<number> {
  const p = await findPetition(ctx.db, petitionId);
  if (!p) throw notFound();
  const reported = await reportedReach(ctx.db, p);
  const asOfficial = actor.kind === 'official' && canAttach(actor, p, reported);
  if (!asOfficial) {
    if (actor.kind === 'official' && input.accessKey === undefined) {
      // The same answers as an action: 404 unseen, 403 outside their units or not their role.
      const decision = decide(actor, p, 'note', reported);
      throw decision.ok ? new AppError(403, 'forbidden') : new AppError(decision.status, decision.code);
    }
    if (!(await isPetitioner(ctx, actor, p, input.accessKey))) throw new AppError(403, 'invalid_access_key');
    if (p.status !== 'received') throw conflict('attachment_closed');
  }
  // Who the timeline and the audit name: the official, or the resident (never by name).
  const by: Actor = asOfficial || actor.kind === 'resident' ? actor : anonymous;
  if (input.data.length === 0) throw badRequest('attachment_empty');
  if (input.data.length > attachmentMaxBytes) throw new AppError(413, 'attachment_too_large', { megabytes: attachmentMaxBytes / 1048576 });
  const detected = await fileTypeFromBuffer(input.data);
  const type = detected?.mime as AttachmentType | undefined;
  if (!type || !attachmentTypes.includes(type)) throw new AppError(415, 'attachment_type', { type: detected?.mime ?? 'unknown' });

  const sha256 = crypto.createHash('sha256').update(input.data).digest('hex');
  const filename = cleanFilename(input.filename, type);
  const size = input.data.length;
  const residentId = !asOfficial && actor.kind === 'resident' ? actor.id : null;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    await lockPetition(trx, p.id);
    await checkRoom(trx, ctx.config.attachmentQuotas, p.id, residentId, size);
    await storeAttachmentContent(trx, sha256, input.data, now);
    const id = await insertAttachment(trx, {
      petition_id: p.id,
      sha256,
      filename,
      content_type: type,
      size,
      uploaded_by: asOfficial && actor.kind === 'official' ? actor.id : null,
      uploaded_by_resident: residentId,
      created_at: now,
    });
    await recordEvent(trx, p, by, now, {
      type: 'attached',
      data: { attachmentId: id, contentType: type, size },
      visibility: 'internal',
    });
    await auditPetition(trx, by, 'attach', p, { attachmentId: id, sha256, contentType: type, size }, now);
    return id;
  });
}

/** Refuses a file the petition, or the resident, has no room left for. */
async function checkRoom(
  trx: Kysely<DB>,
  quotas: Config['attachmentQuotas'],
  petitionId: number,
  residentId: number | null,
  size: number,
): Promise<void> {
  const usage = await attachmentUsage(trx, petitionId);
  if (usage.files >= attachmentsPerPetition) throw conflict('attachment_limit', { max: attachmentsPerPetition });
  if (usage.bytes + size > quotas.perPetitionBytes) {
    throw new AppError(413, 'attachment_quota_petition', { megabytes: megabytes(quotas.perPetitionBytes) });
  }
  if (residentId !== null && (await residentAttachmentBytes(trx, residentId)) + size > quotas.perResidentBytes) {
    throw new AppError(413, 'attachment_quota_resident', { megabytes: megabytes(quotas.perResidentBytes) });
  }
}

const megabytes = (bytes: number) => Math.floor(bytes / 1048576);
