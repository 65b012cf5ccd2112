import type { Module } from '../index.ts';
import { notFound } from '../../platform/errors.ts';
import { AuditList, AuditQuery, ChainVerificationView, VerificationQuery } from './audit.schema.ts';
import { auditScope, canFilterByUnit } from './audit.policy.ts';
import { latestCheckpoint } from './audit.queries.ts';
import { requireUnitWhere } from '../units/index.ts';
import { verifyChain } from '../../platform/audit-verify.ts';
import { readableEvents } from './audit.views.ts';
import { presentAuditEvent, presentVerification } from './audit.presenter.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { auditJobs } from './audit.jobs.ts';
import { routesOf } from '../../platform/routes.ts';
import { auditReaders } from '../../contract/roleSets.ts';

/** The audit trail, read by auditors and administrators within their units. */
export const auditModule: Module = {
  name: 'audit',
  jobs: auditJobs,
  routes(app, ctx) {
    const routes = routesOf(app, 'audit');

    routes.get(
      '/api/v1/audit',
      {
        access: { roles: auditReaders },
        summary: 'Audit events, newest first: of one subject, of a unit and the units below it, within the caller’s units',
        description: 'A petition\'s events show what the petition view shows the caller: none of a petition they may not see; without the recording official and file hashes where they may not know the resident.',
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
      async (request) => {
        const q = request.query;
        const scope = auditScope(request.actor);
        const unit = q.unit === undefined ? undefined : await requireUnitWhere(ctx.db, q.unit, ctx.clock.now(), (path) => canFilterByUnit(scope, path), 'not_found');
        const unitPath = unit?.path;
        const subject = q.subject === undefined ? undefined : splitSubject(q.subject);
        const { items, more } = await readableEvents(ctx.db, request.actor, {
          scope,
          subject,
          unitPath,
          beforeId: idAfterCursor(q.cursor),
        }, q.limit ?? 50);
        return {
          items: items.map(presentAuditEvent),
          ...(more ? { next: encodeCursor(items[items.length - 1].id) } : {}),
        };
      },
    );

    routes.get(
      '/api/v1/audit/verification',
      {
        access: { roles: auditReaders },
        summary: "Verifies one subject's chain now: each event's hash and link, and its head against the latest checkpoint",
        description:
          'For a subject of which the caller may read at least one event (404 otherwise). The whole trail, the checkpoints\' own chain included, is verified by `zerodistance audit verify`.',
        querystring: VerificationQuery,
        response: { 200: ChainVerificationView },
      },
      async (request) => {
        const subject = splitSubject(request.query.subject);
        const seen = await readableEvents(ctx.db, request.actor, { scope: auditScope(request.actor), subject }, 1);
        if (!seen.items.length) throw notFound();
        const result = await verifyChain(ctx.db, subject.type, subject.id);
        return presentVerification(subject, result, await latestCheckpoint(ctx.db));
      },
    );
  },
};

/** 'petition:42' → { type: 'petition', id: '42' }; an id may itself contain ':'. */
function splitSubject(subject: string): { type: string; id: string } {
  const colon = subject.indexOf(':');
  return { type: subject.slice(0, colon), id: subject.slice(colon + 1) };
}
