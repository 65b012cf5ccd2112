/**
 * `zerodistance backup` and `zerodistance restore` as an administrator runs them: from the
 * embedded database to a file, from the file into a new data directory; a second restore into
 * it, and a damaged file, are refused with the reason and exit status 2.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUnits } from '../server/test/factories.ts';
import { openEmbedded } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { runCli } from '../server/crash/processes.ts';
import { refusedExitCode } from './backup.ts';

describe('zerodistance backup and restore', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-cli-backup-'));
  const source = path.join(tmp, 'source');
  const target = path.join(tmp, 'target');
  const file = path.join(tmp, 'units.zdbackup');

  before(async () => {
    const database = await openEmbedded(source);
    try {
      await migrate(database.pool);
      await createUnits(database.db, [
        { code: 'BP', name: 'Tỉnh Sao Lưu', level: 'province' },
        { code: 'BC', name: 'Xã Sao Lưu', level: 'commune', parentCode: 'BP' },
      ]);
    } finally {
      await database.close();
    }
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('backs up the embedded database and restores it into a new data directory', async () => {
    const backup = await runCli(['backup', file], { ZD_DATA_DIR: source, DATABASE_URL: '' });
    assert.equal(backup.code, 0, backup.output);
    assert.match(backup.output, /backup written to .*units\.zdbackup: .*rows in \d+ tables/);
    const restore = await runCli(['restore', file], { ZD_DATA_DIR: target, DATABASE_URL: '' });
    assert.equal(restore.code, 0, restore.output);
    assert.match(restore.output, /row counts, checksums and the audit trail verified/);
    const database = await openEmbedded(target);
    try {
      const units = await database.db.selectFrom('units').select('code').orderBy('code').execute();
      assert.deepEqual(units.map((u) => u.code), ['BC', 'BP']);
    } finally {
      await database.close();
    }
  });

  it('refuses a database that is not empty and a damaged file, saying why', async () => {
    const again = await runCli(['restore', file], { ZD_DATA_DIR: target, DATABASE_URL: '' });
    assert.equal(again.code, refusedExitCode, again.output);
    assert.match(again.output, /restore refused: the database is not empty/);
    const damaged = path.join(tmp, 'damaged.zdbackup');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, bytes.length - 40));
    const refused = await runCli(['restore', damaged], { ZD_DATA_DIR: path.join(tmp, 'other'), DATABASE_URL: '' });
    assert.equal(refused.code, refusedExitCode, refused.output);
    assert.match(refused.output, /restore refused: the backup file is (damaged|incomplete)/);
    assert.ok(!fs.existsSync(path.join(tmp, 'other')), 'no database was created for a damaged file');
  });
});
