/** A resident books a place (a reception slot) with a phone number, and may cancel it with the code. */
import crypto from 'node:crypto';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { localDateTime } from '../../../platform/calendar.ts';
import { normalisePhone, trackingAlphabet } from '../../petitions/index.ts';
import { acceptsResidents } from '../gatherings.policy.ts';
import { activeBooking, cancelBooking, findBooking, insertBooking, type GatheringRow } from '../gatherings.queries.ts';
import { auditGathering, lockedGathering, type GatheringActor, type GatheringContext } from './shared.ts';

function newBookingCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => trackingAlphabet[b % trackingAlphabet.length]).join('');
}

/** 409 when the gathering takes no residents now, with the reason. */
export function refuseClosed(g: GatheringRow, now: Date): void {
  const ok = acceptsResidents(g.state, g.starts_at, now);
  if (ok === 'cancelled') throw conflict('gathering_cancelled', { reason: g.cancel_reason ?? '' });
  if (ok === 'past') throw conflict('gathering_past');
}

export async function bookPlace(
  ctx: GatheringContext,
  actor: GatheringActor,
  id: number,
  input: { phone: string; name?: string },
): Promise<{ code: string; gathering: number; localStart: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const g = await lockedGathering(trx, id);
    refuseClosed(g, now);
    const phone = normalisePhone(input.phone, g.country);
    if (!phone) throw badRequest('invalid_phone', { phone: input.phone });
    if (g.capacity !== null && g.booked >= g.capacity) throw conflict('gathering_full', { capacity: g.capacity });
    if (await activeBooking(trx, id, phone)) throw conflict('already_booked');
    const code = newBookingCode();
    const booking = await insertBooking(trx, { gathering_id: id, code, phone, name: input.name?.trim() || null, created_at: now });
    // The audit trail names the booking, not the phone number.
    await auditGathering(trx, ctx, actor, 'booked', { id, unitId: g.unit_id }, { booking });
    return { code, gathering: id, localStart: localDateTime(g.starts_at, g.time_zone) };
  });
}

export async function cancelPlace(ctx: GatheringContext, actor: GatheringActor, id: number, code: string, phone: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const g = await lockedGathering(trx, id);
    const booking = await findBooking(trx, id, code.toUpperCase());
    const given = normalisePhone(phone, g.country);
    // A wrong code and a wrong phone number are one answer.
    if (!booking || booking.cancelled_at || !given || given !== booking.phone) throw notFound({ code: 'booking_not_found' });
    await cancelBooking(trx, booking.id, now);
    await auditGathering(trx, ctx, actor, 'booking_cancelled', { id, unitId: g.unit_id }, { booking: booking.id });
  });
}
