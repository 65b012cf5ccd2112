/**
 * Plans a series: its rule, and a gathering on each of its days (holidays of the unit's calendar
 * skipped or moved by the series' rule, exceptions left out), all or none.
 */
import type { UnitRecord } from '../../units/index.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { loadCalendar, localDateTime, localInstant } from '../../../platform/calendar.ts';
import type { CreateSeriesBody } from '../gatherings.schema.ts';
import { maxOccurrences, parseRule, seriesDays } from '../gatherings.policy.ts';
import { addSeriesException, getGathering, getSeries, insertGathering, insertSeries, seriesGatheringsOn, setState } from '../gatherings.queries.ts';
import { auditGathering, checkPlan, type GatheringActor, type GatheringContext } from './shared.ts';
import { gatheringValues, type PlanFields } from './planGathering.ts';

export async function planSeries(
  ctx: GatheringContext,
  actor: GatheringActor,
  unit: UnitRecord,
  body: CreateSeriesBody,
): Promise<{ id: number; days: string[]; gatherings: number[] }> {
  if (!parseRule(body.rrule)) throw badRequest('invalid_rrule');
  if (body.untilDay < body.firstDay) throw badRequest('invalid_period', { from: body.firstDay, to: body.untilDay });
  const cal = await loadCalendar(ctx.db);
  const place = { id: unit.id, path: unit.path, country: unit.country, time_zone: unit.timeZone };
  const rule = { rrule: body.rrule, firstDay: body.firstDay, untilDay: body.untilDay, holidayRule: body.holidayRule, exceptions: body.exceptions ?? [] };
  const days = seriesDays(rule, cal, place);
  if (!days.length) throw badRequest('series_empty', { from: body.firstDay, to: body.untilDay });
  if (days.length > maxOccurrences) throw badRequest('series_too_long', { max: maxOccurrences });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertSeries(trx, {
      unit_id: unit.id, kind: body.kind, title: body.title.trim(), rrule: body.rrule.replace(/^RRULE:/i, ''), first_day: body.firstDay,
      until_day: body.untilDay, start_time: body.startTime, minutes: body.minutes, holiday_rule: body.holidayRule,
      exceptions: [...new Set(body.exceptions ?? [])], created_by: actor.kind === 'official' ? actor.id : null,
    });
    const agencies = [...new Set(body.agencies ?? [])];
    const gatherings: number[] = [];
    for (const day of days) {
      const startsAt = localInstant(day, body.startTime, unit.timeZone);
      const endsAt = new Date(startsAt.getTime() + body.minutes * 60_000);
      await checkPlan(trx, { host: body.host, agencies, startsAt, endsAt, timeZone: unit.timeZone });
      const gid = await insertGathering(trx, gatheringValues(unit, body, startsAt, endsAt, actor, now, id), agencies);
      await auditGathering(trx, ctx, actor, 'planned', { id: gid, unitId: unit.id }, {
        series: id, kind: body.kind, title: body.title, host: body.host ?? null, hostRole: body.hostRole ?? null,
        startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: body.capacity ?? null, agencies,
      });
      gatherings.push(gid);
    }
    return { id, days, gatherings };
  });
}

/**
 * Leaves one day out of a series: its gathering there, if planned or open, is cancelled. With
 * `moveTo`, that gathering is planned again on the other day at the same local time (same host,
 * place, agencies, capacity and topics; the host must be free), naming the day it replaces.
 * Bookings stay with the cancelled gathering: residents book the new day again.
 */
export async function addException(
  ctx: GatheringContext,
  actor: GatheringActor,
  seriesId: number,
  body: { day: string; moveTo?: string },
  may: (unitPath: string) => boolean,
): Promise<{ cancelled: number[]; planned: number | null }> {
  const { day, moveTo } = body;
  if (moveTo === day) throw badRequest('series_move_same_day', { day });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const series = await getSeries(trx, seriesId, true);
    if (!series || !may(series.unit_path)) throw notFound();
    if (series.exceptions.includes(day)) throw conflict('series_day_taken', { day });
    const ids = await seriesGatheringsOn(trx, seriesId, day);
    const template = moveTo ? await getGathering(trx, ids[0] ?? 0) : undefined;
    if (moveTo && (!template || template.state !== 'planned')) throw conflict('series_day_not_planned', { day });
    await addSeriesException(trx, seriesId, day);
    const reason = moveTo ? `moved ${day} → ${moveTo}` : `exception ${day}`;
    for (const id of ids) {
      await setState(trx, id, 'cancelled', { reason }, now);
      await auditGathering(trx, ctx, actor, 'cancel', { id, unitId: series.unit_id }, { to: 'cancelled', reason, series: seriesId });
    }
    if (!moveTo || !template) return { cancelled: ids, planned: null };
    const startsAt = localInstant(moveTo, localDateTime(template.starts_at, template.time_zone).slice(11), template.time_zone);
    const endsAt = new Date(startsAt.getTime() + (template.ends_at.getTime() - template.starts_at.getTime()));
    const agencies = template.agencies.map((a) => a.id);
    await checkPlan(trx, { host: template.host_id ?? undefined, agencies, startsAt, endsAt, timeZone: template.time_zone });
    const unit = { id: template.unit_id, path: template.unit_path } as UnitRecord;
    const fields = {
      kind: template.kind, title: template.title, host: template.host_id ?? undefined, hostRole: (template.host_role ?? undefined) as PlanFields['hostRole'],
      place: template.place ?? undefined, point: template.place_lat !== null && template.place_lng !== null ? { lat: template.place_lat, lng: template.place_lng } : undefined,
      capacity: template.capacity ?? undefined, topics: template.topics,
    };
    const planned = await insertGathering(trx, { ...gatheringValues(unit, fields, startsAt, endsAt, actor, now, seriesId), moved_from: day }, agencies);
    await auditGathering(trx, ctx, actor, 'planned', { id: planned, unitId: series.unit_id }, {
      series: seriesId, movedFrom: day, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(),
    });
    return { cancelled: ids, planned };
  });
}
