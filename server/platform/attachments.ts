/**
 * Files that modules keep (a petition's photos, the PDF of a gathering's signed minutes): photos
 * (JPEG, PNG, WebP) and PDF, the type read from the content (never from the name or the declared
 * type), at most 10 MB each, their bytes stored in the database once per content
 * (attachment_contents, attachments.queries.ts) so that every server process of a deployment
 * serves what any of them received. Each module keeps its own rows naming the contents and
 * decides who may attach and who may download.
 */
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, badRequest } from './errors.ts';
import { registerMessages } from './i18n.ts';

const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const attachmentMaxBytes = 10 * 1024 * 1024;

// The platform's own messages: every app has them.
registerMessages({
  attachment_type: {
    en: 'Only photos (JPEG, PNG, WebP) and PDF files can be attached; this file is {type}.',
    vi: 'Chỉ đính kèm được ảnh (JPEG, PNG, WebP) và tệp PDF; tệp này là {type}.',
    zh: '只能附加照片（JPEG、PNG、WebP）和 PDF 文件；此文件为 {type}。',
  },
  attachment_empty: {
    en: 'The file is empty.',
    vi: 'Tệp rỗng.',
    zh: '文件为空。',
  },
  attachment_too_large: {
    en: 'A file may be at most {megabytes} MB.',
    vi: 'Mỗi tệp tối đa {megabytes} MB.',
    zh: '每个文件不得超过 {megabytes} MB。',
  },
});

const extensions: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** A name safe to show and to put in Content-Disposition: no folders, no control characters. */
export function cleanFilename(raw: string | undefined, type: AttachmentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}"]/gu, '').trim().slice(0, 200);
  return clean || `attachment.${extensions[type]}`;
}

interface CheckedFile {
  type: AttachmentType;
  sha256: string;
  size: number;
}

/** The file's type, read from its content, and its hash; an empty, too large or other file is refused (400, 413, 415). */
export async function checkFile(data: Buffer): Promise<CheckedFile> {
  if (data.length === 0) throw badRequest('attachment_empty');
  if (data.length > attachmentMaxBytes) throw new AppError(413, 'attachment_too_large', { megabytes: attachmentMaxBytes / 1048576 });
  const detected = await fileTypeFromBuffer(data);
  const type = detected?.mime as AttachmentType | undefined;
  if (!type || !attachmentTypes.includes(type)) throw new AppError(415, 'attachment_type', { type: detected?.mime ?? 'unknown' });
  return { type, sha256: crypto.createHash('sha256').update(data).digest('hex'), size: data.length };
}

/**
 * In an encapsulated scope of routes that take files: the file arrives as the raw request body
 * (Content-Type: the file's type, its name in ?filename=); any other content type (JSON, text,
 * forms) is refused with 415 before it is read.
 */
export function acceptFileBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...attachmentTypes, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: attachmentMaxBytes }, (_req, body, done) =>
    done(null, body),
  );
}

/** A body that is not a file (no parser took it) is refused like a wrong type. */
export function fileBody(body: unknown, contentType: string | undefined): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'unsupported_media_type', { type: contentType ?? '?' });
  return body;
}

/** Sends a stored file as a download: its own type only, never sniffed; `cache` says who may keep a copy. */
export function sendFile(
  reply: FastifyReply,
  file: { content_type: string; size: number; filename: string },
  data: Buffer,
  cache: 'private' | 'public' = 'private',
) {
  reply
    .header('content-type', file.content_type)
    .header('content-length', file.size)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache === 'private' ? 'private, no-store' : 'public, max-age=300');
  return reply.send(data);
}
