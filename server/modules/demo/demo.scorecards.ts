/**
 * Nam Đàn's evaluation framework (article 004): criteria per job position with a scale and
 * scores, the use of information technology weighted highest; the grades' thresholds; the
 * public ranking's minimum volume for the communes of Nghệ An's districts.
 */
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { readDataFile } from '../../platform/dataFile.ts';
import { Nullable } from '../../platform/shapes.ts';
import { resolveUnit } from '../units/index.ts';
import { saveFramework, scorecardFrameworkCount, ScorecardCriterion, ScorecardThresholds, setRankingMinimum } from '../scorecards/index.ts';

const actor = { kind: 'system', label: 'demo' } as const;

/** Per job position; "handled fully online" (IT use) carries the highest weight in each (demo.scorecards.json). */
const DemoFrameworks = Type.Object({
  thresholds: ScorecardThresholds,
  frameworks: Type.Array(
    Type.Object({ position: Nullable(Type.String()), criteria: Type.Array(ScorecardCriterion, { minItems: 1 }) }, { additionalProperties: false }),
  ),
});
const { thresholds, frameworks: namDanFrameworks } = readDataFile(new URL('./demo.scorecards.json', import.meta.url), DemoFrameworks);

export async function seedScorecards(ctx: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  const namDan = await resolveUnit(ctx.db, '430', ctx.clock.now());
  if (!namDan || (await scorecardFrameworkCount(ctx.db, namDan.id)) > 0) return;
  for (const f of namDanFrameworks) {
    await saveFramework(ctx, actor, namDan, { unit: namDan.code, position: f.position, thresholds, criteria: f.criteria });
  }
  const province = await resolveUnit(ctx.db, '40', ctx.clock.now());
  if (province) await setRankingMinimum(ctx, actor, province, 20);
}
