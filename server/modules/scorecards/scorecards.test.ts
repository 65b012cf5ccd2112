/**
 * Scorecards computed from the record: two officials with hidden case histories get the
 * scorecards their histories imply (computed here independently), nobody reads another
 * official's scorecard without standing above them, and the public ranking leaves out small
 * units and orders the rest by the Wilson interval's lower bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial, createUnits } from '../../test/factories.ts';
import { createRandom, seedFromEnv, type Random } from '../../test/random.ts';
import { createWorld, testOptions, type World } from '../petitions/petitions.testing.ts';
import { pdfText } from '../../test/pdfText.ts';
import { reviewNumber, valueText } from './scorecards.pdf.ts';
import { gradeOf, parsePeriod, rank, scaleScore, weightedTotal, wilson } from './scorecards.policy.ts';

test('policy: periods, scales, totals, grades', () => {
  assert.deepEqual(parsePeriod('2026-Q4'), { key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2027-01-01', months: ['2026-10', '2026-11', '2026-12'] });
  assert.equal(parsePeriod('2026-12')!.to, '2027-01-01');
  assert.equal(parsePeriod('2026')!.months.length, 12);
  assert.equal(parsePeriod('2026-13'), undefined);
  assert.equal(scaleScore(80, 50, 100), 60);
  assert.equal(scaleScore(1, 5, 0), 80, 'fewer is better when worst is above best');
  assert.equal(scaleScore(9, 5, 0), 0, 'clamped');
  assert.equal(weightedTotal([{ weight: 3, score: 100 }, { weight: 1, score: 0 }, { weight: 5, score: null }]), 75, 'a criterion without data is left out');
  const t = { excellent: 90, good: 75, completed: 50 };
  assert.deepEqual([95, 90, 89.99, 75, 50, 49.99].map((v) => gradeOf(v, t)), ['excellent', 'excellent', 'good', 'good', 'completed', 'not_completed']);
});

test('policy: the Wilson interval and the ranking by its lower bound', () => {
  const w = wilson(8, 10);
  assert.ok(Math.abs(w.low - 0.4902) < 0.001 && Math.abs(w.high - 0.9433) < 0.001, JSON.stringify(w));
  const r = rank(
    [
      { code: 'A', name: 'A', successes: 3, n: 3 },
      { code: 'B', name: 'B', successes: 30, n: 40 },
      { code: 'C', name: 'C', successes: 10, n: 12 },
    ],
    10,
  );
  assert.deepEqual(r.ranked.map((u) => u.code), ['B', 'C'], 'C has the higher share but the wider interval; A is too small');
  assert.equal(r.leftOut, 1);
});

// ---- the hidden histories ----

const q1 = { from: new Date('2026-01-01T00:00:00+07:00'), to: new Date('2026-04-01T00:00:00+07:00') };
const now = new Date('2026-04-10T03:00:00Z');
const channels = ['web', 'mobile', 'hotline', 'counter', 'reception'] as const;
const answerScores = ['satisfied', 'acceptable', 'unsatisfied'] as const;

/** An instant from ten days before the quarter to ten days after it (boundaries included). */
function around(rnd: Random): Date {
  const span = q1.to.getTime() - q1.from.getTime() + 20 * 86_400_000;
  const t = q1.from.getTime() - 10 * 86_400_000 + Math.floor(rnd.next() * span);
  return new Date(rnd.chance(0.05) ? q1.from.getTime() : rnd.chance(0.05) ? q1.to.getTime() : t);
}

interface Petition {
  id: number;
  code: string;
  channel: string;
  status: string;
  due: Date;
  answered: Date | null;
  reopens: number;
}
interface History {
  petitions: Petition[];
  answerRatings: { petition: number; score: (typeof answerScores)[number]; at: Date }[];
  serviceRatings: { score: number; at: Date }[];
  findings: { upheld: boolean; at: Date }[];
  inspections: string[];
}

