/**
 * server/migrations/schema.sql: the whole schema in one file, as pg_dump prints it from a
 * PostgreSQL database migrated from empty, so that a reviewer reads a migration's effect in one
 * place. `npm run schema` (with DATABASE_URL naming a PostgreSQL server whose user may create
 * databases) writes it; server/migrations/migrations.test.ts fails when it is stale.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openServer } from '../platform/db.ts';
import { migrate, readMigrations } from '../platform/migrate.ts';

export const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.sql');

/** pg_dump's text without what changes from one run to the next (comments, settings, its restrict key). */
function normalise(dump: string): string {
  const lines = dump
    .split('\n')
    .filter((l) => !/^(--|SET |SELECT pg_catalog\.set_config|\\(un)?restrict )/.test(l));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** The schema of the database at `url`, as schema.sql holds it. */
export async function dumpSchema(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--no-comments', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = readMigrations().at(-1)?.name ?? 'none';
  return `-- The schema after every migration up to ${last}, written by \`npm run schema\`; do not edit.\n\n${normalise(stdout)}`;
}

/** Migrates a new scratch database on the server at `serverUrl`, dumps it, drops it. */
async function freshSchema(serverUrl: string): Promise<string> {
  const name = `zd_schema_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`);
  try {
    const database = openServer(url.toString(), 1);
    try {
      await migrate(database.pool);
    } finally {
      await database.close();
    }
    return await dumpSchema(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.error('Set DATABASE_URL to a PostgreSQL server (the user must be allowed to create databases).');
    process.exit(2);
  }
  fs.writeFileSync(schemaFile, await freshSchema(serverUrl));
  console.log(`wrote ${path.relative(process.cwd(), schemaFile)}`);
}
