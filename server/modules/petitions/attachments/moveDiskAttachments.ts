/**
 * Versions before attachment_contents kept each attachment's bytes in a file under
 * <dataDir>/attachments. At start-up a server moves every such file that an attachment names
 * into the database (checked against its name, the SHA-256 of its content), so that every server
 * of the deployment, and every backup, has it. The files are left where they were: once the
 * log says every content is in the database, the folder may be removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AppContext } from '../../../platform/context.ts';
import { storeAttachmentContent } from '../../../platform/attachments.queries.ts';
import { attachmentContentsMissing } from './attachments.queries.ts';
import { attachmentPath } from './attachFile.ts';

const batch = 100;

export async function moveDiskAttachments(ctx: AppContext): Promise<{ moved: number; missing: number }> {
  let moved = 0;
  const missing = new Set<string>();
  for (;;) {
    const rows = (await attachmentContentsMissing(ctx.db, batch + missing.size)).filter((r) => !missing.has(r.sha256));
    if (rows.length === 0) break;
    for (const row of rows) {
      const file = attachmentPath(ctx.config.dataDir, row.sha256);
      const data = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
      if (!data || crypto.createHash('sha256').update(data).digest('hex') !== row.sha256) {
        missing.add(row.sha256);
        continue;
      }
      await storeAttachmentContent(ctx.db, row.sha256, data, row.created_at);
      moved++;
    }
  }
  if (moved) ctx.log.info({ moved, folder: `${ctx.config.dataDir}/attachments` }, 'attachment files moved into the database');
  if (missing.size) {
    ctx.log.warn(
      { missing: missing.size },
      'some attachments name a content that is neither in the database nor in the attachments folder of this server: start a server that has the folder once',
    );
  }
  return { moved, missing: missing.size };
}
