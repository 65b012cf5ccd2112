/** An administrator of the whole deployment takes a backup now and lists them; nobody else may. */
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree } from '../../test/factories.ts';
import { checkBackupFile } from './index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-backups-api-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describeEachBackend('backups over the API', (t) => {
  it('an administrator takes one now and sees it listed; the audit trail names who; a unit administrator may not', async () => {
    await createSmallTree(t().ctx.db);
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const unitAdmin = await createOfficial(t(), { roles: [{ unit: 'TC1', role: 'administrator' }] });
    const sub = `${t().backend}`;
    t().ctx.config.backupDir = path.join(dir, sub);

    const empty = await t().app.inject({ method: 'GET', url: '/api/v1/backups', headers: admin.headers });
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual(empty.json(), { configured: true, everyHours: 24, keep: 7, items: [] });

    const taken = await t().app.inject({ method: 'POST', url: '/api/v1/backups', headers: admin.headers });
    assert.equal(taken.statusCode, 201, taken.body);
    const body = taken.json();
    assert.match(body.name, /^zerodistance-\d{8}T\d{6}Z\.zdbackup$/);
    assert.ok(body.rows > 0 && body.tables > 0 && body.bytes > 0);
    const { manifest } = await checkBackupFile(path.join(dir, sub, body.name));
    assert.equal(manifest.schemaVersion, body.schemaVersion);

    const again = await t().app.inject({ method: 'POST', url: '/api/v1/backups', headers: { ...admin.headers, 'accept-language': 'vi' } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'backup_exists');
    assert.match(again.json().error.message, /sao lưu/);

    const listed = await t().app.inject({ method: 'GET', url: '/api/v1/backups', headers: admin.headers });
    assert.deepEqual(listed.json().items.map((b: { name: string }) => b.name), [body.name]);
    const audited = await t().ctx.db.selectFrom('audit_events').select(['actor_id', 'subject_id']).where('action', '=', 'backup.take').execute();
    assert.deepEqual(audited, [{ actor_id: admin.id, subject_id: body.name }]);

    for (const method of ['GET', 'POST'] as const) {
      assert.equal((await t().app.inject({ method, url: '/api/v1/backups', headers: unitAdmin.headers })).statusCode, 403, `${method} by a unit administrator`);
      assert.equal((await t().app.inject({ method, url: '/api/v1/backups' })).statusCode, 401, `${method} by a stranger`);
    }

    t().ctx.config.backupDir = undefined;
    const unconfigured = await t().app.inject({ method: 'POST', url: '/api/v1/backups', headers: admin.headers });
    assert.equal(unconfigured.statusCode, 409);
    assert.equal(unconfigured.json().error.code, 'backups_not_configured');
  });
});
