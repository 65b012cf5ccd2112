/**
 * The `gathering.published` webhook event (docs/INTEROP.md): what the public page of a published
 * gathering shows — its kind, title, unit, time, place, topics, attendance, summary and
 * outcomes, with phone and identity numbers masked — and never who booked, who attended, the
 * minutes, or who raised what.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { localDateTime } from '../../platform/calendar.ts';
import { maskPersonalData } from '../../platform/personalData.ts';
import type { WebhookEventSource } from '../webhooks/index.ts';
import { getGathering, type GatheringRow } from './gatherings.queries.ts';

const masked = (text: string | null) => (text === null ? null : maskPersonalData(text));

function presentPublishedGathering(g: GatheringRow) {
  return {
    gathering: {
      id: g.id,
      kind: g.kind,
      title: maskPersonalData(g.title),
      unit: g.unit_code,
      startsAt: g.starts_at.toISOString(),
      endsAt: g.ends_at.toISOString(),
      localStart: localDateTime(g.starts_at, g.time_zone),
      timeZone: g.time_zone,
      place: g.place,
      topics: g.topics,
      attendance: g.attendance,
      summary: masked(g.summary),
      outcomes: masked(g.outcomes),
    },
  };
}

async function describePublished(db: Kysely<DB>, subjectIds: string[]) {
  const out = new Map<string, Record<string, unknown> | null>();
  for (const id of subjectIds) {
    const g = /^\d{1,15}$/.test(id) ? await getGathering(db, Number(id)) : undefined;
    out.set(id, g && g.state === 'published' ? presentPublishedGathering(g) : null);
  }
  return out;
}

export const gatheringWebhookEvents: WebhookEventSource[] = [{ name: 'gathering.published', auditAction: 'gathering.publish', describe: describePublished }];
