import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree, factoryPassword, type CreatedOfficial } from '../../test/factories.ts';

const newPassword = 'a long enough password';

function post(t: TestApp, url: string, who: { headers: Record<string, string> } | null, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: who?.headers ?? {}, payload: payload as object });
}
const get = (t: TestApp, url: string, who: { headers: Record<string, string> }) => t.app.inject({ method: 'GET', url, headers: who.headers });
const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

async function auditOf(t: TestApp, id: number) {
  return t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'actor_label', 'unit_id', 'changes'])
    .where('subject_type', '=', 'account')
    .where('subject_id', '=', String(id))
    .orderBy('seq')
    .execute();
}

describeEachBackend(
  'officials: who may create, see and change them',
  (t) => {
    // P: the province; C1, C2: its communes; V1 under C1.
    let admin: CreatedOfficial;
    let leaderC1: CreatedOfficial;
    let leaderP: CreatedOfficial;
    let handlerC1: CreatedOfficial;
    let dispatcherC1: CreatedOfficial;
    let auditorC2: CreatedOfficial;
    let handlerC2: CreatedOfficial;
    let units: Awaited<ReturnType<typeof createSmallTree>>;

    before(async () => {
      units = await createSmallTree(t().ctx.db, 'O');
      admin = await createOfficial(t(), { username: 'root', roles: [{ unit: null, role: 'administrator' }] });
      leaderP = await createOfficial(t(), { username: 'leader.p', roles: [{ unit: 'OP', role: 'leader' }] });
      leaderC1 = await createOfficial(t(), { username: 'leader.c1', roles: [{ unit: 'OC1', role: 'leader' }] });
      handlerC1 = await createOfficial(t(), { username: 'handler.c1', roles: [{ unit: 'OC1', role: 'handler' }] });
      dispatcherC1 = await createOfficial(t(), { username: 'dispatcher.c1', roles: [{ unit: 'OC1', role: 'dispatcher' }] });
      auditorC2 = await createOfficial(t(), { username: 'auditor.c2', roles: [{ unit: 'OC2', role: 'auditor' }] });
      handlerC2 = await createOfficial(t(), { username: 'handler.c2', name: 'Trần Thị Bình', roles: [{ unit: 'OC2', role: 'handler' }] });
    });

    it('an administrator creates an official anywhere; the answer and the audit never carry the password', async () => {
      const agency = await createAgency(t().ctx.db, { unit: 'OC2', name: 'One-stop shop' });
      const res = await post(t(), '/api/v1/officials', admin, {
        username: 'Le.Van.C',
        password: newPassword,
        name: 'Lê Văn C',
        agency: agency.id,
        grants: [{ unit: 'OC2', role: 'leader' }, { unit: 'OV2', role: 'handler' }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.deepEqual({ ...body, id: 0, createdAt: '' }, {
        id: 0,
        username: 'le.van.c',
        name: 'Lê Văn C',
        agency: agency.id,
        agencyName: 'One-stop shop',
        grants: [
          { unit: 'OC2', unitName: 'O Commune Two', role: 'leader' },
          { unit: 'OV2', unitName: 'O Village Two', role: 'handler' },
        ],
        disabled: false,
        createdAt: '',
      });
      assert.doesNotMatch(res.body, /argon2|a long enough password/);
      const audit = await auditOf(t(), body.id);
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'official.created');
      assert.equal(audit[0].actor_label, 'official:root');
      assert.equal(audit[0].unit_id, units.OC2.id);
      assert.doesNotMatch(JSON.stringify(audit[0].changes), /argon2|password/);
      // The new official can sign in with the password given.
      assert.equal((await login(t(), 'le.van.c', newPassword)).statusCode, 200);
    });

    it('a leader creates officials inside their own subtree only, and never administrators', async () => {
      const inside = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'village.handler', password: newPassword, name: 'Village handler', grants: [{ unit: 'OV1', role: 'handler' }],
      });
      assert.equal(inside.statusCode, 201, inside.body);
      const sameUnitLeader = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'deputy.c1', password: newPassword, name: 'Deputy', grants: [{ unit: 'OC1', role: 'leader' }],
      });
      assert.equal(sameUnitLeader.statusCode, 201);

      const sibling = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', password: newPassword, name: 'Outsider', grants: [{ unit: 'OC2', role: 'handler' }],
      });
      assert.equal(sibling.statusCode, 403);
      assert.equal(sibling.json().error.code, 'grant_not_allowed');
      const above = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', password: newPassword, name: 'Outsider', grants: [{ unit: 'OP', role: 'handler' }],
      });
      assert.equal(above.statusCode, 403);
      const mixed = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', password: newPassword, name: 'Outsider', grants: [{ unit: 'OC1', role: 'handler' }, { unit: 'OC2', role: 'handler' }],
      });
      assert.equal(mixed.statusCode, 403, 'one grant outside is enough to refuse');
      const adminRole = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', password: newPassword, name: 'Outsider', grants: [{ unit: 'OV1', role: 'administrator' }],
      });
      assert.equal(adminRole.statusCode, 403);
      const deployment = await post(t(), '/api/v1/officials', leaderP, {
        username: 'outsider', password: newPassword, name: 'Outsider', grants: [{ unit: null, role: 'handler' }],
      });
      assert.equal(deployment.statusCode, 403);
      const nothing = await t().ctx.db.selectFrom('accounts').select('id').where('username', '=', 'outsider').execute();
      assert.deepEqual(nothing, []);
    });

    it('anyone else is refused: handlers and dispatchers 403, anonymous callers 401', async () => {
      const payload = { username: 'sneaky', password: newPassword, name: 'Sneaky', grants: [{ unit: 'OC1', role: 'handler' }] };
      const byHandler = await post(t(), '/api/v1/officials', handlerC1, payload);
      assert.equal(byHandler.statusCode, 403);
      assert.equal(byHandler.json().error.code, 'forbidden');
      assert.equal((await post(t(), '/api/v1/officials', dispatcherC1, payload)).statusCode, 403);
      assert.equal((await post(t(), '/api/v1/officials', null, payload)).statusCode, 401);
      assert.equal((await get(t(), '/api/v1/officials', handlerC1)).statusCode, 403);
    });

    it('refuses a taken username (409), a short password, an unknown unit or agency (400)', async () => {
      const base = { password: newPassword, name: 'X', grants: [{ unit: 'OC1', role: 'handler' }] };
      const taken = await post(t(), '/api/v1/officials', admin, { ...base, username: 'HANDLER.C1' });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'username_taken');

      const short = await t().app.inject({
        method: 'POST', url: '/api/v1/officials', headers: { ...admin.headers, 'accept-language': 'zh' },
        payload: { ...base, username: 'shortpw', password: 'short' },
      });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.code, 'weak_password');
      assert.match(short.json().error.message, /10/);

      const unit = await post(t(), '/api/v1/officials', admin, { ...base, username: 'nounit', grants: [{ unit: 'NOPE', role: 'handler' }] });
      assert.equal(unit.statusCode, 400);
      assert.equal(unit.json().error.code, 'unknown_unit');
      const agency = await post(t(), '/api/v1/officials', admin, { ...base, username: 'noagency', agency: 999999 });
      assert.equal(agency.statusCode, 400);
      assert.equal(agency.json().error.code, 'unknown_official_agency');
      const otherCommune = await createAgency(t().ctx.db, { unit: 'OC2', name: 'Land registry' });
      const foreignAgency = await post(t(), '/api/v1/officials', leaderC1, { ...base, username: 'foreignagency', agency: otherCommune.id });
      assert.equal(foreignAgency.statusCode, 400, 'a leader may not place an official in another commune’s agency');
      const role = await post(t(), '/api/v1/officials', admin, { ...base, username: 'badrole', grants: [{ unit: 'OC1', role: 'mayor' }] });
      assert.equal(role.statusCode, 400);
      const none = await post(t(), '/api/v1/officials', admin, { ...base, username: 'nogrants', grants: [] });
      assert.equal(none.statusCode, 400);
    });

    it('lists only officials with a grant in the caller’s units, filtered in the query', async () => {
      const names = async (who: CreatedOfficial, query = '') => {
        const res = await get(t(), `/api/v1/officials${query}`, who);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items.map((o: { username: string }) => o.username) as string[];
      };
      const c1 = await names(leaderC1);
      assert.ok(c1.includes('handler.c1') && c1.includes('dispatcher.c1') && c1.includes('village.handler'));
      assert.ok(!c1.includes('handler.c2'), 'another commune’s official is not listed');
      assert.ok(!c1.includes('leader.p') && !c1.includes('root'), 'officials above are not listed');
      assert.deepEqual(await names(dispatcherC1), c1, 'a dispatcher sees the officials of the same units');

      const c2 = await names(auditorC2);
      assert.ok(c2.includes('handler.c2') && !c2.includes('handler.c1'));

      const all = await names(admin);
      for (const u of ['root', 'leader.p', 'handler.c1', 'handler.c2', 'auditor.c2']) assert.ok(all.includes(u), u);
      const province = await names(leaderP);
      assert.ok(province.includes('handler.c1') && province.includes('handler.c2') && !province.includes('root'));

      assert.deepEqual(await names(admin, '?unit=OV1'), ['village.handler']);
      assert.deepEqual((await names(admin, '?unit=OC1&role=handler')).sort(), ['handler.c1', 'village.handler']);
      assert.deepEqual(await names(leaderC1, '?unit=OC2'), [], 'a filter cannot reach outside the caller’s units');
      assert.equal((await get(t(), '/api/v1/officials?unit=NOPE', admin)).statusCode, 400);
      assert.deepEqual(await names(leaderP, `?q=${encodeURIComponent('tran thi')}`), ['handler.c2'], 'names match without diacritics');
    });

    it('pages through the list with a cursor', async () => {
      const seen: string[] = [];
      let url = '/api/v1/officials?limit=2';
      for (let page = 0; page < 50; page++) {
        const body = (await get(t(), url, admin)).json();
        assert.ok(body.items.length <= 2);
        seen.push(...body.items.map((o: { username: string }) => o.username));
        if (!body.next) break;
        url = `/api/v1/officials?limit=2&cursor=${body.next}`;
      }
      const all = (await get(t(), '/api/v1/officials?limit=200', admin)).json().items.map((o: { username: string }) => o.username);
      assert.deepEqual(seen, all);
      assert.ok(all.length > 2);
      assert.equal((await get(t(), '/api/v1/officials?cursor=%21%21', admin)).statusCode, 400);
    });

    it('shows one official only to those who may see them', async () => {
      assert.equal((await get(t(), `/api/v1/officials/${handlerC2.id}`, leaderC1)).statusCode, 404);
      assert.equal((await get(t(), `/api/v1/officials/${admin.id}`, leaderP)).statusCode, 404);
      const ok = await get(t(), `/api/v1/officials/${handlerC2.id}`, leaderP);
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().name, 'Trần Thị Bình');
      assert.equal((await get(t(), '/api/v1/officials/99999999', admin)).statusCode, 404);
    });

    it('shows an official’s roles only in the caller’s units, in the list, in one official and in its filters', async () => {
      const roamer = await createOfficial(t(), {
        username: 'roamer',
        roles: [{ unit: 'OC1', role: 'handler' }, { unit: 'OC2', role: 'handler' }, { unit: null, role: 'auditor' }],
      });
      const communeAdmin = await createOfficial(t(), { username: 'commune.admin', roles: [{ unit: 'OC1', role: 'administrator' }] });
      const grants = async (who: CreatedOfficial) => {
        const list = await get(t(), '/api/v1/officials?q=roamer', who);
        assert.equal(list.statusCode, 200, list.body);
        const one = await get(t(), `/api/v1/officials/${roamer.id}`, who);
        assert.equal(one.statusCode, 200, one.body);
        const shown = (o: { grants: Array<{ unit: string | null; role: string }> }) => o.grants.map((g) => `${g.unit ?? '*'}:${g.role}`);
        assert.deepEqual(list.json().items.map((o: { username: string }) => o.username), ['roamer']);
        assert.deepEqual(shown(list.json().items[0]), shown(one.json()), 'the list and the official agree');
        return shown(one.json());
      };
      assert.deepEqual(await grants(communeAdmin), ['OC1:handler'], 'not the other commune, not the deployment-wide role');
      assert.deepEqual(await grants(dispatcherC1), ['OC1:handler']);
      assert.deepEqual(await grants(leaderP), ['OC1:handler', 'OC2:handler']);
      assert.deepEqual(await grants(admin), ['OC1:handler', 'OC2:handler', '*:auditor']);

      // A filter cannot find the official by a role held outside the caller's units either.
      const names = async (query: string) => (await get(t(), `/api/v1/officials${query}`, communeAdmin)).json().items.map((o: { username: string }) => o.username);
      assert.deepEqual(await names('?unit=OC2&q=roamer'), []);
      assert.deepEqual(await names('?role=auditor&q=roamer'), []);
      assert.deepEqual(await names('?role=handler&q=roamer'), ['roamer']);
    });

    it('grants and revokes roles under the same rules, with an audit event each', async () => {
      const target = await createOfficial(t(), { username: 'rotating', roles: [{ unit: 'OC1', role: 'handler' }] });
      const url = `/api/v1/officials/${target.id}/actions`;
      const granted = await post(t(), url, leaderC1, { type: 'grant', unit: 'OV1', role: 'reception_officer' });
      assert.equal(granted.statusCode, 200, granted.body);
      assert.deepEqual(granted.json().grants.map((g: { unit: string; role: string }) => `${g.unit}:${g.role}`), ['OC1:handler', 'OV1:reception_officer']);
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OV1', role: 'reception_officer' })).json().error.code, 'grant_exists');
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OC1', role: 'administrator' })).statusCode, 403);
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OC2', role: 'handler' })).statusCode, 403);
      assert.equal((await post(t(), url, handlerC1, { type: 'grant', unit: 'OC1', role: 'leader' })).statusCode, 403);

      const revoked = await post(t(), url, leaderC1, { type: 'revoke', unit: 'OC1', role: 'handler' });
      assert.equal(revoked.statusCode, 200);
      assert.deepEqual(revoked.json().grants.map((g: { unit: string }) => g.unit), ['OV1']);
      const missing = await post(t(), url, leaderC1, { type: 'revoke', unit: 'OC1', role: 'handler' });
      assert.equal(missing.statusCode, 409);
      assert.equal(missing.json().error.code, 'grant_missing');

      // An administrator may give roles anywhere, the administrator role included.
      assert.equal((await post(t(), url, admin, { type: 'grant', unit: 'OC2', role: 'administrator' })).statusCode, 200);
      // Now the official holds a role outside C1: the C1 leader sees them but may not change them.
      const notManageable = await post(t(), url, leaderC1, { type: 'revoke', unit: 'OV1', role: 'reception_officer' });
      assert.equal(notManageable.statusCode, 403);
      assert.equal(notManageable.json().error.code, 'official_not_manageable');

      const actions = (await auditOf(t(), target.id)).map((e) => `${e.action} ${e.actor_label}`);
      assert.deepEqual(actions, ['official.granted official:leader.c1', 'official.revoked official:leader.c1', 'official.granted official:root']);
    });

    it('a leader may not reach officials elsewhere: 404 when unseen, 403 for an administrator in their units', async () => {
      assert.equal((await post(t(), `/api/v1/officials/${handlerC2.id}/actions`, leaderC1, { type: 'disable' })).statusCode, 404);
      assert.equal((await post(t(), `/api/v1/officials/${admin.id}/actions`, leaderP, { type: 'reset_password', password: newPassword })).statusCode, 404);
      const localAdmin = await createOfficial(t(), { username: 'admin.c1', roles: [{ unit: 'OC1', role: 'administrator' }] });
      const res = await post(t(), `/api/v1/officials/${localAdmin.id}/actions`, leaderC1, { type: 'reset_password', password: newPassword });
      assert.equal(res.statusCode, 403);
      assert.equal((await login(t(), 'admin.c1', factoryPassword)).statusCode, 200, 'the password did not change');
    });

    it('resets a password: the old one stops working and the official is signed out everywhere', async () => {
      const target = await createOfficial(t(), { username: 'forgot.pw', roles: [{ unit: 'OV1', role: 'handler' }] });
      const url = `/api/v1/officials/${target.id}/actions`;
      const short = await post(t(), url, leaderC1, { type: 'reset_password', password: 'tiny' });
      assert.equal(short.json().error.code, 'weak_password');
      const res = await post(t(), url, leaderC1, { type: 'reset_password', password: newPassword });
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /argon2|password/i);
      assert.equal((await get(t(), '/api/v1/auth/me', target)).statusCode, 401, 'old sessions end');
      assert.equal((await login(t(), 'forgot.pw', factoryPassword)).statusCode, 401);
      assert.equal((await login(t(), 'forgot.pw', newPassword)).statusCode, 200);
      const audit = await auditOf(t(), target.id);
      const reset = audit.find((e) => e.action === 'official.password_reset')!;
      assert.deepEqual(reset.changes, {});
    });

    it('disables and enables an account; nobody disables themselves', async () => {
      const target = await createOfficial(t(), { username: 'on.leave', roles: [{ unit: 'OC1', role: 'handler' }] });
      const url = `/api/v1/officials/${target.id}/actions`;
      const off = await post(t(), url, leaderC1, { type: 'disable' });
      assert.equal(off.statusCode, 200);
      assert.equal(off.json().disabled, true);
      assert.equal((await get(t(), '/api/v1/auth/me', target)).statusCode, 401);
      assert.equal((await login(t(), 'on.leave', factoryPassword)).json().error.code, 'account_disabled');
      assert.equal((await post(t(), url, leaderC1, { type: 'disable' })).json().error.code, 'already_disabled');

      const on = await post(t(), url, leaderC1, { type: 'enable' });
      assert.equal(on.statusCode, 200);
      assert.equal(on.json().disabled, false);
      assert.equal((await login(t(), 'on.leave', factoryPassword)).statusCode, 200);
      assert.equal((await post(t(), url, leaderC1, { type: 'enable' })).statusCode, 409);

      const self = await post(t(), `/api/v1/officials/${leaderC1.id}/actions`, leaderC1, { type: 'disable' });
      assert.equal(self.statusCode, 409);
      assert.equal(self.json().error.code, 'cannot_disable_self');
      const actions = (await auditOf(t(), target.id)).map((e) => e.action);
      assert.deepEqual(actions, ['official.disabled', 'official.enabled', 'account.signed_in']);
    });

    it('a cookie session needs the CSRF token for an official command', async () => {
      const session = (await login(t(), 'leader.c1', factoryPassword)).json();
      const payload = { username: 'via.cookie', password: newPassword, name: 'Via cookie', grants: [{ unit: 'OV1', role: 'handler' }] };
      const forged = await t().app.inject({ method: 'POST', url: '/api/v1/officials', cookies: { zd_session: session.token }, payload });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'csrf_failed');
      const ok = await t().app.inject({
        method: 'POST', url: '/api/v1/officials', cookies: { zd_session: session.token }, headers: { 'x-csrf-token': session.csrfToken }, payload,
      });
      assert.equal(ok.statusCode, 201);
    });
  },
  { config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 } } },
);
