/** Attaching and downloading files. */
import type { App } from '../../../app.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { acceptFileBodies, attachmentMaxBytes, fileBody, sendFile } from '../../../platform/attachments.ts';
import { attachmentContent } from '../../../platform/attachments.queries.ts';
import { attachFile, isPetitioner } from './attachFile.ts';
import { attachmentsOf, findAttachment } from './attachments.queries.ts';
import { canSeeIdentity } from '../petitions.policy.ts';
import { findPetition } from '../petitions.queries.ts';
import { AccessKeyHeaders, AttachmentParams, AttachmentQuery, AttachmentView, IdParams } from '../petitions.schema.ts';
import { FileBytes } from '../../../platform/shapes.ts';
import { routesOf } from '../../../platform/routes.ts';

export async function attachmentRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  // Files arrive as the raw request body (Content-Type: the file's type, ?filename=…).
  acceptFileBodies(app);

  routes.post(
    '/api/v1/petitions/:id/attachments',
    {
      access: 'public',
      summary: 'Attach a photo (JPEG, PNG, WebP) or a PDF: the raw file as the body, its name in ?filename=',
      description:
        'Officials who work on the case attach any time; the resident attaches with the X-Access-Key header (or signed in) while the petition is still received, before anyone acts on it (409 `attachment_closed` after). At most 10 MB.',
      params: IdParams,
      querystring: AttachmentQuery,
      headers: AccessKeyHeaders,
      response: { 201: AttachmentView },
      bodyLimit: attachmentMaxBytes,
    },
    async (request, reply) => {
      const id = await attachFile(ctx, request.actor, request.params.id, {
        data: fileBody(request.body, request.headers['content-type']),
        filename: request.query.filename,
        accessKey: request.headers['x-access-key'],
      });
      const saved = (await attachmentsOf(ctx.db, request.params.id)).find((a) => a.id === id)!;
      reply.status(201);
      return { id, filename: saved.filename, contentType: saved.content_type, size: saved.size, createdAt: saved.created_at.toISOString() };
    },
  );

  routes.get(
    '/api/v1/petitions/:id/attachments/:attachmentId',
    {
      access: 'public',
      summary: 'Download an attachment (officials who may see the petition; the resident with X-Access-Key)',
      params: AttachmentParams,
      headers: AccessKeyHeaders,
      response: { 200: FileBytes },
    },
    async (request, reply) => {
      const p = await findPetition(ctx.db, request.params.id);
      if (!p) throw notFound();
      const actor = request.actor;
      const key = request.headers['x-access-key'];
      // Files of a denunciation or a conduct report may name the resident: only for those who may know who it is.
      const entitled = (actor.kind === 'official' && canSeeIdentity(actor, p)) || (await isPetitioner(ctx, actor, p, key));
      if (!entitled) throw notFound();
      const a = await findAttachment(ctx.db, p.id, request.params.attachmentId);
      if (!a) throw notFound();
      const data = await attachmentContent(ctx.db, a.sha256);
      if (!data) throw notFound();
      return sendFile(reply, a, data);
    },
  );
}

