/**
 * Test helpers of the figures: an official actor built from the database (for calling the
 * petitions commands directly), figures through HTTP, and the seeded random source of the tests.
 */
import assert from 'node:assert/strict';
import { createRandom } from '../../test/random.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Official } from '../../platform/access.ts';
import type { TestApp } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import type { FiguresView } from './figures.schema.ts';
import type { Role } from '../../contract/domain.ts';

/** The actor the commands expect, read back from the grants of an account. */
export async function officialActor(db: Kysely<DB>, id: number): Promise<Official> {
  const account = await db.selectFrom('accounts').select(['id', 'name', 'username', 'agency_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.unit_id', 'u.code', 'u.path', 'g.role'])
    .where('g.account_id', '=', id)
    .execute();
  return {
    kind: 'official',
    id: account.id,
    name: account.name,
    username: account.username!,
    agencyId: account.agency_id,
    grants: grants.map((g) => ({ unitId: g.unit_id, unitCode: g.code, unitPath: g.path ?? '/', role: g.role as Role })),
  };
}

/** An official who may do everything everywhere: dispatcher, leader, handler and reception officer of the deployment. */
export async function deploymentOfficial(t: TestApp, name = 'Deployment Official') {
  const created = await createOfficial(t, {
    name,
    roles: (['dispatcher', 'leader', 'handler', 'reception_officer'] as const).map((role) => ({ unit: null, role })),
  });
  return { ...created, actor: await officialActor(t.ctx.db, created.id) };
}

/** GET /api/v1/figures, expecting 200. */
export async function figuresOk(t: TestApp, query: Record<string, string>): Promise<FiguresView> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/figures', query });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as FiguresView;
}

/** The same sequence on every run for a seed. */
export const seededRandom = createRandom;
