/**
 * Files sent with an e-mail notification. The outbox row names them in its params
 * (`attachments: [{ source, id }]`), never holds their bytes: a module registers a source that
 * reads the file at delivery (the reports module: an archived report's PDF, which never
 * changes), so a retried message carries the same file.
 */
import type { AppContext } from '../context.ts';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface AttachmentRef {
  source: string;
  id: string | number;
}

export type AttachmentLoader = (ctx: AppContext, id: string | number) => Promise<Attachment | undefined>;

const sources = new Map<string, AttachmentLoader>();

/** Registers where the files of a source come from (a module lists its sources; the app registers them). */
export function registerAttachmentSource(source: string, load: AttachmentLoader): void {
  const existing = sources.get(source);
  if (existing && existing !== load) throw new Error(`attachment source ${source} registered twice`);
  sources.set(source, load);
}

/** The params that attach files to a notification. */
export const attachmentParams = (refs: AttachmentRef[]) => ({ attachments: refs });

/** The files a row's params name; throws when one is gone (the delivery retries, then fails). */
export async function loadAttachments(ctx: AppContext, params: Record<string, unknown>): Promise<Attachment[]> {
  const refs = params.attachments;
  if (!Array.isArray(refs) || refs.length === 0) return [];
  const out: Attachment[] = [];
  for (const ref of refs as AttachmentRef[]) {
    const load = sources.get(ref.source);
    if (!load) throw new Error(`no attachment source ${ref.source}`);
    const file = await load(ctx, ref.id);
    if (!file) throw new Error(`attachment ${ref.source}:${ref.id} not found`);
    out.push(file);
  }
  return out;
}
