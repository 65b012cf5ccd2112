import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree, factoryPassword, type CreatedOfficial } from '../../test/factories.ts';
import { sentSetupCode, setUpPassword } from './people.testing.ts';

const newPassword = 'lantern harbour violet';
const officialPhone = '+84912345678';

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

    it('an administrator creates an official anywhere; only the official chooses the password, with the code sent to them', async () => {
      const agency = await createAgency(t().ctx.db, { unit: 'OC2', name: 'One-stop shop' });
      const res = await post(t(), '/api/v1/officials', admin, {
        username: 'Le.Van.C',
        name: 'Lê Văn C',
        contact: '0912 345 678',
        locale: 'vi',
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
          { unit: { code: 'OC2', name: 'O Commune Two' }, role: 'leader' },
          { unit: { code: 'OV2', name: 'O Village Two' }, role: 'handler' },
        ],
        disabled: false,
        awaitingSetup: true,
        contact: '+84•••••5678',
        createdAt: '',
      });
      const sent = await sentSetupCode(t(), '+84912345678');
      assert.deepEqual({ ...sent, code: sent.code.length }, { code: 8, username: 'le.van.c', locale: 'vi', channel: 'sms' });
      assert.doesNotMatch(res.body, new RegExp(`argon2|${sent.code}`), 'the creator never sees the code');
      const audit = await auditOf(t(), body.id);
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'official.created');
      assert.equal(audit[0].actor_label, 'official:root');
      assert.equal(audit[0].unit_id, units.OC2.id);
      assert.equal(audit[0].changes.setupCodeSentBy, 'sms');
      assert.doesNotMatch(JSON.stringify(audit[0].changes), new RegExp(`argon2|password|${sent.code}|912`));

      // No password works before the official sets one; then theirs does.
      assert.equal((await login(t(), 'le.van.c', newPassword)).json().error.code, 'invalid_credentials');
      const setup = await setUpPassword(t(), { username: 'le.van.c', code: sent.code, password: newPassword });
      assert.equal(setup.statusCode, 200, setup.body);
      assert.equal((await login(t(), 'le.van.c', newPassword)).statusCode, 200);
      assert.equal((await get(t(), `/api/v1/officials/${body.id}`, admin)).json().awaitingSetup, false);
      const again = await setUpPassword(t(), { username: 'le.van.c', code: sent.code, password: 'another fine passphrase' });
      assert.equal(again.statusCode, 401, 'a setup code works once');
      assert.equal(again.json().error.code, 'setup_code_invalid');
    });

    it('officials may not choose another official’s password, not even the first one', async () => {
      const withPassword = await post(t(), '/api/v1/officials', admin, {
        username: 'chosen.pw', password: newPassword, contact: officialPhone, name: 'Chosen', grants: [{ unit: 'OC1', role: 'handler' }],
      });
      assert.equal(withPassword.statusCode, 400);
      const noContact = await post(t(), '/api/v1/officials', admin, { username: 'nocontact', name: 'No contact', grants: [{ unit: 'OC1', role: 'handler' }] });
      assert.equal(noContact.statusCode, 400);
      const badContact = await post(t(), '/api/v1/officials', admin, {
        username: 'badcontact', contact: 'call me maybe', name: 'Bad contact', grants: [{ unit: 'OC1', role: 'handler' }],
      });
      assert.equal(badContact.statusCode, 400);
      assert.equal(badContact.json().error.code, 'invalid_destination');
      const reset = await post(t(), `/api/v1/officials/${handlerC1.id}/actions`, admin, { type: 'reset_password', password: newPassword });
      assert.equal(reset.statusCode, 400);
      assert.equal((await login(t(), 'handler.c1', factoryPassword)).statusCode, 200, 'nothing changed');
      const made = await t().ctx.db.selectFrom('accounts').select('username').where('username', 'in', ['chosen.pw', 'nocontact', 'badcontact']).execute();
      assert.deepEqual(made, []);
    });

    it('a leader creates officials inside their own subtree only, and never administrators', async () => {
      const inside = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'village.handler', contact: officialPhone, name: 'Village handler', grants: [{ unit: 'OV1', role: 'handler' }],
      });
      assert.equal(inside.statusCode, 201, inside.body);
      const sameUnitLeader = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'deputy.c1', contact: officialPhone, name: 'Deputy', grants: [{ unit: 'OC1', role: 'leader' }],
      });
      assert.equal(sameUnitLeader.statusCode, 201);

      const sibling = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', contact: officialPhone, name: 'Outsider', grants: [{ unit: 'OC2', role: 'handler' }],
      });
      assert.equal(sibling.statusCode, 403);
      assert.equal(sibling.json().error.code, 'grant_not_allowed');
      const above = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', contact: officialPhone, name: 'Outsider', grants: [{ unit: 'OP', role: 'handler' }],
      });
      assert.equal(above.statusCode, 403);
      const mixed = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', contact: officialPhone, name: 'Outsider', grants: [{ unit: 'OC1', role: 'handler' }, { unit: 'OC2', role: 'handler' }],
      });
      assert.equal(mixed.statusCode, 403, 'one grant outside is enough to refuse');
      const adminRole = await post(t(), '/api/v1/officials', leaderC1, {
        username: 'outsider', contact: officialPhone, name: 'Outsider', grants: [{ unit: 'OV1', role: 'administrator' }],
      });
      assert.equal(adminRole.statusCode, 403);
      const deployment = await post(t(), '/api/v1/officials', leaderP, {
        username: 'outsider', contact: officialPhone, name: 'Outsider', grants: [{ unit: null, role: 'handler' }],
      });
      assert.equal(deployment.statusCode, 403);
      const nothing = await t().ctx.db.selectFrom('accounts').select('id').where('username', '=', 'outsider').execute();
      assert.deepEqual(nothing, []);
    });

    it('anyone else is refused: handlers and dispatchers 403, anonymous callers 401', async () => {
      const payload = { username: 'sneaky', contact: officialPhone, name: 'Sneaky', grants: [{ unit: 'OC1', role: 'handler' }] };
      const byHandler = await post(t(), '/api/v1/officials', handlerC1, payload);
      assert.equal(byHandler.statusCode, 403);
      assert.equal(byHandler.json().error.code, 'forbidden');
      assert.equal((await post(t(), '/api/v1/officials', dispatcherC1, payload)).statusCode, 403);
      assert.equal((await post(t(), '/api/v1/officials', null, payload)).statusCode, 401);
      assert.equal((await get(t(), '/api/v1/officials', handlerC1)).statusCode, 403);
    });

    it('refuses a taken username (409), an unknown unit or agency (400)', async () => {
      const base = { contact: officialPhone, name: 'X', grants: [{ unit: 'OC1', role: 'handler' }] };
      const taken = await post(t(), '/api/v1/officials', admin, { ...base, username: 'HANDLER.C1' });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'username_taken');

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
        const shown = (o: { grants: Array<{ unit: { code: string } | null; role: string }> }) => o.grants.map((g) => `${g.unit?.code ?? '*'}:${g.role}`);
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
      assert.deepEqual(granted.json().grants.map((g: { unit: { code: string }; role: string }) => `${g.unit.code}:${g.role}`), ['OC1:handler', 'OV1:reception_officer']);
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OV1', role: 'reception_officer' })).json().error.code, 'grant_exists');
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OC1', role: 'administrator' })).statusCode, 403);
      assert.equal((await post(t(), url, leaderC1, { type: 'grant', unit: 'OC2', role: 'handler' })).statusCode, 403);
      assert.equal((await post(t(), url, handlerC1, { type: 'grant', unit: 'OC1', role: 'leader' })).statusCode, 403);

      const revoked = await post(t(), url, leaderC1, { type: 'revoke', unit: 'OC1', role: 'handler' });
      assert.equal(revoked.statusCode, 200);
      assert.deepEqual(revoked.json().grants.map((g: { unit: { code: string } }) => g.unit.code), ['OV1']);
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
      assert.equal((await post(t(), `/api/v1/officials/${admin.id}/actions`, leaderP, { type: 'reset_password' })).statusCode, 404);
      const localAdmin = await createOfficial(t(), { username: 'admin.c1', phone: '+84912000001', roles: [{ unit: 'OC1', role: 'administrator' }] });
      const res = await post(t(), `/api/v1/officials/${localAdmin.id}/actions`, leaderC1, { type: 'reset_password' });
      assert.equal(res.statusCode, 403);
      assert.equal((await login(t(), 'admin.c1', factoryPassword)).statusCode, 200, 'the password did not change');
    });

    it('resets a password: the old one stops working, sessions end, and only the official gets the setup code', async () => {
      const target = await createOfficial(t(), { username: 'forgot.pw', name: 'Phạm Thị Dung', email: 'dung@example.vn', roles: [{ unit: 'OV1', role: 'handler' }] });
      await t().ctx.db.updateTable('accounts').set({ locale: 'zh' }).where('id', '=', target.id).execute();
      const url = `/api/v1/officials/${target.id}/actions`;
      const res = await post(t(), url, leaderC1, { type: 'reset_password' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().awaitingSetup, true);
      assert.equal(res.json().contact, 'd•••@example.vn');
      assert.equal((await get(t(), '/api/v1/auth/me', target)).statusCode, 401, 'old sessions end');
      assert.equal((await login(t(), 'forgot.pw', factoryPassword)).statusCode, 401, 'the old password stops working');

      const sent = await sentSetupCode(t(), 'dung@example.vn');
      assert.equal(sent.channel, 'email');
      assert.equal(sent.locale, 'zh', 'in the official’s own language');
      assert.doesNotMatch(res.body, new RegExp(sent.code));
      const audit = await auditOf(t(), target.id);
      const reset = audit.find((e) => e.action === 'official.password_reset')!;
      assert.deepEqual(reset.changes, { setupCodeSentBy: 'email' });

      // Guessing at the code gets nowhere, and an unknown username answers the same.
      const wrongCode = sent.code === '00000000' ? '11111111' : '00000000';
      const guess = await setUpPassword(t(), { username: 'forgot.pw', code: wrongCode, password: newPassword });
      assert.equal(guess.statusCode, 401);
      assert.equal(guess.json().error.code, 'setup_code_invalid');
      const unknown = await setUpPassword(t(), { username: 'no.such.official', code: wrongCode, password: newPassword });
      assert.deepEqual(unknown.json(), guess.json(), 'an unknown username answers the same');

      const weak = await setUpPassword(t(), { username: 'forgot.pw', code: sent.code, password: 'pham thi dung' }, { 'accept-language': 'vi' });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().error.code, 'password_personal');
      assert.match(weak.json().error.message, /họ tên/);
      const done = await setUpPassword(t(), { username: 'forgot.pw', code: sent.code, password: newPassword });
      assert.equal(done.statusCode, 200, 'a refused password leaves the code usable');
      assert.equal((await login(t(), 'forgot.pw', newPassword)).statusCode, 200);
      const actions = (await auditOf(t(), target.id)).map((e) => `${e.action} ${e.actor_label}`);
      assert.deepEqual(actions.slice(-4), [
        'official.password_reset official:leader.c1',
        'account.password_set official:forgot.pw',
        'account.signed_in official:forgot.pw',
        'account.signed_in official:forgot.pw',
      ]);
    });

    it('a new setup code replaces the old one; an official without a phone or e-mail cannot be reset', async () => {
      const target = await createOfficial(t(), { username: 'twice.reset', phone: '+84912000002', roles: [{ unit: 'OV1', role: 'handler' }] });
      const url = `/api/v1/officials/${target.id}/actions`;
      await post(t(), url, leaderC1, { type: 'reset_password' });
      const first = await sentSetupCode(t(), '+84912000002');
      await post(t(), url, leaderC1, { type: 'reset_password' });
      const second = await sentSetupCode(t(), '+84912000002');
      assert.notEqual(first.code, second.code);
      assert.equal((await setUpPassword(t(), { username: 'twice.reset', code: first.code, password: newPassword })).statusCode, 401);
      assert.equal((await setUpPassword(t(), { username: 'twice.reset', code: second.code, password: newPassword })).statusCode, 200);

      const noContact = await createOfficial(t(), { username: 'no.phone', roles: [{ unit: 'OV1', role: 'handler' }] });
      const refused = await post(t(), `/api/v1/officials/${noContact.id}/actions`, leaderC1, { type: 'reset_password' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'official_without_contact');
      assert.equal((await login(t(), 'no.phone', factoryPassword)).statusCode, 200, 'nothing changed');
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
      const payload = { username: 'via.cookie', contact: officialPhone, name: 'Via cookie', grants: [{ unit: 'OV1', role: 'handler' }] };
      const forged = await t().app.inject({ method: 'POST', url: '/api/v1/officials', cookies: { zd_session: session.token }, payload });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'csrf_failed');
      const ok = await t().app.inject({
        method: 'POST', url: '/api/v1/officials', cookies: { zd_session: session.token }, headers: { 'x-csrf-token': session.csrfToken }, payload,
      });
      assert.equal(ok.statusCode, 201);
    });

    // Last: a day later every session of the suite has expired.
    it('a setup code expires after a day', async () => {
      const target = await createOfficial(t(), { username: 'slow.reader', phone: '+84912000003', roles: [{ unit: 'OV1', role: 'handler' }] });
      await post(t(), `/api/v1/officials/${target.id}/actions`, leaderC1, { type: 'reset_password' });
      const sent = await sentSetupCode(t(), '+84912000003');
      t().clock.advance(24 * 3600_000);
      const late = await setUpPassword(t(), { username: 'slow.reader', code: sent.code, password: newPassword });
      assert.equal(late.statusCode, 401);
      assert.equal(late.json().error.code, 'setup_code_invalid');
    });
  },
  { config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 } } },
);
