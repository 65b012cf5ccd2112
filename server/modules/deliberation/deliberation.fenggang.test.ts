/**
 * Fenggang's year replayed through the API: a villager group (with its council) and a party branch
 * in each of 凤冈县's villages, and the year's matters by content (article 003: development 1,670,
 * law 380, morality 690, customs 660, harmony 740).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { importChina } from '../units/commands/importChina.ts';

const year = { development: 1670, law: 380, morality: 690, customs: 660, harmony: 740 } as const;

describeEachBackend(
  'deliberation: Fenggang\'s year',
  (t) => {
    it('gives 1,670 / 380 / 690 / 660 / 740 matters, and the councils and members replayed', async () => {
      await importChina(t().ctx.db, '520327', { now: t().clock.now(), actor: { kind: 'system', label: 'test' } });
      const secretary = await createOfficial(t(), { roles: [{ unit: '520327', role: 'council_secretary' }, { unit: '520327', role: 'leader' }] });
      const headers = secretary.headers;
      const villages = (await t().ctx.db.selectFrom('units').select('code').where('level', '=', 'village').where('path', 'like', '%').orderBy('code').execute()).map((v) => v.code);
      assert.equal(villages.length, 87);

      const groupCouncils: number[] = [];
      for (const village of villages) {
        const group = await t().app.inject({ method: 'POST', url: `/api/v1/units/${village}/subunits`, headers, payload: { name: '一组', level: 'group' } });
        assert.equal(group.statusCode, 201, group.body);
        const members = (n: number) =>
          Array.from({ length: n }, (_, i) => ({ name: `议事员${i + 1}`, role: i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member', partyMember: i < 2, electedOn: '2021-03-01', termUntil: '2026-02-28' }));
        const council = await t().app.inject({ method: 'POST', url: '/api/v1/councils', headers, payload: { unit: group.json().code, kind: 'group_council', name: '一组议事会', members: members(5) } });
        assert.equal(council.statusCode, 201, council.body);
        groupCouncils.push(council.json().id);
        const branch = await t().app.inject({ method: 'POST', url: '/api/v1/councils', headers, payload: { unit: village, kind: 'party_branch', name: '村民组党支部', members: members(3) } });
        assert.equal(branch.statusCode, 201, branch.body);
      }

      const contents = Object.entries(year).flatMap(([content, n]) => Array.from({ length: n }, () => content));
      const per = Math.ceil(contents.length / groupCouncils.length);
      for (const [i, council] of groupCouncils.entries()) {
        const slice = contents.slice(i * per, (i + 1) * per);
        if (slice.length === 0) continue;
        const matters = slice.map((content, j) => ({
          content,
          title: `${content} ${i}-${j}`,
          proposer: 'residents',
          proposerName: '群众',
          cosigners: ['甲', '乙', '丙', '丁', '戊'],
          proposedAt: new Date(Date.UTC(2023, (i + j) % 12, 1 + (j % 28), 2)).toISOString(),
        }));
        const res = await t().app.inject({ method: 'POST', url: `/api/v1/councils/${council}/matters/batch`, headers, payload: { matters } });
        assert.equal(res.statusCode, 201, res.body);
      }

      const figures = (await t().app.inject({ url: '/api/v1/deliberation/figures?unit=520327&from=2023-01-01&to=2023-12-31' })).json();
      assert.deepEqual(figures.mattersByContent, year);
      assert.equal(figures.matters, 4140);
      assert.equal(figures.mattersByStage.proposal, 4140);
      assert.equal(figures.councils, 174);
      assert.deepEqual(figures.councilsByKind, { group_council: 87, party_branch: 87 });
      assert.equal(figures.members, 87 * 8);

      // One township's share is part of the county's; an earlier year has none.
      const town = (await t().app.inject({ url: '/api/v1/units?parent=520327&limit=50' })).json().items[0].code;
      const townFigures = (await t().app.inject({ url: `/api/v1/deliberation/figures?unit=${town}&from=2023-01-01&to=2023-12-31` })).json();
      assert.ok(townFigures.matters > 0 && townFigures.matters < 4140);
      assert.equal((await t().app.inject({ url: '/api/v1/deliberation/figures?unit=520327&from=2022-01-01&to=2022-12-31' })).json().matters, 0);
      const audited = await t().ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'matter.proposed').executeTakeFirstOrThrow();
      assert.equal(Number(audited.n), 4140);
    });
  },
  { now: '2023-12-31T10:00:00Z' },
);
