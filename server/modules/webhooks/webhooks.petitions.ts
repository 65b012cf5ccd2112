/**
 * The petition events: received, assigned, answered, overdue, escalated. What goes out is the
 * case's public facts (tracking code, kind, category, status, unit, due time); never the text,
 * never who raised it; and nothing about a denunciation or a conduct report, whose existence
 * is confidential.
 */
import { protectedKinds } from '../petitions/index.ts';
import { petitionFacts } from './webhooks.queries.ts';
import type { WebhookEventSource } from './webhooks.events.ts';

const describePetitions: WebhookEventSource['describe'] = async (db, subjectIds) => {
  const ids = subjectIds.map(Number).filter((id) => Number.isSafeInteger(id));
  const facts = new Map((await petitionFacts(db, ids)).map((p) => [String(p.id), p]));
  return new Map(
    subjectIds.map((id) => {
      const p = facts.get(id);
      if (!p || protectedKinds.includes(p.kind)) return [id, null];
      return [
        id,
        {
          petition: {
            trackingCode: p.tracking_code,
            kind: p.kind,
            category: p.category,
            status: p.status,
            unit: p.unit_code,
            dueAt: p.due_at.toISOString(),
            urgent: p.urgent,
          },
        },
      ];
    }),
  );
};

const petitionWebhookEvents: Array<[name: string, auditAction: string]> = [
  ['petition.received', 'petition.submit'],
  ['petition.assigned', 'petition.assign'],
  ['petition.answered', 'petition.answer'],
  ['petition.overdue', 'petition.overdue'],
  ['petition.escalated', 'petition.escalate'],
];

export const petitionWebhookSources: WebhookEventSource[] = petitionWebhookEvents.map(([name, auditAction]) => ({ name, auditAction, describe: describePetitions }));
