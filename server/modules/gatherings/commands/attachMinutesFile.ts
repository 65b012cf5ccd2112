/**
 * Staff attach files to a gathering's minutes once it has closed (photos, the PDF of the signed
 * minutes): the platform's attachment storage and limits (photos and PDF read from the content,
 * 10 MB each), at most 20 files and 100 MB a gathering. A public file is shown to residents once
 * the gathering is published. Nothing is stored before every check passes.
 */
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { checkFile, cleanFilename } from '../../../platform/attachments.ts';
import { storeAttachmentContent } from '../../../platform/attachments.queries.ts';
import { acceptsMinutesFiles } from '../gatherings.policy.ts';
import { getGathering, insertMinutesFile, minutesFilesUsage, type GatheringRow } from '../gatherings.queries.ts';
import { auditGathering, type GatheringActor, type GatheringContext } from './shared.ts';

const minutesFilesMax = 20;
const minutesFilesMaxBytes = 100 * 1024 * 1024;

export async function attachMinutesFile(
  ctx: GatheringContext,
  actor: GatheringActor,
  id: number,
  input: { data: Buffer; filename?: string; public?: boolean },
  may: (g: GatheringRow) => boolean,
): Promise<number> {
  const found = await getGathering(ctx.db, id);
  if (!found || !may(found)) throw notFound();
  const file = await checkFile(input.data);
  const filename = cleanFilename(input.filename, file.type);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const g = (await getGathering(trx, id, true))!;
    if (!acceptsMinutesFiles(g.state)) throw conflict('minutes_files_closed', { state: g.state });
    const usage = await minutesFilesUsage(trx, id);
    if (usage.files >= minutesFilesMax) throw conflict('minutes_files_limit', { max: minutesFilesMax });
    if (usage.bytes + file.size > minutesFilesMaxBytes) throw new AppError(413, 'minutes_files_quota', { megabytes: minutesFilesMaxBytes / 1048576 });
    await storeAttachmentContent(trx, file.sha256, input.data, now);
    const fileId = await insertMinutesFile(trx, {
      gathering_id: id,
      sha256: file.sha256,
      filename,
      content_type: file.type,
      size: file.size,
      public: input.public ?? false,
      uploaded_by: actor.kind === 'official' ? actor.id : null,
      created_at: now,
    });
    await auditGathering(trx, ctx, actor, 'attach', { id, unitId: g.unit_id }, {
      file: fileId, sha256: file.sha256, contentType: file.type, size: file.size, public: input.public ?? false,
    });
    return fileId;
  });
}
