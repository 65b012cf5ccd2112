/**
 * Attachments and their storage: every limit is checked before a byte is stored, and a request
 * that fails after storing leaves nothing behind; a content is stored once, however many
 * attachments share it.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describeEachBackend } from '../../../test/server.ts';
import { createResident, type SignedIn } from '../../../test/factories.ts';
import { attachmentsPerPetition } from './attachFile.ts';
import { moveDiskAttachments } from './moveDiskAttachments.ts';
import { actOk, createWorld, submitOk, testOptions, type World } from '../petitions.testing.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-attachments-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const contentPath = (sha256: string) => path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

const megabyte = 1024 * 1024;
// The smallest valid PNG (1×1); bytes after its end keep it a PNG and make each file distinct.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const photo = (bytes: number) => Buffer.concat([png, crypto.randomBytes(Math.max(0, bytes - png.length))]);

for (const [label, quotas] of [['default quotas', {}], ['small quotas', { perPetitionBytes: 2 * megabyte, perResidentBytes: 3 * megabyte }]] as const) {
  describeEachBackend(`attachments and their storage (${label})`, (t) => {
    let w: World;
    let resident: SignedIn;
    const files = async () =>
      Number((await t().ctx.db.selectFrom('attachment_contents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const stray = () => (fs.existsSync(dataDir) ? fs.readdirSync(dataDir, { recursive: true }).map(String) : []);
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
      test(`refused uploads past ${attachmentsPerPetition} files store nothing`, async () => {
        const s = await submitOk(t(), { unit: 'DC1', kind: 'suggestion', body: 'Photos of the flooded road.' }, resident);
        for (let i = 0; i < attachmentsPerPetition; i++) assert.equal((await upload(s.id, photo(2000), resident.headers)).statusCode, 201);
        const before = await files();
        for (let i = 0; i < 15; i++) {
          const refused = await upload(s.id, photo(200_000), resident.headers);
          assert.equal(refused.statusCode, 409);
          assert.equal(refused.json().error.code, 'attachment_limit');
        }
        assert.equal(await files(), before, 'no content of a refused upload is stored');
        assert.deepEqual(stray(), []);
      });

      test('a request that fails after storing its content leaves nothing; a content another attachment shares stays', async () => {
        const s = await submitOk(t(), { unit: 'DC1', kind: 'question', body: 'Is this the right form?' });
        const key = { 'x-access-key': s.accessKey };
        const shared = photo(5000);
        assert.equal((await upload(s.id, shared, key)).statusCode, 201);
        // The insert fails inside the transaction, after the content was stored.
        await sql`CREATE FUNCTION zd_test_refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.filename = 'fail.png' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`.execute(t().ctx.db);
        await sql`CREATE TRIGGER zd_test_refuse_attachment BEFORE INSERT ON petition_attachments
          FOR EACH ROW EXECUTE FUNCTION zd_test_refuse_attachment()`.execute(t().ctx.db);
        try {
          const before = await files();
          const failed = await upload(s.id, photo(5000), key, 'fail.png');
          assert.equal(failed.statusCode, 500);
          assert.equal(await files(), before, 'the new content is gone');
          const again = await upload(s.id, shared, key, 'fail.png');
          assert.equal(again.statusCode, 500);
          assert.equal(await files(), before, 'the shared content stays');
          const hash = crypto.createHash('sha256').update(shared).digest('hex');
          const kept = await t().ctx.db.selectFrom('attachment_contents').select('data').where('sha256', '=', hash).executeTakeFirstOrThrow();
          assert.deepEqual(kept.data, shared);
          assert.deepEqual(stray(), [], 'nothing is written to the disk');
        } finally {
          await sql`DROP TRIGGER zd_test_refuse_attachment ON petition_attachments`.execute(t().ctx.db);
          await sql`DROP FUNCTION zd_test_refuse_attachment()`.execute(t().ctx.db);
        }
      });

      test('attachment files of an older version are moved into the database at start-up; a file whose content does not match is not', async () => {
        const s = await submitOk(t(), { unit: 'DC1', kind: 'question', body: 'Two old photos.' });
        const key = { 'x-access-key': s.accessKey };
        const [kept, damaged] = [photo(3000), photo(3000)];
        const ids: number[] = [];
        for (const data of [kept, damaged]) ids.push((await upload(s.id, data, key)).json().id);
        const hashes = [kept, damaged].map((d) => crypto.createHash('sha256').update(d).digest('hex'));
        // As an older version left them: the bytes in files, none in the database.
        await t().ctx.db.deleteFrom('attachment_contents').where('sha256', 'in', hashes).execute();
        for (const [i, data] of [kept, Buffer.concat([damaged, Buffer.from('x')])].entries()) {
          fs.mkdirSync(path.dirname(contentPath(hashes[i])), { recursive: true });
          fs.writeFileSync(contentPath(hashes[i]), data);
        }
        const download = (id: number) => t().app.inject({ method: 'GET', url: `/api/v1/petitions/${s.id}/attachments/${id}`, headers: key });
        assert.equal((await download(ids[0])).statusCode, 404);
        assert.deepEqual(await moveDiskAttachments(t().ctx), { moved: 1, missing: 1 });
        const got = await download(ids[0]);
        assert.equal(got.statusCode, 200);
        assert.deepEqual(got.rawPayload, kept);
        assert.equal((await download(ids[1])).statusCode, 404, 'a file that is not what its name says stays out');
        assert.deepEqual(await moveDiskAttachments(t().ctx), { moved: 0, missing: 1 }, 'moving again changes nothing');
        fs.rmSync(path.join(dataDir, 'attachments'), { recursive: true, force: true });
      });
    } else {
      test('a petition’s files together stay within its quota, officials’ included; nothing refused is stored', async () => {
        const s = await submitOk(t(), { unit: 'QC1', kind: 'suggestion', body: 'The bridge is cracked.' });
        assert.equal((await upload(s.id, photo(megabyte), { 'x-access-key': s.accessKey })).statusCode, 201);
        const before = await files();
        const over = await upload(s.id, photo(megabyte + 1), { 'x-access-key': s.accessKey });
        assert.equal(over.statusCode, 413);
        assert.equal(over.json().error.code, 'attachment_quota_petition');
        assert.match(over.json().error.message, /2 MB/);
        await actOk(t(), w.disp1, s.id, { type: 'accept' });
        const byOfficial = await upload(s.id, photo(megabyte + 1), w.disp1.headers);
        assert.equal(byOfficial.statusCode, 413);
        assert.equal(await files(), before);
        assert.equal((await upload(s.id, photo(megabyte), w.disp1.headers)).statusCode, 201, 'exactly the quota fits');
      });

      test('a signed-in resident’s files over all their petitions stay within their quota', async () => {
        const a = await submitOk(t(), { unit: 'QC1', kind: 'question', body: 'First question.' }, resident);
        const b = await submitOk(t(), { unit: 'QC2', kind: 'question', body: 'Second question.' }, resident);
        assert.equal((await upload(a.id, photo(1.5 * megabyte), resident.headers)).statusCode, 201);
        assert.equal((await upload(b.id, photo(1.5 * megabyte), resident.headers)).statusCode, 201);
        const before = await files();
        const over = await upload(b.id, photo(1000), resident.headers);
        assert.equal(over.statusCode, 413);
        assert.equal(over.json().error.code, 'attachment_quota_resident');
        assert.match(over.json().error.message, /3 MB/);
        assert.equal(await files(), before);
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
