/**
 * Attachments: photos (JPEG, PNG, WebP) and PDF, the type read from the content (never from the
 * name or the declared type), stored in the database once per content (attachment_contents),
 * so that every server process of a deployment serves what any of them received. The resident
 * attaches with the access key (or signed in) while the petition is still received; officials
 * who work on the case attach any time.
 *
 * Nothing is stored before every limit is checked (files per petition, bytes per petition,
 * bytes per signed-in resident), and the bytes are written in the transaction that records
 * the attachment: a request that fails leaves nothing behind.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Config } from '../../../platform/config.ts';
import { anonymous, type Actor } from '../../../platform/access.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { checkFile, cleanFilename } from '../../../platform/attachments.ts';
import { storeAttachmentContent } from '../../../platform/attachments.queries.ts';
import { canAttach, decide } from '../petitions.policy.ts';
import { findPetition, lockPetition, petitionersOf, reportedReach, type PetitionRow } from '../petitions.queries.ts';
import { attachmentUsage, insertAttachment, residentAttachmentBytes } from './attachments.queries.ts';
import { keyHolder } from '../tracking/petitions.keys.ts';
import { auditPetition, recordEvent } from '../workflow/shared.ts';
import { inTransaction } from '../../../platform/db.ts';

export const attachmentsPerPetition = 20;

/** Where versions before attachment_contents kept a content: moved into the database at start-up. */
export function attachmentPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
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
  const { type, sha256, size } = await checkFile(input.data);
  const filename = cleanFilename(input.filename, type);
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
