/** What the gathering commands share: their context, the audit event, and the plan's checks. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { localDateTime } from '../../../platform/calendar.ts';
import { existingAgencies, getGathering, hostOverlap, officialName, type GatheringRow } from '../gatherings.queries.ts';

export interface GatheringContext {
  db: Kysely<DB>;
  clock: Clock;
  database?: Database;
}

export type GatheringActor = AuditInput['actor'];

/** The context of a petition command run inside this transaction. */
export const inside = (ctx: GatheringContext, trx: Kysely<DB>) => ({ ...ctx, db: trx }) as AppContext;

/** The gathering, locked until the transaction ends; 404 when there is none, or when `may` refuses the caller. */
export async function lockedGathering(trx: Kysely<DB>, id: number, may: (g: GatheringRow) => boolean = () => true): Promise<GatheringRow> {
  const g = await getGathering(trx, id, true);
  if (!g || !may(g)) throw notFound();
  return g;
}

export function auditGathering(
  trx: Kysely<DB>,
  ctx: GatheringContext,
  actor: GatheringActor,
  action: string,
  gathering: { id: number; unitId: number },
  changes: Record<string, unknown>,
): Promise<void> {
  return appendAudit(trx, {
    actor,
    action: `gathering.${action}`,
    subjectType: 'gathering',
    subjectId: gathering.id,
    unitId: gathering.unitId,
    changes,
    at: ctx.clock.now(),
  });
}

/** The host is an official, the agencies exist, and the host has no other gathering at that time. */
export async function checkPlan(
  trx: Kysely<DB>,
  plan: { host?: number; agencies?: number[]; startsAt: Date; endsAt: Date; timeZone: string },
): Promise<void> {
  if (!(plan.endsAt > plan.startsAt)) throw badRequest('gathering_invalid_time');
  if (plan.host !== undefined && (await officialName(trx, plan.host)) === undefined) throw badRequest('unknown_host', { id: plan.host });
  const agencies = [...new Set(plan.agencies ?? [])];
  const found = new Set(await existingAgencies(trx, agencies));
  const missing = agencies.find((a) => !found.has(a));
  if (missing !== undefined) throw badRequest('unknown_agency', { id: missing });
  if (plan.host !== undefined) {
    const other = await hostOverlap(trx, plan.host, plan.startsAt, plan.endsAt);
    if (other) throw conflict('host_busy', { at: localDateTime(other.starts_at, plan.timeZone), gathering: other.id });
  }
}
