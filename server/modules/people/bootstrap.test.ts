import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { startup } from '../../startup.ts';
import { ensureAdministrator } from './commands/ensureAdministrator.ts';

const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

const withAdmin = (t: TestApp, adminPassword: string | undefined, adminUser = 'admin') => ({
  ...t.ctx,
  config: { ...t.ctx.config, adminPassword, adminUser },
});

describeEachBackend(
  'the administrator from ZD_ADMIN_PASSWORD',
  (t) => {
    it('nothing happens without a password', async () => {
      assert.equal(await ensureAdministrator(withAdmin(t(), undefined)), 'skipped');
      const accounts = await t().ctx.db.selectFrom('accounts').select('id').execute();
      assert.deepEqual(accounts, []);
    });

    it('start-up creates the administrator with a grant over the whole deployment', async () => {
      await startup(withAdmin(t(), 'first-admin-password'));
      const res = await login(t(), 'admin', 'first-admin-password');
      assert.equal(res.statusCode, 200);
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${res.json().token}` } });
      assert.deepEqual(me.json().grants, [{ unit: null, role: 'administrator' }]);
      const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'actor_label']).where('action', '=', 'official.created').execute();
      assert.deepEqual(audit, [{ action: 'official.created', actor_label: 'system:bootstrap' }]);
      // The administrator may do anything: list officials anywhere.
      const list = await t().app.inject({ method: 'GET', url: '/api/v1/officials', headers: { authorization: `Bearer ${res.json().token}` } });
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().items.map((o: { username: string }) => o.username), ['admin']);
    });

    it('the same password again changes nothing', async () => {
      const before = await t().ctx.db.selectFrom('audit_events').select('id').execute();
      assert.equal(await ensureAdministrator(withAdmin(t(), 'first-admin-password')), 'unchanged');
      const after = await t().ctx.db.selectFrom('audit_events').select('id').execute();
      assert.equal(after.length, before.length);
    });

    it('a new password resets it, enables, unlocks and re-grants the account, and ends its sessions', async () => {
      const session = (await login(t(), 'admin', 'first-admin-password')).json();
      const admin = await t().ctx.db.selectFrom('accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      await t().ctx.db.updateTable('accounts')
        .set({ disabled_at: t().clock.now() })
        .where('id', '=', admin.id).execute();
      // Strangers used up the username's allowance of attempts.
      await t().ctx.db.insertInto('sign_in_attempts')
        .values({ key: 'username:admin', attempts: 40, window_ends: new Date(t().clock.now().getTime() + 600_000) }).execute();
      await t().ctx.db.deleteFrom('grants').where('account_id', '=', admin.id).execute();

      assert.equal(await ensureAdministrator(withAdmin(t(), 'second-admin-password')), 'reset');
      assert.equal((await login(t(), 'admin', 'first-admin-password')).statusCode, 401);
      const res = await login(t(), 'admin', 'second-admin-password');
      assert.equal(res.statusCode, 200);
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${res.json().token}` } });
      assert.deepEqual(me.json().grants, [{ unit: null, role: 'administrator' }]);
      const old = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${session.token}` } });
      assert.equal(old.statusCode, 401);
      const event = await t().ctx.db.selectFrom('audit_events').select(['actor_label', 'changes'])
        .where('subject_id', '=', String(admin.id)).where('action', '=', 'official.password_reset').executeTakeFirstOrThrow();
      assert.equal(event.actor_label, 'system:bootstrap');
      assert.deepEqual(event.changes, { unlocked: true, password: 'reset', enabled: true, granted: { unit: null, role: 'administrator' } });
      assert.doesNotMatch(JSON.stringify(event.changes), /argon2|second-admin/);
    });

    it('ZD_ADMIN_USER names the account', async () => {
      assert.equal(await ensureAdministrator(withAdmin(t(), 'operator-password', 'Operator')), 'created');
      assert.equal((await login(t(), 'operator', 'operator-password')).statusCode, 200);
    });
  },
  { config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 } } },
);
