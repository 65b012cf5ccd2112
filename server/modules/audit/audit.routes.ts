import type { Module } from '../index.ts';
import { notFound } from '../../platform/errors.ts';
import { AuditList, AuditQuery } from './audit.schema.ts';
import { auditReaders, auditScope, canFilterByUnit } from './audit.policy.ts';
import { findUnitPath } from './audit.queries.ts';
import { readableEvents } from './audit.views.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import './audit.jobs.ts';

/** The audit trail, read by auditors and administrators within their units. */
export const auditModule: Module = {
  name: 'audit',
  routes(app, ctx) {
    app.get(
      '/api/v1/audit',
      {
        config: { access: { roles: auditReaders } },
        schema: {
          tags: ['audit'],
          summary: 'Audit events, newest first: of one subject, of a unit and the units below it, within the caller’s units',
          description: 'A petition\'s events show what the petition view shows the caller: none of a petition they may not see; without the recording official and file hashes where they may not know the resident.',
          querystring: AuditQuery,
          response: { 200: AuditList },
        },
      },
      async (request) => {
        const q = request.query;
        const scope = auditScope(request.actor);
        let unitPath: string | undefined;
        if (q.unit !== undefined) {
          unitPath = await findUnitPath(ctx.db, q.unit, ctx.clock.now());
          if (unitPath === undefined || !canFilterByUnit(scope, unitPath)) throw notFound();
        }
        const subject = q.subject === undefined ? undefined : splitSubject(q.subject);
        const { items, more } = await readableEvents(ctx.db, request.actor, {
          scope,
          subject,
          unitPath,
          beforeId: q.cursor === undefined ? undefined : Number(q.cursor),
        }, q.limit ?? 50);
        return {
          items: items.map(presentAuditEvent),
          ...(more ? { next: String(items[items.length - 1].id) } : {}),
        };
      },
    );
  },
};

/** 'petition:42' → { type: 'petition', id: '42' }; an id may itself contain ':'. */
function splitSubject(subject: string): { type: string; id: string } {
  const colon = subject.indexOf(':');
  return { type: subject.slice(0, colon), id: subject.slice(colon + 1) };
}
