import type { Module } from '../index.ts';
import { forbidden } from '../../platform/errors.ts';
import { isOfficial } from '../../platform/access.ts';
import { NoticeAction, NoticeList, NoticeParams, NoticesQuery, NoticeView, UnreadCount } from './notices.schema.ts';
import { countUnread, listNotices } from './notices.queries.ts';
import { presentNotice } from './notices.presenter.ts';
import { readNotice } from './commands/readNotice.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { routesOf } from '../../platform/routes.ts';
import { movedRoutes } from '../../platform/movedRoutes.ts';

/** Officials' in-app notices: assignments, reminders, overdue cases, escalations. */
export const noticesModule: Module = {
  name: 'notices',
  routes(app, ctx) {
    const routes = routesOf(app, 'notices');

    routes.get(
      '/api/v1/notices',
      { access: 'official', summary: "The caller's own notices, newest first", querystring: NoticesQuery, response: { 200: NoticeList } },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        const q = request.query;
        const limit = q.limit ?? 50;
        const rows = await listNotices(ctx.db, actor.id, {
          unread: q.unread,
          beforeId: idAfterCursor(q.cursor),
          limit,
        });
        const page = rows.slice(0, limit);
        return {
          items: page.map((row) => presentNotice(row, request.locale)),
          ...(rows.length > limit ? { next: encodeCursor(page[page.length - 1].id) } : {}),
        };
      },
    );

    routes.get(
      '/api/v1/notices/unread-count',
      { access: 'official', summary: "How many of the caller's notices are unread", response: { 200: UnreadCount } },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        return { unread: await countUnread(ctx.db, actor.id) };
      },
    );

    routes.post(
      '/api/v1/notices/:id/actions',
      { access: 'official', summary: "Mark one of the caller's notices read", params: NoticeParams, body: NoticeAction, response: { 200: NoticeView } },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        // One action type today; the union leaves room for more.
        const row = await readNotice(ctx, actor, request.params.id);
        return presentNotice(row, request.locale);
      },
    );

    // The earlier name of these routes.
    movedRoutes(app, { from: '/api/v1/notifications', to: '/api/v1/notices', tag: 'notices' }, [
      ['GET', ''],
      ['GET', '/unread-count'],
      ['POST', '/:id/actions'],
    ]);
  },
};
