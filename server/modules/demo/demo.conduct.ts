/**
 * The conduct side of the demo world: the articles' codes of conduct (in force since the start of
 * 2023), the one-stop counter tablets of Thanh Nho and Nam Đàn town, enrolled, with ratings from
 * them (and Thanh Nho's from its QR code), and the official on duty at each counter now. Added once; a second run finds them and adds nothing.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Official } from '../../platform/access.ts';
import { resolveUnit } from '../units/index.ts';
import { createDevice, createNormSet, enrolDevice, normSetsInForce, rateGathering, rateService, servicePointPlace, setDuty } from '../conduct/index.ts';
import { trackingAlphabet } from '../petitions/index.ts';
import { forumTitle } from './demo.gatherings.ts';
import { findUnitWithChecklist, findServicePointId } from '../service-points/index.ts';
import { demoGatheringRatings, demoKiosks, demoNormSets, demoPhotos } from './demo.conduct.data.ts';
import { portraitPng } from './demo.photo.ts';
import { setOfficialPhoto } from '../directory/index.ts';
import { demoOfficialActor, gatheringRatingCount, gatheringsTitled, hasDevices, hasPhoto, insertDemoBooking, normSetIds } from './demo.queries.ts';

const actor = { kind: 'system', label: 'demo' } as const;
/** The codes of conduct hold from the start of the demo's year. */
const inForceFrom = new Date('2023-01-01T00:00:00Z');

export async function seedConduct(ctx: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  for (const set of demoNormSets) {
    const unit = await resolveUnit(ctx.db, set.unit, ctx.clock.now());
    if (!unit || (await normSetIds(ctx.db, unit.id, set.key)).length) continue;
    await createNormSet({ db: ctx.db, clock: { now: () => inForceFrom } }, actor, unit, set.key, { names: set.names, norms: set.norms });
  }

  for (const p of demoPhotos) {
    const official = await demoOfficialActor(ctx.db, p.username);
    const home = official?.grants.find((g) => g.unitId !== null);
    if (official && home && !(await hasPhoto(ctx.db, official.id))) await setOfficialPhoto(ctx, official, { id: official.id, unitId: Number(home.unitId) }, portraitPng(p.colour));
  }

  const admin = await demoOfficialActor(ctx.db, 'demo.admin');
  if (!admin) return;
  for (const kiosk of demoKiosks) await seedKiosk(ctx, admin, kiosk);
}

/** A counter's tablet, enrolled, its ratings and the official on duty there; nothing when the counter already has a tablet. */
async function seedKiosk(ctx: { db: Kysely<DB>; clock: Clock }, admin: Official, kiosk: (typeof demoKiosks)[number]): Promise<void> {
  const unit = await findUnitWithChecklist(ctx.db, kiosk.unit, ctx.clock.now());
  if (!unit) return;
  const pointId = await findServicePointId(ctx.db, unit.id, 'township.government_service_centre', kiosk.servicePoint);
  const place = pointId === undefined ? undefined : await servicePointPlace(ctx.db, pointId);
  if (!place || (await hasDevices(ctx.db, place.id))) return;

  const now = ctx.clock.now();
  const created = await createDevice(ctx, admin, place, kiosk.name);
  await enrolDevice(ctx, created.enrolmentCode);
  const deviceId = created.id;
  const codes = new Map((await normSetsInForce(ctx.db, place.unit_path, now)).map((r) => [r.code, r.norm_id]));
  for (const r of kiosk.ratings) {
    const at = new Date(now.getTime() - r.minutesAgo * 60_000);
    const official = r.official ? (await demoOfficialActor(ctx.db, r.official))?.id : undefined;
    const by =
      r.source === 'kiosk'
        ? ({ source: 'kiosk', deviceId } as const)
        : ({ source: 'link', raterHash: crypto.randomBytes(16).toString('hex'), officialId: official ?? null } as const);
    await rateService({ db: ctx.db, clock: { now: () => at } }, place, by, {
      score: r.score,
      official: r.source === 'kiosk' ? official : undefined,
      procedure: r.procedure,
      norms: r.norms?.map((c) => codes.get(c)).filter((id): id is number => typeof id === 'number'),
    });
  }
  const onDuty = await demoOfficialActor(ctx.db, kiosk.onDuty);
  if (onDuty) await setDuty(ctx, onDuty, place, onDuty.id);
}

/**
 * Thanh Nho's forum held three weeks ago, rated by residents who had booked a place, each with
 * their booking code the day after. Added once: a forum that has ratings gets no more.
 */
export async function seedGatheringRatings(ctx: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  const unit = await resolveUnit(ctx.db, demoKiosks[0].unit, ctx.clock.now());
  if (!unit) return;
  const forum = (await gatheringsTitled(ctx.db, unit.id, forumTitle)).filter((g) => g.state === 'published').pop();
  if (!forum || (await gatheringRatingCount(ctx.db, forum.id)) > 0) return;
  const start = new Date(forum.starts_at);
  const codes = new Map((await normSetsInForce(ctx.db, unit.path, ctx.clock.now())).map((r) => [r.code, r.norm_id]));
  for (const [i, r] of demoGatheringRatings.entries()) {
    const code = [...crypto.randomBytes(8)].map((b) => trackingAlphabet[b % trackingAlphabet.length]).join('');
    await insertDemoBooking(ctx.db, { gatheringId: forum.id, code, phone: r.phone, name: r.name, at: new Date(start.getTime() - (5 - i) * 86_400_000) });
    const at = new Date(start.getTime() + r.hoursAfter * 3_600_000);
    await rateGathering({ db: ctx.db, clock: { now: () => at } }, actor, crypto.randomBytes(16).toString('hex'), {
      code,
      score: r.score,
      norms: r.norms?.map((c) => codes.get(c)).filter((id): id is number => typeof id === 'number'),
      ...(r.comment ? { comment: r.comment } : {}),
    });
  }
}
