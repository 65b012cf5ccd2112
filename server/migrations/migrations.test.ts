/**
 * The migration stream's rules: one ordered list of NNNN_snake_case.sql files with unique,
 * increasing numbers (a file with another name would be silently skipped), and schema.sql
 * kept as the schema those files build (regenerate it with `npm run schema`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { backends, createServerDatabaseUrl } from '../test/databases.ts';
import { readMigrations } from '../platform/migrate.ts';
import { dumpSchema, schemaFile } from './snapshot.ts';

const dir = path.dirname(schemaFile);
/** What else lives beside the migrations. */
const notMigrations = new Set(['schema.sql', 'snapshot.ts', 'migrations.test.ts']);

test('every migration is named NNNN_snake_case.sql, with a number used once, in increasing order', () => {
  const files = fs.readdirSync(dir).filter((f) => !notMigrations.has(f));
  assert.deepEqual(files.filter((f) => !/^\d{4}_[a-z0-9]+(_[a-z0-9]+)*\.sql$/.test(f)), [], 'badly named files would never run');
  const versions = readMigrations(dir).map((m) => Number(m.version));
  assert.equal(versions.length, files.length);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `migration number ${versions[i]} is used twice`);
});

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
