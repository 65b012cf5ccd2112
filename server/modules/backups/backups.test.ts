/**
 * Backups that restore: the demo database, backed up while intake goes on, restores into a new
 * empty database of the other backend (and of the same) with the same rows, attachments and an
 * audit trail that verifies; a damaged or cut-off file, a database that is not empty and a
 * backup newer than the code are refused with the reason, leaving the database as it was.
 */
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after } from 'node:test';
import { describeEachBackend } from '../../test/server.ts';
import { backends, createEmptyServerDatabase } from '../../test/databases.ts';
import { openEmbedded, openServer, type Backend, type Database } from '../../platform/db.ts';
import { verifyAudit } from '../../platform/audit-verify.ts';
import { migrate, readMigrations } from '../../platform/migrate.ts';
import { createUnits } from '../../test/factories.ts';
import { seedDemo } from '../demo/seed.ts';
import { BackupFileError, RestoreRefusedError, restoreBackup, takeBackup, type BackupManifest } from './index.ts';
import { existingTables } from './backups.queries.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-backups-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const tempPath = (name: string) => path.join(tmp, `${n++}-${name}`);

/** A new empty database of a backend: PGlite in a folder of its own, or a new PostgreSQL database. */
async function emptyDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openEmbedded(tempPath('data'));
  const { url, drop } = await createEmptyServerDatabase();
  const database = openServer(url, 2);
  return { ...database, close: async () => (await database.close(), await drop()) };
}

async function counts(database: Database, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = rows[0].n;
  }
  return out;
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Rewrites the rows of a backup file through `edit` (a damaged copy). */
function damage(file: string, edit: (text: string) => string): string {
  const copy = tempPath('damaged.zdbackup');
  fs.writeFileSync(copy, zlib.gzipSync(edit(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))));
  return copy;
}