let codeSeq = 0;
async function insertPetition(t: TestApp, unit: { id: number; path: string }, handler: number, p: Omit<Petition, 'id' | 'code'>, kind = 'question', reported: number | null = null): Promise<Petition> {
  const code = `SC${String(++codeSeq).padStart(6, '0')}`;
  const submitted = new Date(p.due.getTime() - 15 * 86_400_000);
  const row = await t.ctx.db
    .insertInto('petitions')
    .values({
      tracking_code: code,
      kind: kind as 'question',
      channel: p.channel as 'web',
      body: 'A question about papers',
      status: p.status as 'answered',
      unit_id: unit.id,
      unit_path: unit.path,
      origin_unit_id: unit.id,
      origin_unit_path: unit.path,
      handler_id: handler,
      reported_official_id: reported,
      ack_due_at: submitted,
      due_at: p.due,
      original_due_at: p.due,
      submitted_at: submitted,
      answered_at: p.answered,
      reopen_count: p.reopens,
      search: sql`''::tsvector` as never,
      created_at: submitted,
      updated_at: submitted,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...p, id: Number(row.id), code };
}

async function makeHistory(t: TestApp, rnd: Random, unit: { id: number; path: string }, official: number, leader: number, point: number, lead: { headers: Record<string, string> }): Promise<History> {
  const h: History = { petitions: [], answerRatings: [], serviceRatings: [], findings: [], inspections: [] };
  const n = rnd.int(15, 40);
  for (let i = 0; i < n; i++) {
    const due = around(rnd);
    const status = rnd.pick(['answered', 'answered', 'answered', 'in_progress', 'rejected'] as const);
    const answered = status === 'answered' ? new Date(due.getTime() + rnd.int(-8, 4) * 86_400_000 + rnd.int(-3600, 3600) * 1000) : null;
    const p = await insertPetition(t, unit, official, { channel: rnd.pick(channels), status, due, answered, reopens: status === 'answered' && rnd.chance(0.25) ? rnd.int(1, 2) : 0 });
    h.petitions.push(p);
    if (answered && rnd.chance(0.6)) {
      const petitioner = await t.ctx.db
        .insertInto('petitioners')
        .values({ petition_id: p.id, locale: 'vi', access_key_hash: `k${p.id}`, created_at: answered })
        .returning('id')
        .executeTakeFirstOrThrow();
      const score = rnd.pick(answerScores);
      const at = new Date(answered.getTime() + rnd.int(0, 5) * 86_400_000);
      await t.ctx.db.insertInto('petition_ratings').values({ petition_id: p.id, case_id: p.id, petitioner_id: petitioner.id, answer_number: 1, score, reasons: '[]', created_at: at }).execute();
      h.answerRatings.push({ petition: p.id, score, at });
    }
  }
  for (let i = rnd.int(5, 20); i > 0; i--) {
    const score = rnd.int(1, 5);
    const at = around(rnd);
    await t.ctx.db
      .insertInto('satisfaction_ratings')
      .values({ source: 'link', rater_hash: `r${i}`, service_point_id: point, unit_id: unit.id, unit_path: unit.path, official_id: official, score, norm_ids: [], created_at: at })
      .execute();
    h.serviceRatings.push({ score, at });
  }
  // Conduct reports about the official, some upheld.
  for (let i = rnd.int(1, 4); i > 0; i--) {
    const at = around(rnd);
    const report = await insertPetition(t, unit, leader, { channel: 'web', status: 'answered', due: at, answered: at, reopens: 0 }, 'conduct_report', official);
    const upheld = rnd.chance(0.5);
    await t.ctx.db
      .insertInto('conduct_findings')
      .values({ petition_id: report.id, official_id: official, unit_path: unit.path, outcome: upheld ? 'upheld' : 'not_upheld', norm_ids: [], reasons: 'heard both sides', recorded_by: leader, recorded_at: at })
      .execute();
    h.findings.push({ upheld, at });
  }
  // Inspection findings entered by the leader through the API: in the quarter and just outside it.
  for (const day of ['2025-12-31', '2026-01-01', rnd.pick(['2026-02-14', '2026-03-31']), '2026-04-01'].slice(0, rnd.int(2, 4))) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/inspection-findings', headers: lead.headers, payload: { official, foundOn: day, text: `Inspection on ${day}: late to the counter` } });
    assert.equal(res.statusCode, 201, res.body);
    h.inspections.push(day);
  }
  return h;
}

