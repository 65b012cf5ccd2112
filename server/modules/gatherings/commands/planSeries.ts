/**
 * Plans a series: its rule, and a gathering on each of its days (holidays of the unit's calendar
 * skipped or moved by the series' rule, exceptions left out), all or none.
 */
import type { UnitRecord } from '../../units/index.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { loadCalendar, localInstant, placeOfUnit } from '../../../platform/calendar.ts';
import type { CreateSeriesBody } from '../gatherings.schema.ts';
import { maxOccurrences, parseRule, seriesDays } from '../gatherings.policy.ts';
import { addSeriesException, getSeries, insertGathering, insertSeries, seriesGatheringsOn, setState } from '../gatherings.queries.ts';
import { auditGathering, checkPlan, type GatheringActor, type GatheringContext } from './shared.ts';
import { gatheringValues } from './planGathering.ts';

export async function planSeries(
  ctx: GatheringContext,
  actor: GatheringActor,
  unit: UnitRecord,
  body: CreateSeriesBody,
): Promise<{ id: number; days: string[]; gatherings: number[] }> {
  if (!parseRule(body.rrule)) throw badRequest('invalid_rrule');
  if (body.untilDay < body.firstDay) throw badRequest('invalid_period', { from: body.firstDay, to: body.untilDay });
  const cal = await loadCalendar(ctx.db);
  const place = placeOfUnit({ id: unit.id, path: unit.path, country: unit.country, time_zone: unit.timeZone });
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

/** Leaves one day out of a series: its gathering there, if planned or open, is cancelled. */
export async function addException(
  ctx: GatheringContext,
  actor: GatheringActor,
  seriesId: number,
  day: string,
  may: (unitPath: string) => boolean,
): Promise<{ cancelled: number[] }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const series = await getSeries(trx, seriesId, true);
    if (!series || !may(series.unit_path)) throw notFound();
    if (series.exceptions.includes(day)) throw conflict('gathering_state', { state: 'cancelled', action: 'cancel' });
    await addSeriesException(trx, seriesId, day);
    const ids = await seriesGatheringsOn(trx, seriesId, day);
    for (const id of ids) {
      await setState(trx, id, 'cancelled', { reason: `exception ${day}` }, now);
      await auditGathering(trx, ctx, actor, 'cancel', { id, unitId: series.unit_id }, { to: 'cancelled', reason: `exception ${day}`, series: seriesId });
    }
    return { cancelled: ids };
  });
}