describeEachBackend('backups', (t) => {
  let file: string;
  let manifest: BackupManifest;
  const rowsOf = (m: BackupManifest) => Object.fromEntries(Object.entries(m.tables).map(([k, v]) => [k, v.rows]));

  it('are taken while intake goes on, as one consistent snapshot with its manifest', async () => {
    await seedDemo(t().ctx);
    const submitted = await t().app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      payload: { unit: '17719', kind: 'suggestion', title: 'Ảnh cống vỡ', body: 'Cống trước nhà văn hoá bị vỡ.' },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const { id, accessKey } = submitted.json();
    // The demo keeps files of its own (a forum's signed minutes); the backup counts them with ours.
    const seeded = (
      await t().ctx.database.pool.query<{ count: number; bytes: number }>(
        'SELECT count(*)::int AS count, coalesce(sum(octet_length(data)), 0)::int AS bytes FROM attachment_contents',
      )
    ).rows[0];
    const attached = await t().app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${id}/attachments?filename=cong.png`,
      headers: { 'content-type': 'image/png', 'x-access-key': accessKey },
      payload: png,
    });
    assert.equal(attached.statusCode, 201, attached.body);
    const before = (await counts(t().ctx.database, ['petitions']))['petitions'];

    file = tempPath('demo.zdbackup');
    let intakeDone = 0;
    const intake = Array.from({ length: 12 }, async (_, i) => {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/v1/petitions',
        payload: { unit: '17770', kind: 'question', title: `Câu hỏi ${i}`, body: `Khi nào sửa đường liên thôn, câu hỏi ${i}?` },
      });
      assert.equal(res.statusCode, 201, res.body);
      intakeDone++;
    });
    const result = await takeBackup(t().ctx.database, file);
    await Promise.all(intake);
    manifest = result.manifest;

    assert.equal(intakeDone, 12);
    const inBackup = manifest.tables['petitions'].rows;
    assert.ok(inBackup >= before && inBackup <= before + 12, `the snapshot has ${inBackup} petitions, between ${before} and ${before + 12}`);
    assert.equal(manifest.schemaVersion, readMigrations().at(-1)!.name);
    assert.deepEqual(manifest.attachments, { count: seeded.count + 1, bytes: seeded.bytes + png.length });
    assert.ok(manifest.audit.events > 0 && manifest.audit.chains > 0);
    assert.equal(manifest.tables['audit_events'].rows, manifest.audit.events, 'the audit heads were read in the same snapshot as the rows');
    for (const summary of Object.values(manifest.tables)) assert.match(summary.sha256, /^[0-9a-f]{64}$/);
  });

  for (const target of backends) {
    it(`restore into a new empty ${target === 'pglite' ? 'embedded database' : 'PostgreSQL database'} with the same rows and a verified audit trail`, async () => {
      const database = await emptyDatabase(target);
      try {
        const result = await restoreBackup(database, file);
        assert.deepEqual(result.migrated, []);
        assert.deepEqual(await counts(database, Object.keys(manifest.tables)), rowsOf(manifest));
        const audit = await verifyAudit(database.db);
        assert.ok(audit.ok, JSON.stringify(audit.firstBad));
        assert.equal(audit.events, manifest.audit.events);
        // The demo's own files (minutes, photos) are restored too; the one the test attached is found by its hash.
        const content = await database.db
          .selectFrom('attachment_contents')
          .select('data')
          .where('sha256', '=', createHash('sha256').update(png).digest('hex'))
          .executeTakeFirstOrThrow();
        assert.deepEqual(content.data, png);
        // The sequences go on after the restored rows: the next petition gets a new id.
        const { rows } = await database.pool.query<{ max: number }>('SELECT max(id)::int AS max FROM petitions');
        const next = await database.pool.query<{ id: number }>(`SELECT nextval('audit_events_id_seq')::int AS id`);
        assert.ok(next.rows[0].id > manifest.audit.events, 'the audit event sequence is past the restored events');
        assert.ok(rows[0].max > 0);
      } finally {
        await database.close();
      }
    });
  }

  it('refuse a damaged or cut-off file naming what is damaged, a newer schema and a database that is not empty, writing nothing', async () => {
    const database = await emptyDatabase(t().backend);
    try {
      const edited = damage(file, (text) => text.replace('Xã Thanh Nho', 'Xã Thanh Nhò'));
      await assert.rejects(restoreBackup(database, edited), (e: Error) => e instanceof BackupFileError && /table units/.test(e.message));
      const bytes = fs.readFileSync(file);
      const cut = tempPath('cut.zdbackup');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await assert.rejects(restoreBackup(database, cut), (e: Error) => e instanceof BackupFileError && /damaged|incomplete/.test(e.message));
      const noManifest = damage(file, (text) => text.slice(0, text.lastIndexOf('@{"manifest"')));
      await assert.rejects(restoreBackup(database, noManifest), (e: Error) => e instanceof BackupFileError && /incomplete/.test(e.message));
      const older = readMigrations().slice(0, -1);
      await assert.rejects(
        restoreBackup(database, file, { migrations: older }),
        (e: Error) => e instanceof RestoreRefusedError && /newer than this version/.test(e.message) && e.message.includes(readMigrations().at(-1)!.name),
      );
      assert.deepEqual(await existingTables(database.db), [], 'nothing was written');
    } finally {
      await database.close();
    }
    await assert.rejects(restoreBackup(t().ctx.database, file), (e: Error) => e instanceof RestoreRefusedError && /not empty/.test(e.message));
  });
}, { config: { rateLimits: { anonymousWritesPerMinute: 100_000 } } });

it(`a backup of an older schema restores at its own schema, then takes this version's newer migrations [${backends.at(-1)}]`, async () => {
  const backend = backends.at(-1)!;
  const all = readMigrations();
  const older = all.slice(0, -2);
  const source = await emptyDatabase(backend);
  const target = await emptyDatabase(backend);
  try {
    // The function files define functions for the newest schema (0990 renamed the tables they
    // read); a database at an older schema keeps the definitions its own migrations made.
    await migrate(source.pool, older, []);
    await createUnits(source.db, [{ code: 'OP', name: 'Tỉnh Cũ', level: 'province' }]);
    const file = tempPath('older.zdbackup');
    const { manifest } = await takeBackup(source, file);
    assert.equal(manifest.schemaVersion, older.at(-1)!.name);
    const result = await restoreBackup(target, file);
    assert.deepEqual(result.migrated, all.slice(-2).map((m) => m.name));
    const units = await target.pool.query<{ code: string }>('SELECT code FROM units');
    assert.deepEqual(units.rows, [{ code: 'OP' }]);
  } finally {
    await source.close();
    await target.close();
  }
});
