/**
 * One entry of the console of a running gathering: attendance, an opinion (a petition through
 * the petitions module's intake, linked to the gathering), services delivered, or a "three sides,
 * one word" record. Each carries an idempotency key: a replayed entry is answered from what was
 * recorded the first time and changes nothing, so a console that lost its network may send its
 * queue again.
 */
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { submitPetition } from '../../petitions/index.ts';
import type { EntryBody } from '../gatherings.schema.ts';
import { acceptsEntries, channelOf } from '../gatherings.policy.ts';
import {
  addAttendance,
  addService,
  findEntry,
  insertEntry,
  insertRecord,
  linkPetition,
  petitionOfGathering,
  type GatheringRow,
} from '../gatherings.queries.ts';
import { auditGathering, inside, lockedGathering, type GatheringActor, type GatheringContext } from './shared.ts';

export interface EntryOutcome {
  key: string;
  type: string;
  replayed: boolean;
  petition?: { id: number; trackingCode: string; status: string };
  record?: number;
  attendance?: number;
}

export async function recordEntry(
  ctx: GatheringContext,
  actor: GatheringActor,
  id: number,
  entry: EntryBody,
  may: (g: GatheringRow) => boolean,
): Promise<EntryOutcome> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const g = await lockedGathering(trx, id, may);
    // Under the gathering's row lock: two replays of one key cannot both pass this.
    const earlier = await findEntry(trx, entry.key);
    if (earlier) {
      if (earlier.gathering_id !== id || earlier.type !== entry.type) throw conflict('entry_key_reused');
      return { ...(earlier.result as unknown as EntryOutcome), replayed: true };
    }
    if (!acceptsEntries(g.state)) throw conflict('gathering_not_running', { state: g.state });
    const out: EntryOutcome = { key: entry.key, type: entry.type, replayed: false };
    const changes: Record<string, unknown> = { key: entry.key, type: entry.type };
    switch (entry.type) {
      case 'attendance': {
        const names = (entry.names ?? []).map((n) => n.trim()).filter(Boolean);
        const count = (entry.count ?? 0) + names.length;
        if (count === 0) throw badRequest('invalid_input', { summary: 'count or names' });
        out.attendance = await addAttendance(trx, id, count, names, now);
        changes.added = count;
        break;
      }
      case 'opinion': {
        const p = await submitPetition(inside(ctx, trx), actor as Parameters<typeof submitPetition>[1], {
          unit: g.unit_code,
          kind: entry.kind,
          body: entry.body,
          title: entry.title,
          category: entry.category,
          channel: channelOf(g.kind),
          resident: entry.resident,
          consentToPublish: entry.consentToPublish ?? g.kind === 'forum',
          ...(entry.answerNow ? { answerNow: { text: entry.answerNow } } : {}),
          // Raised at the gathering: placed at its venue, so the unit's map shows where.
          ...(g.place_lat !== null && g.place_lng !== null ? { location: { lat: g.place_lat, lng: g.place_lng, ...(g.place ? { address: g.place.slice(0, 500) } : {}) } } : {}),
        });
        await linkPetition(trx, id, p.id, 'raised', now);
        out.petition = { id: p.id, trackingCode: p.trackingCode, status: p.status };
        changes.petition = p.id;
        break;
      }
      case 'service':
        await addService(trx, id, entry.serviceType, entry.count);
        changes.serviceType = entry.serviceType;
        changes.count = entry.count;
        break;
      case 'record': {
        if (g.kind !== 'reception_day' && g.kind !== 'working_session') throw badRequest('record_not_for_kind');
        if (entry.petition !== undefined && !(await petitionOfGathering(trx, id, entry.petition))) throw badRequest('record_petition_not_linked');
        out.record = await insertRecord(trx, {
          gathering_id: id,
          petition_id: entry.petition ?? null,
          resident_account: entry.residentAccount,
          agency_account: entry.agencyAccount,
          conclusion: entry.conclusion,
          responsible: entry.responsible,
          due_on: entry.dueOn,
          created_by: actor.kind === 'official' ? actor.id : null,
          created_at: now,
        });
        changes.record = out.record;
        changes.dueOn = entry.dueOn;
        break;
      }
      default:
        throw new AppError(400, 'invalid_input', { summary: 'type' });
    }
    await insertEntry(trx, { key: entry.key, gathering_id: id, type: entry.type, result: { ...out }, created_by: actor.kind === 'official' ? actor.id : null, created_at: now });
    await auditGathering(trx, ctx, actor, `entry.${entry.type}`, { id, unitId: g.unit_id }, changes);
    return out;
  });
}
