/** Plans one gathering, with its audit event. */
import type { UnitRecord } from '../../units/index.ts';
import { badRequest } from '../../../platform/errors.ts';
import { localDateTime, localInstant } from '../../../platform/calendar.ts';
import type { CreateGatheringBody } from '../gatherings.schema.ts';
import { insertGathering } from '../gatherings.queries.ts';
import { auditGathering, checkPlan, type GatheringActor, type GatheringContext } from './shared.ts';

/** The instant of 'YYYY-MM-DDTHH:MM' in a time zone; a day that does not exist (30 February) is refused. */
export function wallClock(text: string, timeZone: string): Date {
  const [day, time] = text.split('T');
  const at = localInstant(day, time, timeZone);
  if (Number.isNaN(at.getTime()) || localDateTime(at, timeZone) !== `${day} ${time}`) throw badRequest('gathering_invalid_time');
  return at;
}

export type PlanFields = Omit<CreateGatheringBody, 'unit' | 'start' | 'end'>;

export function gatheringValues(unit: UnitRecord, body: PlanFields, startsAt: Date, endsAt: Date, actor: GatheringActor, now: Date, seriesId: number | null = null) {
  return {
    unit_id: unit.id,
    unit_path: unit.path,
    series_id: seriesId,
    kind: body.kind,
    title: body.title.trim(),
    host_id: body.host ?? null,
    host_role: body.hostRole ?? null,
    place: body.place ?? null,
    place_lat: body.point?.lat ?? null,
    place_lng: body.point?.lng ?? null,
    starts_at: startsAt,
    ends_at: endsAt,
    capacity: body.capacity ?? null,
    topics: body.topics ?? [],
    created_by: actor.kind === 'official' ? actor.id : null,
    created_at: now,
    updated_at: now,
  };
}

export async function planGathering(ctx: GatheringContext, actor: GatheringActor, unit: UnitRecord, body: CreateGatheringBody): Promise<number> {
  const startsAt = wallClock(body.start, unit.timeZone);
  const endsAt = wallClock(body.end, unit.timeZone);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await checkPlan(trx, { host: body.host, agencies: body.agencies, startsAt, endsAt, timeZone: unit.timeZone });
    const agencies = [...new Set(body.agencies ?? [])];
    const id = await insertGathering(trx, gatheringValues(unit, body, startsAt, endsAt, actor, now), agencies);
    await auditGathering(trx, ctx, actor, 'planned', { id, unitId: unit.id }, {
      kind: body.kind, title: body.title, host: body.host ?? null, hostRole: body.hostRole ?? null,
      startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: body.capacity ?? null, agencies,
    });
    return id;
  });
}
