/**
 * The migration stream's rules: one ordered list of NNNN_snake_case.sql files with unique,
 * increasing numbers (a file with another name would be silently skipped), one file under
 * functions/ for each SQL function the schema has, and schema.sql kept as the schema those
 * files build (regenerate it with `npm run schema`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { backends, createServerDatabaseUrl, createTestDatabase } from '../test/databases.ts';
import { functionsDir, readFunctionFiles, readMigrations } from '../platform/migrate.ts';
import { dumpSchema, schemaFile } from './snapshot.ts';

const dir = path.dirname(schemaFile);
/** What else lives beside the migrations. */
const notMigrations = new Set(['schema.sql', 'snapshot.ts', 'migrations.test.ts', 'functions']);

test('every migration is named NNNN_snake_case.sql, with a number used once, in increasing order', () => {
  const files = fs.readdirSync(dir).filter((f) => !notMigrations.has(f));
  assert.deepEqual(files.filter((f) => !/^\d{4}_[a-z0-9]+(_[a-z0-9]+)*\.sql$/.test(f)), [], 'badly named files would never run');
  const versions = readMigrations(dir).map((m) => Number(m.version));
  assert.equal(versions.length, files.length);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `migration number ${versions[i]} is used twice`);
});

for (const backend of backends) {
  test(`${backend}: every SQL function has its file under functions/, and every file a function`, async () => {
    const database = await createTestDatabase(backend);
    try {
      // The schema's own functions: not those extensions (pg_trgm, unaccent) bring.
      const { rows } = await database.pool.query<{ name: string }>(`
        SELECT DISTINCT p.proname AS name
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public'
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
         ORDER BY 1`);
      const files = readFunctionFiles();
      assert.deepEqual(files.map((f) => f.name), rows.map((r) => r.name), `each function's current definition is ${path.relative(process.cwd(), functionsDir)}/<name>.sql`);
      for (const f of files) {
        assert.match(f.sql, new RegExp(`CREATE OR REPLACE FUNCTION ${f.name}\\(`), `${f.name}.sql defines ${f.name} with CREATE OR REPLACE`);
      }
      const applied = await database.pool.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_functions ORDER BY name');
      assert.deepEqual(applied.rows, files.map((f) => ({ name: f.name, checksum: f.checksum })));
    } finally {
      await database.close();
    }
  });
}

if (backends.includes('postgres')) {
  test('server/migrations/schema.sql is the schema the migrations build (npm run schema rewrites it)', async () => {
    const database = await createServerDatabaseUrl();
    try {
      const fresh = await dumpSchema(database.url);
      const stored = fs.readFileSync(schemaFile, 'utf8');
      if (fresh !== stored) {
        const a = stored.split('\n');
        const b = fresh.split('\n');
        const at = a.findIndex((line, i) => line !== b[i]);
        assert.fail(`schema.sql is stale from line ${at + 1}: it has ${JSON.stringify(a[at])}, the migrations give ${JSON.stringify(b[at])}. Run npm run schema.`);
      }
    } finally {
      await database.drop();
    }
  });
}
