/**
 * Attachments and the disk: every limit is checked before a byte is written, and a request that
 * fails after writing leaves nothing behind.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createResident, type SignedIn } from '../../test/factories.ts';
import { attachmentsPerPetition } from './commands/attachFile.ts';
import { actOk, createWorld, submitOk, testOptions, type World } from './petitions.testing.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-attachments-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const megabyte = 1024 * 1024;
// The smallest valid PNG (1×1); bytes after its end keep it a PNG and make each file distinct.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const photo = (bytes: number) => Buffer.concat([png, crypto.randomBytes(Math.max(0, bytes - png.length))]);

for (const [label, quotas] of [['default quotas', {}], ['small quotas', { perPetitionBytes: 2 * megabyte, perResidentBytes: 3 * megabyte }]] as const) {
  describeEachBackend(`attachments and the disk (${label})`, (t) => {
    let w: World;
    let resident: SignedIn;
    const files = () => (fs.existsSync(path.join(dataDir, 'attachments')) ? fs.readdirSync(path.join(dataDir, 'attachments'), { recursive: true }) : [])
      .map(String)
      .filter((f) => /[0-9a-f]{64}$/.test(f)).length;
    const stray = () => fs.readdirSync(dataDir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    const upload = (id: number, data: Buffer, headers: Record<string, string>, filename = 'photo.png') =>
      t().app.inject({
        method: 'POST',
        url: `/api/v1/petitions/${id}/attachments?filename=${filename}`,
        headers: { 'content-type': 'image/png', 'accept-language': 'vi', ...headers },
        payload: data,
      });

    test('setup', async () => {
      w = await createWorld(t(), label === 'default quotas' ? 'D' : 'Q');
      resident = await createResident(t());
    });

    if (label === 'default quotas') {
      test(`refused uploads past ${attachmentsPerPetition} files write nothing to the disk`, async () => {
        const s = await submitOk(t(), { unit: 'DC1', kind: 'suggestion', body: 'Photos of the flooded road.' }, resident);
        for (let i = 0; i < attachmentsPerPetition; i++) assert.equal((await upload(s.id, photo(2000), resident.headers)).statusCode, 201);
        const before = files();
        for (let i = 0; i < 15; i++) {
          const refused = await upload(s.id, photo(200_000), resident.headers);
          assert.equal(refused.statusCode, 409);
          assert.equal(refused.json().error.code, 'attachment_limit');
        }
        assert.equal(files(), before, 'no file of a refused upload is on the disk');
        assert.deepEqual(stray(), []);
      });

      test('a request that fails after writing its file removes it; a file another attachment shares stays', async () => {
        const s = await submitOk(t(), { unit: 'DC1', kind: 'question', body: 'Is this the right form?' });
        const key = { 'x-access-key': s.accessKey };
        const shared = photo(5000);
        assert.equal((await upload(s.id, shared, key)).statusCode, 201);
        // The insert fails inside the transaction, after the file was written.
        await sql`CREATE FUNCTION zd_test_refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.filename = 'fail.png' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`.execute(t().ctx.db);
        await sql`CREATE TRIGGER zd_test_refuse_attachment BEFORE INSERT ON petition_attachments
          FOR EACH ROW EXECUTE FUNCTION zd_test_refuse_attachment()`.execute(t().ctx.db);
        try {
          const before = files();
          const failed = await upload(s.id, photo(5000), key, 'fail.png');
          assert.equal(failed.statusCode, 500);
          assert.equal(files(), before, 'the new file is gone');
          const again = await upload(s.id, shared, key, 'fail.png');
          assert.equal(again.statusCode, 500);
          assert.equal(files(), before, 'the shared file stays');
          const hash = crypto.createHash('sha256').update(shared).digest('hex');
          assert.ok(fs.existsSync(path.join(dataDir, 'attachments', hash.slice(0, 2), hash.slice(2, 4), hash)));
          assert.deepEqual(stray(), []);
        } finally {
          await sql`DROP TRIGGER zd_test_refuse_attachment ON petition_attachments`.execute(t().ctx.db);
          await sql`DROP FUNCTION zd_test_refuse_attachment()`.execute(t().ctx.db);
        }
      });
    } else {
      test('a petition’s files together stay within its quota, officials’ included; nothing refused is written', async () => {
        const s = await submitOk(t(), { unit: 'QC1', kind: 'suggestion', body: 'The bridge is cracked.' });
        assert.equal((await upload(s.id, photo(megabyte), { 'x-access-key': s.accessKey })).statusCode, 201);
        const before = files();
        const over = await upload(s.id, photo(megabyte + 1), { 'x-access-key': s.accessKey });
        assert.equal(over.statusCode, 413);
        assert.equal(over.json().error.code, 'attachment_quota_petition');
        assert.match(over.json().error.message, /2 MB/);
        await actOk(t(), w.disp1, s.id, { type: 'accept' });
        const byOfficial = await upload(s.id, photo(megabyte + 1), w.disp1.headers);
        assert.equal(byOfficial.statusCode, 413);
        assert.equal(files(), before);
        assert.equal((await upload(s.id, photo(megabyte), w.disp1.headers)).statusCode, 201, 'exactly the quota fits');
      });

      test('a signed-in resident’s files over all their petitions stay within their quota', async () => {
        const a = await submitOk(t(), { unit: 'QC1', kind: 'question', body: 'First question.' }, resident);
        const b = await submitOk(t(), { unit: 'QC2', kind: 'question', body: 'Second question.' }, resident);
        assert.equal((await upload(a.id, photo(1.5 * megabyte), resident.headers)).statusCode, 201);
        assert.equal((await upload(b.id, photo(1.5 * megabyte), resident.headers)).statusCode, 201);
        const before = files();
        const over = await upload(b.id, photo(1000), resident.headers);
        assert.equal(over.statusCode, 413);
        assert.equal(over.json().error.code, 'attachment_quota_resident');
        assert.match(over.json().error.message, /3 MB/);
        assert.equal(files(), before);
        // Another resident, and the petition's officials, are not held by this resident's quota.
        const other = await createResident(t());
        const c = await submitOk(t(), { unit: 'QC1', kind: 'question', body: 'Third question.' }, other);
        assert.equal((await upload(c.id, photo(1000), other.headers)).statusCode, 201);
        await actOk(t(), w.disp2, b.id, { type: 'accept' });
        assert.equal((await upload(b.id, photo(1000), w.disp2.headers)).statusCode, 201);
      });
    }
  }, { ...testOptions, config: { ...testOptions.config, dataDir, ...(Object.keys(quotas).length ? { attachmentQuotas: quotas as { perPetitionBytes: number; perResidentBytes: number } } : {}) } });
}
