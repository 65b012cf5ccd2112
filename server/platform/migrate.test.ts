import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { backends, createTestDatabase } from '../test/databases.ts';
import { fromPglite, pgliteExtensions, type Database } from './db.ts';
import { migrate, migrationStatus, readFunctionFiles, readMigrations, MigrationChangedError, MigrationOutOfOrderError, SchemaNewerError } from './migrate.ts';
import { formatMigrationStatus } from '../../cli/migrate.ts';

async function schemaOf(database: Database): Promise<string[]> {
  const columns = await database.pool.query<{ line: string }>(`
    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`);
  const indexes = await database.pool.query<{ line: string }>(`
    SELECT indexname || ' ' || regexp_replace(indexdef, '\\s+', ' ', 'g') AS line
    FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
  return [...columns.rows, ...indexes.rows].map((r) => r.line);
}

test('both backends end with the same schema', async (t) => {
  if (backends.length < 2) {
    t.diagnostic('TEST_DATABASE_URL is not set: only the embedded database was checked');
  }
  const schemas: string[][] = [];
  for (const backend of backends) {
    const database = await createTestDatabase(backend);
    try {
      schemas.push(await schemaOf(database));
    } finally {
      await database.close();
    }
  }
  assert.ok(schemas[0].some((line) => line.startsWith('units.code text')));
  for (const other of schemas.slice(1)) assert.deepEqual(other, schemas[0]);
});

test('migrations apply once, are recorded, and a changed applied migration stops start-up', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-migrations-'));
  fs.writeFileSync(path.join(dir, '0001_first.sql'), 'CREATE TABLE a (id int);');
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(pglite);
  try {
    assert.deepEqual(await migrate(database.pool, readMigrations(dir)), ['0001_first']);
    fs.writeFileSync(path.join(dir, '0002_second.sql'), 'CREATE TABLE b (id int);');
    assert.deepEqual(await migrate(database.pool, readMigrations(dir)), ['0002_second']);
    assert.deepEqual(await migrate(database.pool, readMigrations(dir)), []);

    fs.writeFileSync(path.join(dir, '0001_first.sql'), 'CREATE TABLE a (id bigint);');
    await assert.rejects(migrate(database.pool, readMigrations(dir)), MigrationChangedError);

    // A failing migration leaves nothing behind: the whole batch is one transaction.
    fs.writeFileSync(path.join(dir, '0001_first.sql'), 'CREATE TABLE a (id int);');
    fs.writeFileSync(path.join(dir, '0003_good.sql'), 'CREATE TABLE c (id int);');
    fs.writeFileSync(path.join(dir, '0004_bad.sql'), 'CREATE TABLE oops (;');
    await assert.rejects(migrate(database.pool, readMigrations(dir)));
    const c = await database.pool.query(`SELECT to_regclass('public.c') AS t`);
    assert.equal(c.rows[0].t, null);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a pending migration numbered below an applied one is refused, and nothing is applied', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-migrations-'));
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(pglite);
  try {
    fs.writeFileSync(path.join(dir, '0001_first.sql'), 'CREATE TABLE a (id int);');
    fs.writeFileSync(path.join(dir, '0003_third.sql'), 'CREATE TABLE c (id int);');
    assert.deepEqual(await migrate(database.pool, readMigrations(dir)), ['0001_first', '0003_third']);

    fs.writeFileSync(path.join(dir, '0002_late.sql'), 'CREATE TABLE b (id int);');
    fs.writeFileSync(path.join(dir, '0004_next.sql'), 'CREATE TABLE d (id int);');
    await assert.rejects(migrate(database.pool, readMigrations(dir)), (e: unknown) => {
      assert.ok(e instanceof MigrationOutOfOrderError);
      assert.deepEqual(e.pending, ['0002_late']);
      assert.match(e.message, /0002_late .*below 0003_third/);
      return true;
    });
    const left = await database.pool.query(`SELECT to_regclass('public.b')::text AS b, to_regclass('public.d')::text AS d`);
    assert.deepEqual(left.rows[0], { b: null, d: null });

    // Renumbered after the latest, it applies.
    fs.renameSync(path.join(dir, '0002_late.sql'), path.join(dir, '0005_late.sql'));
    assert.deepEqual(await migrate(database.pool, readMigrations(dir)), ['0004_next', '0005_late']);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a function file is applied after the migrations when its content changed, and only then', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-migrations-'));
  const functions = path.join(dir, 'functions');
  fs.mkdirSync(functions);
  const table = readMigrations().find((m) => m.name === '0860_function_files')!;
  fs.writeFileSync(path.join(dir, '0001_numbers.sql'), 'CREATE TABLE numbers (n int);');
  fs.writeFileSync(path.join(dir, `${table.name}.sql`), table.sql);
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(pglite);
  const answer = async () => (await database.pool.query<{ n: number }>('SELECT answer() AS n')).rows[0].n;
  const recorded = async () => (await database.pool.query<{ name: string }>('SELECT name FROM schema_functions ORDER BY name')).rows.map((r) => r.name);
  try {
    // The function reads a table a migration of the same run creates.
    fs.writeFileSync(path.join(functions, 'answer.sql'), 'CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 1 + count(*)::int FROM numbers $$;');
    await migrate(database.pool, readMigrations(dir), readFunctionFiles(functions));
    assert.equal(await answer(), 1);
    assert.deepEqual(await recorded(), ['answer']);

    // Unchanged, the file is not applied again: a definition changed by hand stays.
    await database.pool.query('CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 99 $$');
    await migrate(database.pool, readMigrations(dir), readFunctionFiles(functions));
    assert.equal(await answer(), 99);

    fs.writeFileSync(path.join(functions, 'answer.sql'), 'CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;');
    await migrate(database.pool, readMigrations(dir), readFunctionFiles(functions));
    assert.equal(await answer(), 2);

    // A broken file fails the whole run: the migration before it is not kept either.
    fs.writeFileSync(path.join(dir, '0900_more.sql'), 'CREATE TABLE more_numbers (n int);');
    fs.writeFileSync(path.join(functions, 'answer.sql'), 'CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT $$;;');
    await assert.rejects(migrate(database.pool, readMigrations(dir), readFunctionFiles(functions)));
    assert.equal((await database.pool.query(`SELECT to_regclass('public.more_numbers')::text AS t`)).rows[0].t, null);
    assert.equal(await answer(), 2);

    // A migration dropped the function and its file went: the record goes too.
    fs.rmSync(path.join(functions, 'answer.sql'));
    fs.writeFileSync(path.join(dir, '0900_more.sql'), 'DROP FUNCTION answer();');
    await migrate(database.pool, readMigrations(dir), readFunctionFiles(functions));
    assert.deepEqual(await recorded(), []);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const backend of backends) {
  test(`${backend}: status lists applied and pending migrations, and a schema newer than the code is refused`, async () => {
    const database = await createTestDatabase(backend);
    try {
      const migrations = readMigrations();
      const before = await migrationStatus(database.pool, migrations);
      assert.equal(before.length, migrations.length);
      assert.ok(before.every((s) => s.appliedAt instanceof Date && !s.unknown));

      // The code has one more migration than the database: it shows as pending, nothing applied.
      const next = { version: '9998', name: '9998_next', sql: 'CREATE TABLE next_one (id int);', checksum: 'x' };
      const withNext = await migrationStatus(database.pool, [...migrations, next]);
      assert.deepEqual(withNext.at(-1), { name: '9998_next', appliedAt: null });
      const table = await database.pool.query(`SELECT to_regclass('public.next_one')::text AS t`);
      assert.equal(table.rows[0].t, null);

      // A newer version applied a migration this code does not know.
      await database.pool.query(
        `INSERT INTO schema_migrations (version, name, checksum) VALUES ('9999', '9999_from_a_newer_version', 'y')`,
      );
      await assert.rejects(migrate(database.pool, migrations), (e: unknown) => {
        assert.ok(e instanceof SchemaNewerError);
        assert.match(e.message, /9999_from_a_newer_version/);
        return true;
      });
      // …not even a pending migration of its own is applied under it.
      await assert.rejects(migrate(database.pool, [...migrations, next]), SchemaNewerError);
      assert.equal((await database.pool.query(`SELECT to_regclass('public.next_one')::text AS t`)).rows[0].t, null);
      const after = await migrationStatus(database.pool, migrations);
      assert.equal(after.at(-1)?.name, '9999_from_a_newer_version');
      assert.equal(after.at(-1)?.unknown, true);
      assert.match(formatMigrationStatus(after), /9999_from_a_newer_version .*unknown to this version/);
    } finally {
      await database.close();
    }
  });
}

test('status of a database never migrated shows every migration pending', async () => {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(pglite);
  try {
    const states = await migrationStatus(database.pool);
    assert.equal(states.length, readMigrations().length);
    assert.ok(states.every((s) => s.appliedAt === null));
    assert.match(formatMigrationStatus(states), new RegExp(`${states.length} pending$`));
  } finally {
    await database.close();
  }
});
