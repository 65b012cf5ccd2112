import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery, sql } from 'kysely';
import { backends, createTestDatabase } from '../test/databases.ts';
import { executePrepared, underPath } from './db.ts';

const statement = CompiledQuery.raw('select $1::int + 1 as n', [41]);

for (const backend of backends) {
  test(`executePrepared answers the statement's rows [${backend}]`, async () => {
    const database = await createTestDatabase(backend, { poolSize: 1 });
    try {
      assert.deepEqual(await executePrepared(database.db, undefined, statement), [{ n: 42 }]);
      assert.deepEqual(await executePrepared(database.db, database, statement, { genericPlan: true }), [{ n: 42 }]);
    } finally {
      await database.close();
    }
  });

  test(`underPath holds a unit's subtree and nothing beside it [${backend}]`, async () => {
    const database = await createTestDatabase(backend);
    try {
      const { rows } = await sql<{ path: string }>`
        select path from (values ('/1/29/'), ('/1/29/2736/'), ('/1/290/'), ('/1/2/'), ('/1/3/')) v (path)
         where ${underPath(sql.ref('path'), '/1/29/')} order by path`.execute(database.db);
      assert.deepEqual(
        rows.map((r) => r.path),
        ['/1/29/', '/1/29/2736/'],
      );
    } finally {
      await database.close();
    }
  });
}

if (backends.includes('postgres')) {
  test('on the server, a statement is prepared on the connection of the builder it is given, and genericPlan keeps one plan', async () => {
    // One connection, so that the catalogue read afterwards sees the same session.
    const database = await createTestDatabase('postgres', { poolSize: 1 });
    try {
      const kept = CompiledQuery.raw('select count(*)::int as n from units where code = $1', ['x']);
      const planned = CompiledQuery.raw('select count(*)::int as n from units where code = $1 or code = $2', ['x', 'y']);
      for (let i = 0; i < 3; i++) {
        // No Database given: found from the builder.
        await executePrepared(database.db, undefined, kept, { genericPlan: true });
        await executePrepared(database.db, undefined, planned);
      }
      const { rows } = await sql<{ statement: string; generic_plans: string; custom_plans: string }>`
        select statement, generic_plans, custom_plans from pg_prepared_statements order by statement`.execute(database.db);
      const byText = new Map(rows.map((r) => [r.statement, { generic: Number(r.generic_plans), custom: Number(r.custom_plans) }]));
      assert.deepEqual(byText.get(kept.sql), { generic: 3, custom: 0 });
      // Left to choose, PostgreSQL plans the first five calls for their values.
      assert.deepEqual(byText.get(planned.sql), { generic: 0, custom: 3 });
      // The setting does not outlive the call.
      const mode = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(database.db);
      assert.equal(mode.rows[0].plan_cache_mode, 'auto');
    } finally {
      await database.close();
    }
  });
}
