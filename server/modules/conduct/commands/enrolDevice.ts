import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest } from '../../../platform/errors.ts';
import { deviceByEnrolmentCode, insertDevice, revokeDeviceRow, setDeviceToken, type ServicePointPlace } from '../conduct.queries.ts';
import { enrolmentHours, hashToken, newEnrolmentCode, newToken, normaliseEnrolmentCode } from '../conduct.tokens.ts';

type Ctx = { db: Kysely<DB>; clock: Clock };

/** A counter tablet to be: its one-time enrolment code is answered once and only its hash is kept. */
export async function createDevice(ctx: Ctx, actor: AuditInput['actor'] & { kind: 'official' }, place: ServicePointPlace, name: string) {
  const now = ctx.clock.now();
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + enrolmentHours * 3_600_000);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertDevice(trx, { servicePointId: place.id, name: name.trim(), codeHash: hashToken(code), expiresAt, createdBy: actor.id, now });
    await appendAudit(trx, {
      actor,
      action: 'satisfaction_device.created',
      subjectType: 'satisfaction_device',
      subjectId: id,
      unitId: place.unit_id,
      changes: { servicePoint: place.id, name: name.trim(), expiresAt },
      at: now,
    });
    return id;
  });
  return { id, enrolmentCode: code, expiresAt };
}

/** The tablet gives the code once; it gets a device token (kept as a cookie, stored as a hash). */
export async function enrolDevice(ctx: Ctx, code: string): Promise<{ token: string; servicePointId: number }> {
  const now = ctx.clock.now();
  const token = newToken();
  return ctx.db.transaction().execute(async (trx) => {
    const device = await deviceByEnrolmentCode(trx, hashToken(normaliseEnrolmentCode(code)));
    if (!device || device.revoked_at || !device.enrolment_expires_at || new Date(device.enrolment_expires_at) <= now) {
      throw badRequest('enrolment_code_invalid');
    }
    await setDeviceToken(trx, Number(device.id), hashToken(token), now);
    await appendAudit(trx, {
      actor: { kind: 'system', label: 'kiosk' },
      action: 'satisfaction_device.enrolled',
      subjectType: 'satisfaction_device',
      subjectId: Number(device.id),
      changes: { servicePoint: Number(device.service_point_id) },
      at: now,
    });
    return { token, servicePointId: Number(device.service_point_id) };
  });
}

export async function revokeDevice(ctx: Ctx, actor: AuditInput['actor'], device: { id: number; unit_id: number }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await revokeDeviceRow(trx, device.id, now);
    await appendAudit(trx, { actor, action: 'satisfaction_device.revoked', subjectType: 'satisfaction_device', subjectId: device.id, unitId: device.unit_id, at: now });
  });
}
