import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DataDirInUseError, lockDataDir } from './db.ts';

test('a second process on an embedded data directory in use is refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-lock-'));
  // Another live process holds the lock: a child that sleeps.
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    fs.writeFileSync(path.join(dir, 'zerodistance.lock'), String(child.pid));
    assert.throws(() => lockDataDir(dir), (e: unknown) => {
      assert.ok(e instanceof DataDirInUseError);
      assert.match((e as Error).message, new RegExp(`already in use.*pid ${child.pid}`));
      return true;
    });
  } finally {
    child.kill();
  }
  await new Promise((r) => child.once('exit', r));
  // Its process is gone: the stale lock is taken over, and released again.
  const unlock = lockDataDir(dir);
  assert.equal(fs.readFileSync(path.join(dir, 'zerodistance.lock'), 'utf8'), String(process.pid));
  unlock();
  assert.equal(fs.existsSync(path.join(dir, 'zerodistance.lock')), false);
  fs.rmSync(dir, { recursive: true, force: true });
});
