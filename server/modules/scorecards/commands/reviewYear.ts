import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { ScorecardGrade } from '../../../contract/domain.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest, conflict, forbidden } from '../../../platform/errors.ts';
import { findReview, saveGrade, saveSelfAssessment } from '../scorecards.queries.ts';
import { canActAsSuperior, canSelfAssess } from '../scorecards.policy.ts';

type Actor = AuditInput['actor'] & { kind: 'official' };
type Official = { id: number; home: { id: number; path: string } | null };

/** The official writes (or rewrites) their self-assessment of a year, until the leader grades it. */
export async function selfAssess(ctx: { db: Kysely<DB>; clock: Clock }, actor: Actor, official: Official, year: number, text: string): Promise<void> {
  if (!canSelfAssess(actor, official.id)) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const review = await findReview(trx, official.id, year, true);
    if (review?.leader_grade) throw conflict('review_graded');
    await saveSelfAssessment(trx, official.id, year, text.trim(), now);
    await appendAudit(trx, {
      actor,
      action: 'yearly_review.self_assessed',
      subjectType: 'yearly_review',
      subjectId: `${official.id}:${year}`,
      unitId: official.home?.id ?? null,
      changes: { year, length: text.trim().length },
      at: now,
    });
  });
}

/**
 * The leader grades the year: the computed scorecard is kept as it stands now, and a grade that
 * differs from the computed one needs its reasons.
 */
export async function gradeYear(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: Actor,
  official: Official,
  year: number,
  computed: { total: number | null; grade: ScorecardGrade | null; card: unknown },
  input: { grade: ScorecardGrade; reasons?: string },
): Promise<void> {
  if (!canActAsSuperior(actor, official.id, official.home?.path ?? null)) throw forbidden('not_superior');
  const reasons = input.reasons?.trim() || null;
  if (input.grade !== computed.grade && !reasons) throw badRequest('grade_reasons_required', { computed: computed.grade ?? '—' });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await findReview(trx, official.id, year, true);
    await saveGrade(trx, {
      officialId: official.id,
      year,
      computedGrade: computed.grade,
      computedTotal: computed.total,
      scorecard: computed.card,
      grade: input.grade,
      reasons,
      leaderId: actor.id,
      at: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'yearly_review.graded',
      subjectType: 'yearly_review',
      subjectId: `${official.id}:${year}`,
      unitId: official.home?.id ?? null,
      changes: { year, computedGrade: computed.grade, computedTotal: computed.total, grade: input.grade, reasons },
      at: now,
    });
  });
}