const inQ1 = (d: Date | null) => d !== null && d >= q1.from && d < q1.to;
const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 100);

/** The measures the history implies, by the definitions in docs/SCORECARDS.md. */
function expected(h: History) {
  const answered = h.petitions.filter((p) => inQ1(p.answered));
  const onTime = answered.filter((p) => p.answered! <= p.due);
  const overdue = h.petitions.filter((p) => p.status !== 'rejected' && inQ1(p.due) && (p.answered === null || p.answered > p.due));
  const scores = [
    ...h.answerRatings.filter((r) => inQ1(r.at)).map((r) => ({ satisfied: 100, acceptable: 50, unsatisfied: 0 })[r.score]),
    ...h.serviceRatings.filter((r) => inQ1(r.at)).map((r) => (r.score - 1) * 25),
  ];
  return {
    on_time_rate: pct(onTime.length, answered.length),
    reopen_rate: pct(answered.filter((p) => p.reopens > 0).length, answered.length),
    online_share: pct(answered.filter((p) => p.channel === 'web' || p.channel === 'mobile').length, answered.length),
    overdue_count: overdue.length,
    satisfaction: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    upheld_conduct: h.findings.filter((f) => f.upheld && inQ1(f.at)).length,
    inspection_findings: h.inspections.filter((d) => d >= '2026-01-01' && d < '2026-04-01').length,
    onTimeIds: onTime.map((p) => p.id).sort((a, b) => a - b),
    answeredIds: answered.map((p) => p.id).sort((a, b) => a - b),
  };
}

type Criterion = { measure: keyof ReturnType<typeof expected>; weight: number; worst: number; best: number };
function expectedTotal(e: ReturnType<typeof expected>, criteria: Criterion[]) {
  let w = 0;
  let s = 0;
  for (const c of criteria) {
    const v = e[c.measure] as number | null;
    if (v === null) continue;
    const score = Math.max(0, Math.min(100, ((v - c.worst) / (c.best - c.worst)) * 100));
    w += c.weight;
    s += c.weight * Math.round(score * 100) / 100;
  }
  return w === 0 ? null : s / w;
}

const oneStop: Criterion[] = [
  { measure: 'online_share', weight: 30, worst: 0, best: 100 },
  { measure: 'on_time_rate', weight: 20, worst: 50, best: 100 },
  { measure: 'satisfaction', weight: 20, worst: 40, best: 100 },
  { measure: 'reopen_rate', weight: 10, worst: 50, best: 0 },
  { measure: 'overdue_count', weight: 10, worst: 10, best: 0 },
  { measure: 'upheld_conduct', weight: 5, worst: 3, best: 0 },
  { measure: 'inspection_findings', weight: 5, worst: 4, best: 0 },
];
const everyone: Criterion[] = [
  { measure: 'on_time_rate', weight: 50, worst: 0, best: 100 },
  { measure: 'satisfaction', weight: 50, worst: 0, best: 100 },
];
const thresholds = { excellent: 85, good: 70, completed: 50 };

