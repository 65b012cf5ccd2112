import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import { locales, type Locale } from '../../../platform/i18n.ts';
import type { MatterActionType } from '../../../contract/domain.ts';
import { actionStage } from '../deliberation.policy.ts';
import { getMatter, matterFollowers, setMatterStage, type MatterRow } from '../deliberation.queries.ts';

export interface StepContext {
  db: Kysely<DB>;
  actor: AuditInput['actor'];
  now: Date;
}

/**
 * Runs one action on a matter in one transaction: locks the matter, refuses (409) an action its
 * stage does not allow — a skipped stage included — then lets `body` make the change and returns
 * what it says to record in the audit trail, and to which stage the matter moves.
 */
export async function matterStep<T>(
  ctx: StepContext,
  matterId: number,
  action: MatterActionType,
  body: (trx: Kysely<DB>, matter: MatterRow) => Promise<{ changes: Record<string, unknown>; stage?: string; extra?: Parameters<typeof setMatterStage>[4]; result?: T }>,
): Promise<T | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const matter = await getMatter(trx, matterId, true);
    if (!matter) throw notFound();
    if (actionStage[action] !== matter.stage) throw conflict('matter_stage', { stage: matter.stage, action });
    const outcome = await body(trx, matter);
    if (outcome.stage && (outcome.stage !== matter.stage || outcome.extra)) await setMatterStage(trx, matter.id, outcome.stage, ctx.now, outcome.extra);
    await appendAudit(trx, {
      actor: ctx.actor,
      action: `matter.${action}`,
      subjectType: 'matter',
      subjectId: matter.id,
      unitId: matter.unit_id,
      changes: { ...outcome.changes, ...(outcome.stage && outcome.stage !== matter.stage ? { stage: { from: matter.stage, to: outcome.stage } } : {}) },
      at: ctx.now,
    });
    if (outcome.stage && outcome.stage !== matter.stage) {
      for (const f of await matterFollowers(trx, matter.id)) {
        const recipient = f.phone ?? f.email;
        if (!recipient) continue;
        await enqueueNotification(trx, {
          channel: f.phone ? 'sms' : 'email',
          recipient,
          template: 'matter_stage_changed',
          locale: (locales as readonly string[]).includes(f.locale ?? '') ? (f.locale as Locale) : 'vi',
          params: { title: matter.title, council: matter.council_name, stage: outcome.stage },
          dedupeKey: `matter:${matter.id}:${outcome.stage}:${matter.revision}:${f.id}`,
          at: ctx.now,
        });
      }
    }
    return outcome.result;
  });
}
