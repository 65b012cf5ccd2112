/**
 * Nam Đàn's evaluation framework (article 004): criteria per job position with a scale and
 * scores, the use of information technology weighted highest; the grades' thresholds; the
 * public ranking's minimum volume for the communes of Nghệ An's districts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { resolveUnit } from '../units/index.ts';
import { saveFramework, scorecardFrameworkCount, setRankingMinimum } from '../scorecards/index.ts';

const actor = { kind: 'system', label: 'demo' } as const;
const thresholds = { excellent: 90, good: 75, completed: 50 };

/** Per job position; "handled fully online" (IT use) carries the highest weight in each. */
const namDanFrameworks = [
  {
    position: null,
    criteria: [
      { measure: 'online_share', weight: 30, worst: 0, best: 100 },
      { measure: 'on_time_rate', weight: 25, worst: 50, best: 100 },
      { measure: 'satisfaction', weight: 20, worst: 40, best: 100 },
      { measure: 'overdue_count', weight: 10, worst: 10, best: 0 },
      { measure: 'upheld_conduct', weight: 10, worst: 3, best: 0 },
      { measure: 'inspection_findings', weight: 5, worst: 4, best: 0 },
    ],
  },
  {
    position: 'Công chức một cửa',
    criteria: [
      { measure: 'online_share', weight: 35, worst: 0, best: 100 },
      { measure: 'satisfaction', weight: 25, worst: 40, best: 100 },
      { measure: 'on_time_rate', weight: 20, worst: 50, best: 100 },
      { measure: 'reopen_rate', weight: 10, worst: 30, best: 0 },
      { measure: 'upheld_conduct', weight: 5, worst: 3, best: 0 },
      { measure: 'inspection_findings', weight: 5, worst: 4, best: 0 },
    ],
  },
  {
    position: 'Chủ tịch UBND',
    criteria: [
      { measure: 'online_share', weight: 30, worst: 0, best: 100 },
      { measure: 'gatherings_held', weight: 25, worst: 50, best: 100 },
      { measure: 'on_time_rate', weight: 20, worst: 50, best: 100 },
      { measure: 'satisfaction', weight: 15, worst: 40, best: 100 },
      { measure: 'upheld_conduct', weight: 10, worst: 3, best: 0 },
    ],
  },
] as const;

export async function seedScorecards(ctx: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  const namDan = await resolveUnit(ctx.db, '430', ctx.clock.now());
  if (!namDan || (await scorecardFrameworkCount(ctx.db, namDan.id)) > 0) return;
  for (const f of namDanFrameworks) {
    await saveFramework(ctx, actor, namDan, { unit: namDan.code, position: f.position, thresholds, criteria: f.criteria.map((c) => ({ ...c })) });
  }
  const province = await resolveUnit(ctx.db, '40', ctx.clock.now());
  if (province) await setRankingMinimum(ctx, actor, province, 20);
}
