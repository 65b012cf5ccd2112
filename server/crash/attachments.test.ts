/**
 * Attachments for many servers: two server processes on one PostgreSQL database, each with a
 * data directory of its own; a file uploaded through one downloads, byte for byte, through the
 * other. (The embedded database has one process by construction.)
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backends } from '../test/databases.ts';
import { createUnits } from '../test/factories.ts';
import { ensureWebBuild } from '../../web/build.ts';
import { createStore, startServerProcess, type ServerProcess, type Store } from './processes.ts';

// The smallest valid PNG (1×1), made distinct by bytes after its end.
const png = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  crypto.randomBytes(200_000),
]);

if (backends.includes('postgres')) {
  describe('attachments through two server processes on one PostgreSQL', () => {
    let store: Store;
    const servers: ServerProcess[] = [];
    const dirs: string[] = [];

    before(async () => {
      await ensureWebBuild({ quiet: true });
      store = await createStore('postgres');
      const database = await store.open();
      try {
        await createUnits(database.db, [
          { code: 'AP', name: 'Tỉnh Đính Kèm', level: 'province' },
          { code: 'AC', name: 'Xã Đính Kèm', level: 'commune', parentCode: 'AP' },
        ]);
      } finally {
        await database.close();
      }
      for (let i = 0; i < 2; i++) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-two-servers-'));
        dirs.push(dir);
        servers.push(await startServerProcess({ ...store.env, ZD_DATA_DIR: dir }));
      }
    });

    after(async () => {
      for (const server of servers) await server.stop();
      await store?.remove();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a photo uploaded through one server downloads through the other', async () => {
      const [first, second] = servers;
      const submitted = await fetch(`${first.url}/api/v1/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unit: 'AC', kind: 'suggestion', title: 'Cống vỡ', body: 'Cống trước nhà văn hoá bị vỡ, xem ảnh.' }),
      });
      assert.equal(submitted.status, 201, await submitted.clone().text());
      const { id, accessKey } = (await submitted.json()) as { id: number; accessKey: string };
      const uploaded = await fetch(`${first.url}/api/v1/petitions/${id}/attachments?filename=cong.png`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-access-key': accessKey },
        body: png,
      });
      assert.equal(uploaded.status, 201, await uploaded.clone().text());
      const attachment = (await uploaded.json()) as { id: number; size: number };
      assert.equal(attachment.size, png.length);

      const downloaded = await fetch(`${second.url}/api/v1/petitions/${id}/attachments/${attachment.id}`, { headers: { 'x-access-key': accessKey } });
      assert.equal(downloaded.status, 200);
      assert.equal(downloaded.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await downloaded.arrayBuffer()), png);
      for (const dir of dirs) assert.ok(!fs.existsSync(path.join(dir, 'attachments')), 'no server wrote the file to its own disk');
    });
  });
}
