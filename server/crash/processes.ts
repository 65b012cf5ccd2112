/**
 * Server processes for the crash and concurrency tests: `zerodistance serve` in a child
 * process on 127.0.0.1 and a free port, its data prepared beforehand, and the CLI run to
 * completion.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Backend, Database } from '../platform/db.ts';
import { openEmbedded, openServer } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { createServerDatabaseUrl } from '../test/databases.ts';
import { repoRoot } from '../../bench/server.ts';

export { startServerProcess, freePort, type ServerProcess } from '../../bench/server.ts';

export const bin = path.join(repoRoot, 'bin/zerodistance.js');

/** Where a server process keeps its data: an embedded data directory or a fresh server database. */
export interface Store {
  backend: Backend;
  /** The environment that points a process at it. */
  env: Record<string, string>;
  /** Opens it in this process (the embedded one only while no server holds it). */
  open(): Promise<Database>;
  remove(): Promise<void>;
  dir?: string;
}

export async function createStore(backend: Backend): Promise<Store> {
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-crash-'));
    return {
      backend,
      dir,
      env: { ZD_DATA_DIR: dir, DATABASE_URL: '' },
      open: async () => {
        const database = await openEmbedded(dir);
        await migrate(database.pool);
        return database;
      },
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { url, drop } = await createServerDatabaseUrl();
  return {
    backend,
    env: { DATABASE_URL: url },
    open: async () => openServer(url, 8),
    remove: drop,
  };
}

/** Runs the CLI to its end (at most `timeoutMs`), answering its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ZD_DEMO: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`zerodistance ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
