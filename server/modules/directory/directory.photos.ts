/**
 * Photos in the public staff directory: their own scope of routes, whose bodies are raw image
 * files. A photo is served to anyone only while its official is listed in a unit's directory.
 */
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { acceptFileBodies, fileBody, sendFile } from '../../platform/attachments.ts';
import { attachmentContent } from '../../platform/attachments.queries.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { isOfficial } from '../../platform/access.ts';
import { canEditPhoto, photoMaxBytes } from './directory.policy.ts';
import { findPhoto, officialUnitPaths } from './directory.queries.ts';
import { removeOfficialPhoto, setOfficialPhoto } from './commands/officialPhoto.ts';
import { FileBytes } from '../../platform/shapes.ts';
import { routesOf } from '../../platform/routes.ts';

const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });
const PhotoView = Type.Object({ photo: Type.Union([Type.String({ description: 'the address of the photo' }), Type.Null()]) });

/** Where a photo is served: the content hash in the address lets browsers keep it. */
export const photoPath = (id: number, sha256: string) => `/api/v1/officials/${id}/photo?v=${sha256.slice(0, 12)}`;

export function photoRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'units');

  acceptFileBodies(app);

  /** The official whose photo the caller changes: 404 when not listed or not theirs to change. */
  const editable = async (actor: Parameters<typeof canEditPhoto>[0], id: number) => {
    const units = await officialUnitPaths(ctx.db, id);
    if (!units.length || !isOfficial(actor)) throw notFound();
    if (!canEditPhoto(actor, id, units.map((u) => u.path))) throw forbidden();
    return { actor, official: { id, unitId: units[0].unit_id } };
  };

  routes.put(
    '/api/v1/officials/:id/photo',
    {
      access: 'official',
      summary: "Set an official's photo in the public staff directory (the official, or an administrator of their unit): a JPEG, PNG or WebP image as the raw body",
      description: 'At most 2 MB: 413 photo_too_large; another type: 415 photo_type. Nothing is stored on refusal.',
      params: Params,
      response: { 200: PhotoView },
      bodyLimit: photoMaxBytes + 1024,
    },
    async (request) => {
      const { actor, official } = await editable(request.actor, request.params.id);
      await setOfficialPhoto(ctx, actor, official, fileBody(request.body, request.headers['content-type']));
      const photo = await findPhoto(ctx.db, official.id);
      return { photo: photo ? photoPath(official.id, photo.sha256) : null };
    },
  );

  routes.delete(
    '/api/v1/officials/:id/photo',
    {
      access: 'official',
      summary: "Remove an official's photo from the staff directory (the official, or an administrator of their unit)",
      params: Params,
      response: { 204: Type.Null() },
    },
    async (request, reply) => {
      const { actor, official } = await editable(request.actor, request.params.id);
      await removeOfficialPhoto(ctx, actor, official);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/api/v1/officials/:id/photo',
    {
      access: 'public',
      summary: "An official's photo, for anyone while they are listed in a unit's staff directory",
      params: Params,
      response: { 200: FileBytes },
    },
    async (request, reply) => {
      const id = request.params.id;
      const photo = (await officialUnitPaths(ctx.db, id)).length ? await findPhoto(ctx.db, id) : undefined;
      const data = photo && (await attachmentContent(ctx.db, photo.sha256));
      if (!photo || !data) throw notFound();
      return sendFile(reply, { content_type: photo.content_type, size: photo.size, filename: `photo-${id}` }, data, 'public');
    },
  );
}
