/**
 * A retired unit's code means its replacement from local midnight of its valid_to day, in every
 * module alike: intake, agencies, service points, figures, audit and officials' grants all ask
 * the units module (resolveUnits). Between 00:00 and 07:00 in Vietnam the UTC date is still the
 * day before, which is when a module that compared dates in UTC would disagree.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree, type CreatedOfficial } from '../../test/factories.ts';
import { api, submitOk, testOptions } from '../petitions/petitions.testing.ts';

describeEachBackend(
  'a retired unit code in every module',
  (t) => {
    let admin: CreatedOfficial;
    const get = async (url: string) => {
      const res = await t().app.inject({ url, headers: admin.headers });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json();
    };

    before(async () => {
      await createSmallTree(t().ctx.db, 'R');
      // Commune one was merged into commune two; 3 March is its first day without it.
      await sql`UPDATE units SET valid_to = '2026-03-03', replaced_by_id = (SELECT id FROM units WHERE code = 'RC2')
                 WHERE code = 'RC1'`.execute(t().ctx.db);
      await createAgency(t().ctx.db, { unit: 'RC2', name: 'Commune Two Committee' });
      admin = await createOfficial(t(), { roles: [{ unit: 'RP', role: 'administrator' }] });
    });

    const submitTo = async (unit: string) => {
      const s = await submitOk(t(), { unit, kind: 'question', body: 'Where do I register a birth now?' });
      return (await api(t()).get(admin, s.id)).json().unit.code as string;
    };

    test('on its last day, late in the evening, the code still means the unit itself', async () => {
      t().clock.set('2026-03-02T16:59:00Z'); // 23:59 on 2 March in Hà Nội
      assert.equal(await submitTo('RC1'), 'RC1');
      assert.equal((await get('/api/v1/figures?unit=RC1&from=2026-03-01&to=2026-03-31')).unit.code, 'RC1');
    });

    test('from local midnight, before the UTC date changes, every module works on the replacement', async () => {
      t().clock.set('2026-03-02T18:00:00Z'); // 01:00 on 3 March in Hà Nội, 2 March in UTC
      assert.equal(await submitTo('RC1'), 'RC2', 'intake');
      assert.deepEqual(
        (await get('/api/v1/agencies?unit=RC1')).items.map((a: { name: string }) => a.name),
        ['Commune Two Committee'],
        'agencies',
      );
      assert.equal((await get('/api/v1/figures?unit=RC1&from=2026-03-01&to=2026-03-31')).unit.code, 'RC2', 'figures');

      const point = await t().app.inject({
        method: 'POST',
        url: '/api/v1/service-points',
        headers: admin.headers,
        payload: { unit: 'RC1', kind: 'township.mass_work_station', name: 'Mass work station' },
      });
      assert.equal(point.statusCode, 201, point.body);
      assert.equal(point.json().unit.code, 'RC2', 'service points');
      assert.deepEqual((await get('/api/v1/units/RC1/service-points')).items.map((p: { unit: { code: string } }) => p.unit.code), ['RC2']);

      const audit = await get('/api/v1/audit?unit=RC1');
      assert.ok(audit.items.length > 0);
      assert.deepEqual([...new Set(audit.items.map((e: { unit: { code: string } | null }) => e.unit?.code))], ['RC2'], 'audit');

      const official = await createOfficial(t(), { roles: [{ unit: 'RV2', role: 'handler' }] });
      const granted = await t().app.inject({
        method: 'POST',
        url: `/api/v1/officials/${official.id}/actions`,
        headers: admin.headers,
        payload: { type: 'grant', unit: 'RC1', role: 'handler' },
      });
      assert.equal(granted.statusCode, 200, granted.body);
      const view = await get(`/api/v1/officials/${official.id}`);
      assert.deepEqual(view.grants.map((g: { unit: { code: string } }) => g.unit.code).sort(), ['RC2', 'RV2'], 'grants');
      assert.deepEqual((await get('/api/v1/officials?unit=RC1')).items.map((o: { id: number }) => o.id), [official.id], 'officials');
    });
  },
  testOptions,
);
