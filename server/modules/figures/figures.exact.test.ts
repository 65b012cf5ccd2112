/**
 * The fast path equals the naive query: many random petitions go through random actions
 * (accept, reject, assign, answer, answer on the spot, escalate, transfer, merge, extend,
 * close, reopen, rate) while time moves on and the deltas are folded now and then; at
 * checkpoints the figures of several units, periods and series are compared field by field.
 */
import { before, test } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createUnits } from '../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { anonymous, type Official } from '../../platform/access.ts';
import { localDay } from '../../platform/calendar.ts';
import type { AppContext } from '../../platform/context.ts';
import { submitPetition } from '../petitions/intake/submitPetition.ts';
import { acceptPetition } from '../petitions/workflow/acceptPetition.ts';
import { rejectPetition } from '../petitions/workflow/rejectPetition.ts';
import { assignPetition } from '../petitions/workflow/assignPetition.ts';
import { startPetition } from '../petitions/workflow/startPetition.ts';
import { answerPetition } from '../petitions/workflow/answerPetition.ts';
import { escalatePetition } from '../petitions/workflow/escalatePetition.ts';
import { transferPetition } from '../petitions/workflow/transferPetition.ts';
import { mergePetition } from '../petitions/workflow/mergePetition.ts';
import { extendPetition } from '../petitions/workflow/extendPetition.ts';
import { closePetition } from '../petitions/workflow/closePetition.ts';
import { reopenPetition } from '../petitions/workflow/reopenPetition.ts';
import { ratePetition } from '../petitions/workflow/ratePetition.ts';
import { computeFigures } from './figures.compute.ts';
import { advanceOverdue, findFiguresUnit, foldFigureDeltas, naiveFigures, pendingFigureDeltas, rebuildFigures, type FiguresQuery, type FiguresScope } from './figures.queries.ts';
import type { UnitRollups } from './figures.compute.ts';
import { daysIn } from './figures.periods.ts';
import { deploymentOfficial, seededRandom } from './figures.testing.ts';
import { channels, petitionKinds, ratingScores } from '../../contract/domain.ts';

const unitCodes = ['XP', 'XC1', 'XC2', 'XV1', 'XV2', 'YQ', 'YQ1'] as const;

