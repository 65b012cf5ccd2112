/** The officials' views: the inbox and one petition. */
import type { App } from '../../../app.ts';
import { channels, petitionKinds, petitionStatuses } from '../../../contract/domain.ts';
import type { Official } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../../platform/cursor.ts';
import { badRequest } from '../../../platform/errors.ts';
import { normalisePhone } from '../intake/petitions.codes.ts';
import { findUnitByCode } from '../petitions.queries.ts';
import { IdParams, ListQuery, PetitionList, PetitionView } from '../petitions.schema.ts';
import { parseWhen, readCursor, splitList, toTsquery } from './list.params.ts';
import { type ListFilters, listPetitions } from './list.queries.ts';
import { presentSummary } from './petitions.presenter.ts';
import { petitionView } from './petitions.view.ts';
import { routesOf } from '../../../platform/routes.ts';

/** The officials' list and the staff view of one petition. */
export function viewRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  routes.get(
    '/api/v1/petitions',
    {
      access: 'official',
      summary: "The officials' inbox: the petitions of the caller's units they may see",
      querystring: ListQuery,
      response: { 200: PetitionList },
    },
    async (request) => {
      const actor = request.actor as Official;
      const q = request.query;
      const now = ctx.clock.now();
      let unitPath: string | undefined;
      if (q.unit !== undefined) {
        const unit = await findUnitByCode(ctx.db, q.unit, now);
        if (!unit) throw badRequest('unknown_unit', { code: q.unit });
        unitPath = unit.path;
      }
      let phone: string | undefined;
      if (q.phone !== undefined) {
        phone = normalisePhone(q.phone) ?? undefined;
        if (!phone) throw badRequest('invalid_phone', { phone: q.phone });
      }
      const sort = q.sort ?? 'newest';
      const limit = q.limit ?? 20;
      const filters: ListFilters = {
        unitPath,
        statuses: splitList('status', q.status, petitionStatuses),
        kinds: splitList('kind', q.kind, petitionKinds),
        category: q.category,
        channels: splitList('channel', q.channel, channels),
        assignedToMe: q.assignedTo === 'me',
        leadByMe: q.leader === 'me',
        awaitingApproval: q.awaitingApproval,
        overdue: q.overdue,
        dueBefore: q.dueBefore !== undefined ? parseWhen('dueBefore', q.dueBefore) : undefined,
        phone,
        tsquery: q.q !== undefined ? toTsquery(q.q) : undefined,
        sort,
        after: q.cursor !== undefined ? decodeCursor(q.cursor, readCursor(sort)) : undefined,
        limit: limit + 1,
        now,
      };
      // Words that fold to nothing (only punctuation) match nothing.
      if (q.q !== undefined && !filters.tsquery) return { items: [] };
      const rows = await listPetitions(ctx.db, actor, filters, ctx.database);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => presentSummary(actor, row, now)),
        ...(rows.length > limit
          ? { next: encodeCursor(sort === 'due' ? { id: last.id, dueAt: last.due_at.toISOString() } : { id: last.id }) }
          : {}),
      };
    },
  );

  routes.get(
    '/api/v1/petitions/:id',
    {
      access: 'official',
      summary: 'One petition with its five clear items, timeline, attachments and the caller\'s abilities',
      params: IdParams,
      response: { 200: PetitionView },
    },
    async (request) => petitionView(ctx, request.actor, request.params.id),
  );
}