describeEachBackend(
  'scorecards computed from the record',
  (t) => {
    let w: World;
    let admin: Awaited<ReturnType<typeof createOfficial>>;
    let h1: History;
    let h2: History;
    const get = (url: string, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, headers });
    const put = (url: string, payload: unknown, headers: Record<string, string>) => t().app.inject({ method: 'PUT', url, payload: payload as Record<string, unknown>, headers });
    const unit = async (code: string) => {
      const u = await t().ctx.db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
      return { id: Number(u.id), path: u.path };
    };

    test('setup: frameworks as data, and two hidden histories', async () => {
      w = await createWorld(t());
      admin = await createOfficial(t(), { roles: [{ unit: 'TP', role: 'administrator' }] });
      await t().ctx.db.updateTable('accounts').set({ position: 'one-stop officer' }).where('id', '=', w.hand1.id).execute();

      const bad = await put('/api/v1/scorecard-frameworks', { unit: 'TP', position: null, thresholds: { excellent: 60, good: 70, completed: 50 }, criteria: everyone }, admin.headers);
      assert.equal(bad.json().error.code, 'thresholds_order');
      const twice = await put('/api/v1/scorecard-frameworks', { unit: 'TP', position: null, thresholds, criteria: [everyone[0], everyone[0]] }, admin.headers);
      assert.equal(twice.json().error.code, 'criterion_repeated');
      assert.equal((await put('/api/v1/scorecard-frameworks', { unit: 'TP', position: null, thresholds, criteria: everyone }, w.lead1.headers)).statusCode, 403, 'leaders do not set frameworks');
      const all = await put('/api/v1/scorecard-frameworks', { unit: 'TP', position: null, thresholds, criteria: everyone }, admin.headers);
      assert.equal(all.statusCode, 200, all.body);
      const mine = await put('/api/v1/scorecard-frameworks', { unit: 'TP', position: 'one-stop officer', thresholds, criteria: oneStop }, admin.headers);
      assert.equal(mine.statusCode, 200, mine.body);
      const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'scorecard_framework').execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['scorecard_framework.created', 'scorecard_framework.created']);

      const listed = (await get('/api/v1/scorecard-frameworks?unit=TC1', w.hand1.headers)).json();
      assert.equal(listed.items.length, 2);
      assert.deepEqual(listed.items.map((f: { unit: unknown }) => f.unit), [{ code: 'TP', name: 'T Province' }, { code: 'TP', name: 'T Province' }]);
      assert.equal(listed.items.find((f: { position: string | null }) => f.position === 'one-stop officer').criteria[0].measure, 'online_share');
      assert.equal(listed.canEdit, false);

      const sp = await t().ctx.db.insertInto('service_points').values({ unit_id: (await unit('TC1')).id, kind: 'township.government_service_centre', name: 'One-stop counter' }).returning('id').executeTakeFirstOrThrow();
      const sp2 = await t().ctx.db.insertInto('service_points').values({ unit_id: (await unit('TC2')).id, kind: 'township.government_service_centre', name: 'One-stop counter' }).returning('id').executeTakeFirstOrThrow();
      t().clock.set(now);
      const rnd = createRandom(seedFromEnv(20260405));
      h1 = await makeHistory(t(), rnd, await unit('TC1'), w.hand1.id, w.lead1.id, Number(sp.id), w.lead1);
      h2 = await makeHistory(t(), rnd, await unit('TC2'), w.hand2.id, w.lead2.id, Number(sp2.id), w.lead2);
    });

    test('inspection findings come from a leader above the official, never from the official, and are audited', async () => {
      const post = (who: { headers: Record<string, string> }, official: number) =>
        t().app.inject({ method: 'POST', url: '/api/v1/inspection-findings', headers: who.headers, payload: { official, foundOn: '2026-02-01', text: 'x' } });
      assert.equal((await post(w.lead2, w.hand1.id)).statusCode, 403, 'a leader of another commune');
      assert.equal((await post(w.hand1, w.hand1.id)).statusCode, 403, 'not a leader');
      assert.equal((await post(w.lead1, w.lead1.id)).json().error.code, 'not_superior', 'not about oneself');
      const future = await t().app.inject({ method: 'POST', url: '/api/v1/inspection-findings', headers: w.lead1.headers, payload: { official: w.hand1.id, foundOn: '2026-05-01', text: 'x' } });
      assert.equal(future.json().error.code, 'found_on_future');
      const audited = await t().ctx.db.selectFrom('audit_events').select('changes').where('action', '=', 'inspection_finding.entered').execute();
      assert.equal(audited.length, h1.inspections.length + h2.inspections.length);
    });

    for (const who of ['hand1', 'hand2'] as const) {
      test(`${who}'s quarter is what the hidden history implies`, async () => {
        const h = who === 'hand1' ? h1 : h2;
        const criteria = who === 'hand1' ? oneStop : everyone;
        const e = expected(h);
        const res = await get(`/api/v1/scorecards/officials/${w[who].id}?period=2026-Q1`, w[who].headers);
        assert.equal(res.statusCode, 200, res.body);
        const card = res.json();
        for (const m of ['on_time_rate', 'reopen_rate', 'online_share', 'overdue_count', 'satisfaction', 'upheld_conduct', 'inspection_findings'] as const) {
          const got = card.criteria.find((c: { measure: string }) => c.measure === m);
          assert.equal(got.value, e[m], `${who} ${m}`);
        }
        assert.deepEqual(card.criteria.filter((c: { weight: number | null }) => c.weight !== null).map((c: { measure: string }) => c.measure), criteria.map((c) => c.measure), 'the framework of the position, in its order');
        const total = expectedTotal(e, criteria);
        assert.ok(total !== null && Math.abs(card.total - total) < 0.006, `${who} total ${card.total} vs ${total}`);
        assert.equal(card.grade, total! >= 85 ? 'excellent' : total! >= 70 ? 'good' : total! >= 50 ? 'completed' : 'not_completed');

        const cases = (await get(`/api/v1/scorecards/officials/${w[who].id}/cases?period=2026-Q1&measure=on_time_rate`, w[who].headers)).json();
        assert.deepEqual(cases.items.map((c: { petition: number }) => c.petition).sort((a: number, b: number) => a - b), e.answeredIds, 'every answered case is behind the rate');
        assert.deepEqual(cases.items.filter((c: { counts: boolean }) => c.counts).map((c: { petition: number }) => c.petition).sort((a: number, b: number) => a - b), e.onTimeIds);
        const upheld = (await get(`/api/v1/scorecards/officials/${w[who].id}/cases?period=2026-Q1&measure=upheld_conduct`, w[who].headers)).json();
        assert.equal(upheld.items.length, e.upheld_conduct);
        assert.ok(upheld.items.every((c: { petition: number | null }) => c.petition === null), 'the reported official does not learn which report it was');
      });
    }

    test('official A cannot read B’s scorecard; leaders read their units’ officials, the auditor reads', async () => {
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}?period=2026-Q1`, w.hand1.headers)).statusCode, 404);
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}/cases?period=2026-Q1&measure=on_time_rate`, w.hand1.headers)).statusCode, 404);
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}/reviews/2026`, w.hand1.headers)).statusCode, 404);
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}?period=2026-Q1`, w.lead1.headers)).statusCode, 404, 'a leader of another commune');
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}?period=2026-Q1`)).statusCode, 401);
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand1.id}?period=2026-Q1`, w.lead1.headers)).statusCode, 200);
      assert.equal((await get(`/api/v1/scorecards/officials/${w.hand2.id}?period=2026-Q1`, w.auditor.headers)).statusCode, 200);
      assert.equal((await get(`/api/v1/scorecards/units/TC2?period=2026-Q1`, w.lead1.headers)).statusCode, 403);
      assert.equal((await get(`/api/v1/scorecards/units/TC1?period=2026-Q1`, w.hand1.headers)).statusCode, 403);
      const team = (await get('/api/v1/scorecards/units/TC1/officials?period=2026-Q1', w.lead1.headers)).json();
      assert.ok(team.items.some((o: { id: number }) => o.id === w.hand1.id));
      assert.ok(!team.items.some((o: { id: number }) => o.id === w.hand2.id));
      // The province's list computes every official's scorecard together: each total and grade is the official's own.
      const province = (await get('/api/v1/scorecards/units/TP/officials?period=2026-Q1', w.auditor.headers)).json();
      for (const who of ['hand1', 'hand2'] as const) {
        const listed = province.items.find((o: { id: number }) => o.id === w[who].id);
        const own = (await get(`/api/v1/scorecards/officials/${w[who].id}?period=2026-Q1`, w.auditor.headers)).json();
        assert.deepEqual([listed?.total, listed?.grade], [own.total, own.grade], who);
      }
      assert.notEqual(province.items.find((o: { id: number }) => o.id === w.hand1.id).total, province.items.find((o: { id: number }) => o.id === w.hand2.id).total, 'two different histories');
      const unitCard = (await get('/api/v1/scorecards/units/TC1?period=2026-Q1', w.lead1.headers)).json();
      assert.equal(unitCard.criteria.find((c: { measure: string }) => c.measure === 'upheld_conduct').value, expected(h1).upheld_conduct);
      assert.equal((await get('/api/v1/scorecards/units/TC1/cases?period=2026-Q1&measure=upheld_conduct', w.lead1.headers)).json().items.every((c: { petition: number | null }) => c.petition !== null), true, 'the leader sees which reports');
    });

    test('the unit picker lists the units of the caller’s leader and auditor grants and every unit below, and no other', async () => {
      const codes = async (who: { headers: Record<string, string> }, query = '') => {
        const res = await get(`/api/v1/scorecards/units${query}`, who.headers);
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: { code: string; depth: number }[]; more: boolean };
      };
      assert.deepEqual((await codes(w.lead1)).items.map((u) => u.code), ['TC1', 'TV1'], 'a commune leader: the commune and its village');
      const province = await codes(w.auditor);
      assert.deepEqual(province.items.map((u) => u.code).sort(), ['TC1', 'TC2', 'TP', 'TV1', 'TV2'], 'a province auditor: every unit below');
      assert.equal(province.items[0].code, 'TP', 'highest first');
      assert.equal(province.more, false);
      for (const u of province.items) assert.equal((await get(`/api/v1/scorecards/units/${u.code}?period=2026-Q1`, w.auditor.headers)).statusCode, 200, `${u.code} is readable`);
      assert.deepEqual((await codes(w.auditor, '?q=commune%20two')).items.map((u) => u.code), ['TC2'], 'narrowed by name');
      assert.deepEqual((await codes(w.auditor, '?q=TV1')).items.map((u) => u.code), ['TV1'], 'or by code');
      assert.deepEqual((await codes(w.lead1, '?q=commune%20two')).items, [], 'never a unit outside the grants');
      const first = await codes(w.auditor, '?limit=2');
      assert.deepEqual([first.items.length, first.more], [2, true]);
      assert.equal((await get('/api/v1/scorecards/units', w.hand1.headers)).statusCode, 403, 'a handler reads no unit scorecards');
      assert.equal((await get('/api/v1/scorecards/units')).statusCode, 401);
      assert.equal((await get('/api/v1/scorecards/units?limit=0', w.auditor.headers)).statusCode, 400);
    });

    test('the yearly review: self-assessment, the leader’s grade with reasons when it differs, kept as it stood', async () => {
      const url = `/api/v1/scorecards/officials/${w.hand1.id}/reviews/2026`;
      const act = (who: { headers: Record<string, string> }, payload: Record<string, unknown>) => t().app.inject({ method: 'POST', url: `${url}/actions`, headers: who.headers, payload });
      const first = (await get(url, w.hand1.headers)).json();
      assert.equal(first.can.selfAssess, true);
      assert.equal(first.can.grade, false);
      const computed: string = first.scorecard.grade;
      assert.equal((await act(w.hand1, { type: 'self_assess', text: 'I answered every question at the counter.' })).statusCode, 200);
      assert.equal((await act(w.hand1, { type: 'grade', grade: 'excellent', reasons: 'me' })).json().error.code, 'not_superior');
      const other = computed === 'excellent' ? 'good' : 'excellent';
      const noReasons = await act(w.lead1, { type: 'grade', grade: other });
      assert.equal(noReasons.statusCode, 400);
      assert.equal(noReasons.json().error.code, 'grade_reasons_required');
      const graded = await act(w.lead1, { type: 'grade', grade: other, reasons: 'Led the land-certificate Saturdays all year.' });
      assert.equal(graded.statusCode, 200, graded.body);
      assert.equal(graded.json().leaderGrade, other);
      assert.equal(graded.json().frozen, true);
      assert.equal(graded.json().selfAssessment, 'I answered every question at the counter.');
      assert.deepEqual(graded.json().official.unit, { code: 'TC1', name: 'T Commune One' });
      assert.deepEqual(graded.json().scorecard.framework.unit, { code: 'TP', name: 'T Province' });
      // A scorecard frozen when the framework's unit was given by its code alone is answered with the unit's name too.
      await t().ctx.db
        .updateTable('yearly_reviews')
        .set({ scorecard: sql`jsonb_set(scorecard, '{framework,unit}', '"TP"')` })
        .where('official_id', '=', w.hand1.id)
        .execute();
      const older = (await get(url, w.hand1.headers)).json();
      assert.equal(older.frozen, true);
      assert.deepEqual(older.scorecard.framework.unit, { code: 'TP', name: 'T Province' });
      assert.equal((await act(w.hand1, { type: 'self_assess', text: 'changed' })).json().error.code, 'review_graded');
      const same = await act(w.lead1, { type: 'grade', grade: computed });
      assert.equal(same.statusCode, 200, 'the computed grade needs no reasons');
      const actions = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'yearly_review').orderBy('id').execute();
      assert.deepEqual(actions.map((a) => a.action), ['yearly_review.self_assessed', 'yearly_review.graded', 'yearly_review.graded']);
    });

    test('the yearly review as a PDF: the values the review answers, in Vietnamese and Chinese glyphs; nobody else’s', async () => {
      const url = `/api/v1/scorecards/officials/${w.hand1.id}/reviews/2026`;
      await t().ctx.db.updateTable('units').set({ names: JSON.stringify({ vi: 'Xã Tân Thọ', zh: '新寿社' }) }).where('code', '=', 'TC1').execute();
      await t().ctx.db.updateTable('accounts').set({ name: 'Nguyễn Thị Hoà' }).where('id', '=', w.hand1.id).execute();
      const computed = (await get(url, w.lead1.headers)).json().scorecard.grade;
      const regrade = await t().app.inject({ method: 'POST', url: `${url}/actions`, headers: w.lead1.headers, payload: { type: 'grade', grade: computed === 'good' ? 'excellent' : 'good', reasons: 'Chủ trì "Thứ Bảy vì dân" cả năm.' } });
      assert.equal(regrade.statusCode, 200, regrade.body);
      const review = (await get(url, w.lead1.headers)).json();
      assert.ok(review.leaderGrade && review.leaderReasons && review.selfAssessment && review.scorecard.total !== null, 'a graded review with every part');
      const words = {
        vi: { title: 'Đánh giá, xếp loại năm 2026', unit: 'Xã Tân Thọ', onTime: 'Trả lời đúng hạn', online: 'Xử lý hoàn toàn trực tuyến', grades: { excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', not_completed: 'Không hoàn thành nhiệm vụ' } },
        zh: { title: '2026 年度考核', unit: '新寿社', onTime: '按时答复率', online: '全程网办比例', grades: { excellent: '优秀', good: '称职', completed: '基本称职', not_completed: '不称职' } },
      } as const;
      for (const lang of ['vi', 'zh'] as const) {
        for (const who of [w.hand1, w.lead1, w.auditor]) {
          const res = await get(`${url}/pdf?lang=${lang}`, who.headers);
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.headers['content-type'], 'application/pdf');
          // Table cells come out as items with blank ones between them.
          const text = (await pdfText(res.rawPayload)).split(' | ').filter((item) => item.trim()).join(' | ');
          const x = words[lang];
          for (const s of [x.title, x.unit, x.onTime, x.online, 'Nguyễn Thị Hoà', review.official.position, review.selfAssessment, review.leaderReasons, review.leaderName]) {
            assert.ok(text.includes(s), `${lang}: ${s} in ${text}`);
          }
          const n = reviewNumber(lang);
          for (const c of review.scorecard.criteria) {
            const cells = [valueText(c, n), c.worst === null ? '–' : `${n(c.worst)} → ${n(c.best)}`, n(c.weight), n(c.score)];
            assert.ok(text.includes(cells.join(' | ')), `${lang}: ${c.measure}: ${cells.join(' | ')} in ${text}`);
          }
          assert.ok(text.includes(`${n(review.scorecard.total)} | ${x.grades[review.scorecard.grade as keyof typeof x.grades]}`), `${lang}: the total and the computed grade`);
          assert.ok(text.includes(x.grades[review.leaderGrade as keyof typeof x.grades]), `${lang}: the leader's grade`);
          assert.ok(text.includes(review.gradedAt.slice(0, 4)), `${lang}: the date graded`);
        }
      }
      assert.equal((await get(`${url}/pdf?lang=vi`, w.hand2.headers)).statusCode, 404, 'another official');
      assert.equal((await get(`${url}/pdf?lang=vi`, w.lead2.headers)).statusCode, 404, 'a leader of another commune');
      assert.equal((await get(`${url}/pdf?lang=vi`)).statusCode, 401);
      assert.equal((await get(`${url}/pdf?lang=xx`, w.lead1.headers)).statusCode, 400);
    });

    test('the public ranking leaves out units under the minimum volume and orders the rest by the lower bound', async () => {
      const c3 = (await createUnits(t().ctx.db, [{ code: 'TC3', name: 'T Commune Three', level: 'commune', parentCode: 'TP', country: 'VN' }])).TC3;
      const units = { TC1: await unit('TC1'), TC2: await unit('TC2'), TC3: { id: Number(c3.id), path: c3.path } };
      const sp = await t().ctx.db.insertInto('service_points').values({ unit_id: units.TC1.id, kind: 'township.government_service_centre', name: 'x' }).returning('id').executeTakeFirstOrThrow();
      // November 2025: TC1 30 of 40 satisfied, TC2 10 of 12, TC3 3 of 3.
      const mix = { TC1: [30, 40], TC2: [10, 12], TC3: [3, 3] } as const;
      let i = 0;
      for (const [code, [good, n]] of Object.entries(mix)) {
        for (let k = 0; k < n; k++) {
          const at = new Date(Date.UTC(2025, 10, 1 + (k % 29), 3));
          await t().ctx.db
            .insertInto('satisfaction_ratings')
            .values({ source: 'link', rater_hash: `rank${i++}`, service_point_id: Number(sp.id), unit_id: units[code as keyof typeof units].id, unit_path: units[code as keyof typeof units].path, score: k < good ? 5 : 2, norm_ids: [], created_at: at })
            .execute();
        }
      }
      assert.equal((await put('/api/v1/units/TP/ranking-settings', { minVolume: 10 }, w.lead1.headers)).statusCode, 403);
      assert.equal((await put('/api/v1/units/TP/ranking-settings', { minVolume: 10 }, admin.headers)).statusCode, 204);
      const res = await get('/api/v1/rankings/TP?period=2025-11');
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.minVolume, 10);
      assert.deepEqual(r.items.map((x: { unit: { code: string; name: string } }) => [x.unit.code, x.unit.name]), [['TC1', 'T Commune One'], ['TC2', 'T Commune Two']], 'TC2 has the higher share but the lower bound ranks TC1 first; TC3 is too small');
      assert.equal(r.leftOut, 1);
      const low = (s: number, n: number) => {
        const z = 1.959964;
        const p = s / n;
        return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
      };
      assert.ok(Math.abs(r.items[0].low - low(30, 40)) < 0.0001);
      assert.ok(Math.abs(r.items[1].low - low(10, 12)) < 0.0001);
      assert.equal(r.items[0].n, 40);
      assert.equal((await get('/api/v1/rankings/TP?period=2026-Q2')).json().error.code, 'period_not_ended');
      assert.equal((await get('/api/v1/rankings/NOPE?period=2025-11')).statusCode, 404);
    });
  },
  { ...testOptions, now: '2026-01-15T03:00:00Z' },
);
