/**
 * The two-backend database harness. Every database test runs on PGlite, and also on the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI always sets it).
 *
 * Migrating a fresh PGlite takes seconds, so the migrated data directory is dumped once per
 * set of migrations and function files (cached under .zd-test-cache/) and every test database loads that dump.
 * On the server, a migrated template database is cloned with CREATE DATABASE … TEMPLATE.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, openServer, pgliteExtensions, type Backend, type Database } from '../platform/db.ts';
import { migrate, readFunctionFiles, readMigrations } from '../platform/migrate.ts';

export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const cacheDir = path.resolve('.zd-test-cache');
const migrationsKey = crypto
  .createHash('sha256')
  .update([...readMigrations(), ...readFunctionFiles()].map((m) => m.checksum).join(','))
  .digest('hex')
  .slice(0, 16);

async function pgliteDump(): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-${migrationsKey}.tar.gz`);
  if (!fs.existsSync(file)) {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    const database = fromPglite(pglite);
    await migrate(database.pool);
    await database.pool.end();
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    fs.mkdirSync(cacheDir, { recursive: true });
    // Several test processes may build it at once: write aside, then rename atomically.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(temp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query<T>(text);
  } finally {
    await client.end();
  }
}

async function serverTemplate(): Promise<string> {
  const name = `zd_template_${migrationsKey}`;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7261002)');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      const database = openServer(serverUrl(name), 1);
      try {
        await migrate(database.pool);
      } catch (e) {
        await database.close();
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        throw e;
      }
      await database.close();
    }
    return name;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7261002)').catch(() => {});
    await client.end();
  }
}

/** Cloning needs the template to have no other session; retry briefly if one is closing. */
async function cloneTemplate(name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/** A fresh, migrated, empty database on the given backend; close() removes it. */
export async function createTestDatabase(backend: Backend, opts: { poolSize?: number } = {}): Promise<Database> {
  if (backend === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: await pgliteDump(), extensions: pgliteExtensions });
    return fromPglite(pglite);
  }
  const template = await serverTemplate();
  const name = `zd_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await cloneTemplate(name, template);
  const database = openServer(serverUrl(name), opts.poolSize ?? 5);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The URL of a fresh migrated server database, for tests that start server processes. */
export async function createServerDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = await serverTemplate();
  const name = `zd_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await cloneTemplate(name, template);
  return { url: serverUrl(name), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** A new PostgreSQL database with nothing in it (no schema), as `createdb` makes: for restores. */
export async function createEmptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zd_empty_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: serverUrl(name), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}