describeEachBackend('figures: the fast path equals the naive query', (t) => {
  let boss: Official;
  const scopes: Array<{ name: string; scope: FiguresScope; rollups: UnitRollups }> = [
    { name: 'deployment', scope: { unitId: 0, unitPath: '/' }, rollups: { grains: 'dm', histogram: true } },
  ];

  before(async () => {
    const units = await createUnits(t().ctx.db, [
      { code: 'XP', name: 'X Province', level: 'province' },
      { code: 'XC1', name: 'X Commune One', level: 'commune', parentCode: 'XP' },
      { code: 'XC2', name: 'X Commune Two', level: 'commune', parentCode: 'XP' },
      { code: 'XV1', name: 'X Village One', level: 'village', parentCode: 'XC1' },
      { code: 'XV2', name: 'X Village Two', level: 'village', parentCode: 'XC2' },
      // another country and time zone: the deployment's figures count each petition's own local day
      { code: 'YQ', name: 'Y Province', level: 'province', country: 'CN' },
      { code: 'YQ1', name: 'Y County', level: 'county', parentCode: 'YQ', country: 'CN' },
    ]);
    for (const code of unitCodes) {
      const unit = (await findFiguresUnit(t().ctx.db, code, t().clock.now()))!;
      scopes.push({ name: `${code} (${unit.grains ?? 'no rollups'})`, scope: { unitId: units[code].id, unitPath: units[code].path }, rollups: unit });
    }
    // Every way of reading: day and month rows, month rows with the petitions of the days
    // around them, the petitions alone; medians from the histogram (every level keeps one on
    // a new deployment) and, as a deployment upgraded before its rebuild reads them, from the
    // petitions.
    assert.deepEqual(scopes.map((s) => s.rollups.grains), ['dm', 'dm', 'm', 'm', null, null, 'dm', 'm']);
    assert.deepEqual(scopes.map((s) => s.rollups.histogram), [true, true, true, true, false, false, true, true]);
    for (const code of ['XP', 'XC1'] as const) {
      const s = scopes.find((x) => x.name.startsWith(`${code} `))!;
      scopes.push({ ...s, name: `${s.name}, median from the petitions`, rollups: { ...s.rollups, histogram: false } });
    }
    boss = (await deploymentOfficial(t())).actor;
  });

  async function compare(ctx: AppContext, q: FiguresQuery, rollups: UnitRollups, label: string) {
    // With the database: on PostgreSQL the statement is prepared, and after a few runs its generic plan is used.
    const fast = await computeFigures(ctx.db, q, rollups, ctx.database);
    const naive = await naiveFigures(ctx.db, q);
    assert.deepEqual(fast, naive, `${label}: ${JSON.stringify({ scope: q.scope, from: q.from, to: q.to, interval: q.interval, now: q.now })}`);
    return fast;
  }

  test('random petitions and actions, folded now and then: identical figures for every unit, period and series', async () => {
    const ctx = t().ctx;
    const clock = t().clock;
    clock.set('2026-01-05T01:00:00Z');
    const rnd = seededRandom(20260305);
    const start = localDay(clock.now(), 'Asia/Ho_Chi_Minh');
    const petitions: Array<{ id: number; trackingCode: string; accessKey: string; unit: string }> = [];
    const sys = { kind: 'system' as const, label: 'test' };
    let checks = 0;
    const done = new Map<string, number>();
    let nonzero = { escalated: 0, resolved: 0, overdue: 0, rated: 0, transferred: 0, median: 0 };

    const checkpoint = async () => {
      const end = localDay(clock.now(), 'Asia/Shanghai');
      const periods: Array<[string, string]> = [[start, end]];
      for (let i = 0; i < 1; i++) {
        const a = rnd.int(0, daysIn(start, end) - 1);
        const b = rnd.int(a, daysIn(start, end) - 1);
        const day = (n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        periods.push([day(a), day(b)]);
      }
      // overdue at this moment, and a little later (new petitions fall due without any action)
      // and a while before (the overdue watermark may be ahead of a request's clock)
      const nows = [
        clock.now(),
        new Date(clock.now().getTime() + rnd.int(1, 72) * 3_600_000 + rnd.int(0, 59) * 60_000),
        new Date(clock.now().getTime() - rnd.int(1, 72) * 3_600_000),
      ];
      for (const { name, scope, rollups } of scopes) {
        for (const [from, to] of periods) {
          for (const interval of [undefined, 'month', 'day'] as const) {
            if (interval === 'day' && daysIn(from, to) > 400) continue;
            for (const now of interval ? nows.slice(0, 1) : nows) {
              const f = await compare(ctx, { scope, from, to, now, interval }, rollups, name);
              checks++;
              {
                nonzero = {
                  escalated: nonzero.escalated + f.escalated,
                  resolved: nonzero.resolved + f.resolved,
                  overdue: nonzero.overdue + f.overdue,
                  rated: nonzero.rated + f.rated,
                  transferred: nonzero.transferred + f.transferred,
                  median: nonzero.median + (f.medianHoursToAnswer ?? 0),
                };
              }
            }
          }
        }
      }
    };

    // Mostly actions the petition's state allows, sometimes one it does not (a 409 changes nothing).
    const plausible: Record<string, readonly Op[]> = {
      received: ['accept', 'accept', 'reject', 'transfer', 'escalate', 'merge', 'answer'],
      transferred: ['accept', 'reject', 'transfer', 'escalate'],
      accepted: ['assign', 'assign', 'transfer', 'escalate', 'merge', 'extend'],
      assigned: ['start', 'start', 'escalate', 'extend', 'assign'],
      in_progress: ['answer', 'answer', 'answer', 'escalate', 'extend'],
      answered: ['close', 'rate', 'rate', 'reopen', 'escalate'],
      closed: ['rate', 'reopen'],
      reopened: ['start', 'assign', 'escalate', 'extend'],
      rejected: ['rate'],
      merged: ['rate', 'reopen'],
    };
    const allOps = ['accept', 'reject', 'assign', 'start', 'answer', 'escalate', 'transfer', 'merge', 'extend', 'close', 'reopen', 'rate'] as const;
    type Op = (typeof allOps)[number] | 'submit';

    for (let step = 1; step <= 450; step++) {
      clock.advance(rnd.int(0, 20 * 60) * 60_000 + rnd.int(0, 59_999));
      const p = petitions.length ? rnd.pick(petitions) : undefined;
      const row = p ? await ctx.db.selectFrom('petitions').select(['status', 'due_at']).where('id', '=', p.id).executeTakeFirstOrThrow() : undefined;
      const op: Op =
        !row || petitions.length < 10 || rnd.chance(0.25) ? 'submit' : rnd.chance(0.9) ? rnd.pick(plausible[row.status]) : rnd.pick(allOps);
      try {
        switch (op) {
          case 'submit': {
            const kind = rnd.pick(petitionKinds);
            const unit = rnd.pick(unitCodes);
            const onTheSpot = ['question', 'suggestion', 'help_request'].includes(kind) && rnd.chance(0.15);
            const r = await submitPetition(ctx, boss, {
              unit,
              kind,
              body: `petition ${step}`,
              channel: rnd.pick(channels),
              ...(rnd.chance(0.7) ? { category: rnd.pick(['land', 'roads', 'water.supply']) } : {}),
              resident: { name: `Resident ${step}`, email: `r${step}@example.vn` },
              urgent: rnd.chance(0.1),
              ...(onTheSpot ? { answerNow: { text: 'answered at once' } } : {}),
            });
            petitions.push({ id: r.id, trackingCode: r.trackingCode, accessKey: r.accessKey, unit });
            break;
          }
          case 'accept':
            await acceptPetition(ctx, sys, p!.id, {});
            break;
          case 'reject':
            await rejectPetition(ctx, sys, p!.id, { reason: 'not ours' });
            break;
          case 'assign':
            await assignPetition(ctx, sys, p!.id, { handler: boss.id, leader: boss.id, expectedResult: 'an answer' });
            break;
          case 'start':
            await startPetition(ctx, sys, p!.id, {});
            break;
          case 'answer':
            await answerPetition(ctx, sys, p!.id, { text: 'the answer' });
            break;
          case 'escalate':
            await escalatePetition(ctx, sys, p!.id, { reason: 'beyond the commune', cause: 'beyond_competence' });
            break;
          case 'transfer':
            await transferPetition(ctx, sys, p!.id, { toUnit: rnd.pick(unitCodes), reason: 'competent there' });
            break;
          case 'merge': {
            const into = rnd.pick(petitions.filter((x) => x.unit === p!.unit));
            await mergePetition(ctx, sys, p!.id, { into: into.id });
            break;
          }
          case 'extend':
            await extendPetition(ctx, sys, p!.id, { dueAt: new Date(row!.due_at.getTime() + rnd.int(1, 10) * 86_400_000).toISOString(), reason: 'more time' });
            break;
          case 'close':
            await closePetition(ctx, sys, p!.id, {});
            break;
          case 'reopen':
            await reopenPetition(ctx, sys, p!.id, { reason: 'not solved' });
            break;
          case 'rate': {
            const score = rnd.pick(ratingScores);
            await ratePetition(ctx, anonymous, p!.trackingCode, { accessKey: p!.accessKey, score, reopen: score === 'unsatisfied' && rnd.chance(0.5) });
            break;
          }
        }
        done.set(op, (done.get(op) ?? 0) + 1);
      } catch (e) {
        // A refused action (a state, a rule or a version that does not allow it) changes nothing.
        if (!(e instanceof AppError) || e.status >= 500) throw e;
      }
      if (rnd.chance(0.08)) await foldFigureDeltas(ctx.db, rnd.int(1, 50));
      if (rnd.chance(0.05)) await advanceOverdue(ctx.db, new Date(clock.now().getTime() - rnd.int(0, 48) * 3_600_000));
      if (step % 150 === 0) await checkpoint();
    }
    // Everything folded: the rollups alone hold the figures.
    await advanceOverdue(ctx.db, clock.now());
    while ((await foldFigureDeltas(ctx.db)) > 0);
    assert.equal(await pendingFigureDeltas(ctx.db), 0);
    await checkpoint();
    // A rebuild from the petitions (in slices of a few ids, as it goes over millions) gives the same figures.
    await rebuildFigures(ctx.db, { now: clock.now(), slice: 7 });
    await checkpoint();

    assert.ok(checks > 200, `compared ${checks} times`);
    // Every action succeeded some of the time.
    for (const op of ['submit', 'accept', 'reject', 'assign', 'start', 'answer', 'escalate', 'transfer', 'merge', 'extend', 'close', 'reopen', 'rate']) {
      assert.ok((done.get(op) ?? 0) > 0, `${op} never succeeded: ${JSON.stringify([...done])}`);
    }
    // The random walk reached every kind of figure, so the comparisons mean something.
    for (const [key, sum] of Object.entries(nonzero)) assert.ok(sum > 0, `no ${key} figure was ever above zero`);
  });

  test('a level upgraded without a histogram reads its medians from the petitions, and a rebuild starts keeping one', async () => {
    const ctx = t().ctx;
    const now = t().clock.now();
    const communeHistogramRows = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM figures_answer_hist h JOIN units u ON u.id = h.unit_id WHERE u.level = 'commune'`.execute(ctx.db)).rows[0].n);
    // What migration 0992 leaves on a deployment that already had petitions.
    await sql`UPDATE figures_levels SET histogram = false WHERE level = 'commune'`.execute(ctx.db);
    await sql`DELETE FROM figures_answer_hist WHERE unit_id IN (SELECT id FROM units WHERE level = 'commune')`.execute(ctx.db);
    const before = (await findFiguresUnit(ctx.db, 'XC1', now))!;
    assert.equal(before.histogram, false);

    // A fold adds no histogram rows for such a level, and its figures stay exact.
    await submitPetition(ctx, boss, {
      unit: 'XC1',
      kind: 'question',
      body: 'answered at the desk',
      channel: 'counter',
      resident: { name: 'Resident', email: 'desk@example.vn' },
      answerNow: { text: 'answered at once' },
    });
    while ((await foldFigureDeltas(ctx.db)) > 0);
    assert.equal(await communeHistogramRows(), 0);
    const period = { from: '2026-01-01', to: localDay(now, 'Asia/Ho_Chi_Minh'), now };
    const scope = { unitId: before.id, unitPath: before.path };
    const figures = await compare(ctx, { scope, ...period }, before, 'XC1 before the rebuild');
    assert.notEqual(figures.medianHoursToAnswer, null);

    await rebuildFigures(ctx.db, { now });
    const after = (await findFiguresUnit(ctx.db, 'XC1', now))!;
    assert.equal(after.histogram, true);
    assert.ok((await communeHistogramRows()) > 0);
    assert.deepEqual(await compare(ctx, { scope, ...period }, after, 'XC1 after the rebuild'), figures);
  });
});
