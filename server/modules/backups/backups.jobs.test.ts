/**
 * Scheduled backups: with ZD_BACKUP_DIR set, the job loop takes one when the newest in the folder
 * is older than ZD_BACKUP_EVERY, logs its start and what it wrote, and keeps ZD_BACKUP_KEEP.
 */
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describeEachBackend } from '../../test/server.ts';
import { createLogger } from '../../platform/log.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { checkBackupFile } from './index.ts';
import { listBackups } from './backups.jobs.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describeEachBackend('scheduled backups', (t) => {
  it('are taken by the job loop when due, logged, and only the newest ZD_BACKUP_KEEP kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-scheduled-'));
    dirs.push(dir);
    const lines: Array<{ msg: string; file?: string; rows?: number; removed?: string[] }> = [];
    const log = createLogger(
      'info',
      new Writable({
        write(chunk, _enc, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
          done();
        },
      }),
    );
    const ctx = { ...t().ctx, log, config: { ...t().ctx.config, backupDir: dir, backupEveryMs: 86_400_000, backupKeep: 2 } };
    const day = 86_400_000;

    await runDueJobs(ctx);
    assert.equal(listBackups(dir).length, 1, 'the first pass takes one');
    const first = listBackups(dir)[0];
    assert.equal(first.at.toISOString(), t().clock.now().toISOString().replace(/\.\d+Z$/, '.000Z'));
    const { manifest } = await checkBackupFile(first.file);
    assert.ok(manifest.tables['units']);
    const written = lines.find((l) => l.msg === 'backup written');
    assert.ok(lines.some((l) => l.msg === 'backup started' && l.file === first.file));
    assert.equal(written?.file, first.file);
    assert.equal(typeof written?.rows, 'number');

    t().clock.advance(6 * 3_600_000);
    await runDueJobs(ctx);
    assert.equal(listBackups(dir).length, 1, 'not due six hours later');

    for (let i = 0; i < 2; i++) {
      t().clock.advance(day);
      await runDueJobs(ctx);
    }
    const kept = listBackups(dir);
    assert.equal(kept.length, 2, 'two kept');
    assert.ok(!kept.some((b) => b.file === first.file), 'the oldest was removed');
    assert.deepEqual(lines.filter((l) => l.msg === 'backup written').at(-1)?.removed, [path.basename(first.file)]);
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.partial')), 'no partial file is left');
  });

  it('are not taken without ZD_BACKUP_DIR', async () => {
    t().clock.advance(3 * 86_400_000);
    const result = await runDueJobs(t().ctx);
    assert.equal(result.failed, 0);
  });
});
