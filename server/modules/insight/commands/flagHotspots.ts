/**
 * Looks at the week ending at `weekEnd`: each unit's category whose count rose unusually over
 * its previous eight weeks is recorded as a hotspot, with its petitions, and the unit's leaders
 * receive a notice. Idempotent: a hotspot is recorded once per unit, category and week, and
 * its notices have dedupe keys.
 */
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notifyOfficial } from '../../../platform/notify/notices.ts';
import { officialsAtUnit } from '../../petitions/index.ts';
import { defaultRule, judgeWeek, type HotspotRule } from '../insight.hotspots.ts';
import { insertHotspot, unitNames, weeklyCounts } from '../insight.queries.ts';

export interface Flagged {
  id: number;
  unitId: number;
  category: string;
  count: number;
  baseline: number;
  score: number;
}

export async function flagHotspots(ctx: Pick<AppContext, 'db' | 'clock'>, weekEnd: Date, rule: HotspotRule = defaultRule): Promise<Flagged[]> {
  const counts = await weeklyCounts(ctx.db, weekEnd, rule.minCount);
  const flagged: Flagged[] = [];
  const now = ctx.clock.now();
  const candidates = counts.flatMap((c) => {
    const flag = judgeWeek(c.weeks, rule);
    return flag ? [{ c, flag }] : [];
  });
  const names = await unitNames(ctx.db, candidates.map((x) => x.c.unitId));
  for (const { c, flag } of candidates) {
    await ctx.db.transaction().execute(async (trx) => {
      const id = await insertHotspot(trx, { unitId: c.unitId, unitPath: c.unitPath, category: c.category, weekEnd, ...flag, petitionIds: c.petitionIds, at: now });
      if (id === undefined) return; // flagged before
      await appendAudit(trx, {
        actor: { kind: 'system', label: 'hotspots' },
        action: 'hotspot.flagged',
        subjectType: 'hotspot',
        subjectId: id,
        unitId: c.unitId,
        changes: { category: c.category, count: flag.count, baseline: flag.baseline, score: flag.score },
        at: now,
      });
      const leaders = await officialsAtUnit(trx, c.unitId, ['leader']);
      for (const accountId of leaders) {
        await notifyOfficial(trx, {
          accountId,
          template: 'hotspot_flagged',
          params: { unit: names.get(c.unitId)?.name ?? '', category: c.category, count: flag.count, baseline: flag.baseline, weekEnd: weekEnd.toISOString().slice(0, 10) },
          subject: { type: 'hotspot', id },
          dedupeKey: `hotspot:${id}:${accountId}`,
          at: now,
        });
      }
      flagged.push({ id, unitId: c.unitId, category: c.category, ...flag });
    });
  }
  return flagged;
}
