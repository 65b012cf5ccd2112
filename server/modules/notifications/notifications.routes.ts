import type { Module } from '../index.ts';
import { forbidden } from '../../platform/errors.ts';
import { isOfficial } from '../../platform/access.ts';
import { NoticeAction, NoticeList, NoticeParams, NoticesQuery, NoticeView, UnreadCount } from './notifications.schema.ts';
import { countUnread, listNotices } from './notifications.queries.ts';
import { presentNotice } from './notifications.presenter.ts';
import { readNotice } from './commands/readNotice.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';

/** Officials' in-app notices: assignments, reminders, overdue cases, escalations. */
export const notificationsModule: Module = {
  name: 'notifications',
  routes(app, ctx) {
    app.get(
      '/api/v1/notifications',
      {
        config: { access: 'official' },
        schema: {
          tags: ['notifications'],
          summary: "The caller's own notices, newest first",
          querystring: NoticesQuery,
          response: { 200: NoticeList },
        },
      },
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

    app.get(
      '/api/v1/notifications/unread-count',
      {
        config: { access: 'official' },
        schema: { tags: ['notifications'], summary: "How many of the caller's notices are unread", response: { 200: UnreadCount } },
      },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        return { unread: await countUnread(ctx.db, actor.id) };
      },
    );

    app.post(
      '/api/v1/notifications/:id/actions',
      {
        config: { access: 'official' },
        schema: {
          tags: ['notifications'],
          summary: "Mark one of the caller's notices read",
          params: NoticeParams,
          body: NoticeAction,
          response: { 200: NoticeView },
        },
      },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        // One action type today; the union leaves room for more.
        const row = await readNotice(ctx, actor, request.params.id);
        return presentNotice(row, request.locale);
      },
    );
  },
};
