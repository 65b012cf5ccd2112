/**
 * Whether units meet the law's minimum reception frequency, month by month: the days planned
 * (not cancelled) and the days held, of reception days hosted in the role the minimum names;
 * each month judged on what can still count (judgeMonth: held once over, the schedule before).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { addDays, localDay, startOfLocalDay } from '../../platform/calendar.ts';
import type { Compliance } from './gatherings.schema.ts';
import { checkMonth, judgeMonth, monthsBetween } from './gatherings.policy.ts';
import { listMinimums, receptionDays, unitsWithMinimum, type MinimumRow } from './gatherings.queries.ts';

/** The minimum in force on a month's first day, for a country, level and role. */
function minimumFor(rows: MinimumRow[], country: string, level: string, role: string, month: string): MinimumRow | undefined {
  const first = `${month}-01`;
  return rows
    .filter((m) => m.country === country && m.level === level && m.role === role && m.valid_from <= first && (!m.valid_to || m.valid_to > first))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
}

export async function compliance(
  db: Kysely<DB>,
  rootPath: string,
  scope: readonly string[],
  from: string,
  to: string,
  now: Date,
): Promise<Compliance['items']> {
  const units = await unitsWithMinimum(db, rootPath, scope);
  if (!units.length) return [];
  const minimums = await listMinimums(db);
  const months = monthsBetween(from, to);
  // A week that begins in the last month ends in the next: read a week more on either side.
  const zone = units[0].time_zone;
  const start = startOfLocalDay(addDays(`${months[0]}-01`, -7), zone);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  const after = lm === 12 ? `${ly + 1}-01-01` : `${ly}-${String(lm + 1).padStart(2, '0')}-01`;
  const end = startOfLocalDay(addDays(after, 7), zone);
  const days = await receptionDays(db, units.map((u) => u.id), start, end);
  const byUnitAndRole = new Map<string, typeof days>();
  for (const d of days) {
    const key = `${d.unit_id} ${d.host_role}`;
    const list = byUnitAndRole.get(key);
    if (list) list.push(d);
    else byUnitAndRole.set(key, [d]);
  }
  const items: Compliance['items'] = [];
  for (const u of units) {
    const roles = [...new Set(minimums.filter((m) => m.country === u.country && m.level === u.level).map((m) => m.role))];
    for (const role of roles) {
      const mine = byUnitAndRole.get(`${u.id} ${role}`) ?? [];
      const planned = mine.map((d) => d.day);
      const held = mine.filter((d) => d.held).map((d) => d.day);
      const today = localDay(now, u.time_zone);
      const rows = [];
      let current: MinimumRow | undefined;
      for (const month of months) {
        const m = minimumFor(minimums, u.country, u.level, role, month);
        if (!m) continue;
        current = m;
        const scheduled = checkMonth(m, month, planned);
        const done = checkMonth(m, month, held);
        const judged = judgeMonth(m, month, today, { planned, held });
        rows.push({
          month,
          required: scheduled.required,
          scheduled: { days: scheduled.days, met: scheduled.met },
          held: { days: done.days, met: done.met },
          judgedOn: judged.judgedOn,
          met: judged.met,
          shortWeeks: judged.shortWeeks,
        });
      }
      if (!current) continue;
      items.push({
        unit: { code: u.code, name: u.name },
        level: u.level,
        role,
        minimum: { days: current.days, per: current.per, source: current.source },
        months: rows,
        short: rows.some((r) => !r.met),
      });
    }
  }
  return items;
}
