import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createResident, createSmallTree, type CreatedOfficial } from '../../test/factories.ts';
import { defineTemplates, registerTemplates } from '../../platform/notify/templates.ts';
import { notifyOfficial, notifyOfficials } from '../../platform/notify/notices.ts';

registerTemplates(defineTemplates({
  test_notice_assigned: {
    subject: { vi: 'Bạn được giao phản ánh {trackingCode}', zh: '您被指派办理诉求 {trackingCode}', en: 'You were assigned petition {trackingCode}' },
    text: { vi: 'Hạn xử lý: {dueAt}.', zh: '办理时限：{dueAt}。', en: 'Due: {dueAt}.' },
  },
}));

const params = { trackingCode: 'ZD-4M2Q', dueAt: '2026-03-10' };

describeEachBackend('officials\' notices', (t) => {
  let handler: CreatedOfficial;
  let other: CreatedOfficial;
  let sequence = 0;

  const notice = (accountId: number, over: { dedupeKey?: string; email?: boolean; id?: number } = {}) =>
    t().ctx.db.transaction().execute((trx) =>
      notifyOfficial(trx, {
        accountId,
        template: 'test_notice_assigned',
        params,
        subject: { type: 'petition', id: over.id ?? ++sequence },
        dedupeKey: over.dedupeKey,
        email: over.email,
        at: t().clock.now(),
      }),
    );
  const list = async (who: { headers: Record<string, string> }, query = '', language = 'en') => {
    const res = await t().app.inject({ method: 'GET', url: `/api/v1/notices${query}`, headers: { ...who.headers, 'accept-language': language } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Array<{ id: number; title: string; text: string; subject: { type: string; id: string } | null; read: boolean; readAt: string | null; kind: string }>; next?: string };
  };
  const read = (who: { headers: Record<string, string> }, id: number, body: unknown = { type: 'read' }) =>
    t().app.inject({ method: 'POST', url: `/api/v1/notices/${id}/actions`, headers: who.headers, payload: body as object });

  before(async () => {
    await createSmallTree(t().ctx.db, 'N');
    handler = await createOfficial(t(), { roles: [{ unit: 'NC1', role: 'handler' }] });
    other = await createOfficial(t(), { roles: [{ unit: 'NC1', role: 'leader' }] });
  });

  test('an official sees their own notices only, in their language, with what they are about', async () => {
    assert.equal(await notice(handler.id, { id: 42 }), true);
    await notice(other.id);
    const en = await list(handler);
    assert.equal(en.items.length, 1);
    assert.deepEqual(
      { ...en.items[0], id: 0 },
      {
        id: 0,
        kind: 'test_notice_assigned',
        title: 'You were assigned petition ZD-4M2Q',
        text: 'Due: 2026-03-10.',
        subject: { type: 'petition', id: '42' },
        read: false,
        createdAt: t().clock.now().toISOString(),
        readAt: null,
      },
    );
    assert.equal((await list(handler, '', 'vi')).items[0].title, 'Bạn được giao phản ánh ZD-4M2Q');
    assert.equal((await list(handler, '', 'zh-CN,zh;q=0.9')).items[0].text, '办理时限：2026-03-10。');
    assert.equal((await list(other)).items.length, 1);
  });

  test('reading a notice marks it read once; the unread filter and count follow', async () => {
    const before = await list(handler, '?unread=true');
    const id = before.items[0].id;
    const count = async () => (await t().app.inject({ method: 'GET', url: '/api/v1/notices/unread-count', headers: handler.headers })).json().unread;
    const unreadBefore = await count();
    const res = await read(handler, id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().read, true);
    assert.equal(res.json().readAt, t().clock.now().toISOString());
    assert.equal(await count(), unreadBefore - 1);
    assert.ok(!(await list(handler, '?unread=true')).items.some((n) => n.id === id));
    assert.ok((await list(handler, '?unread=false')).items.some((n) => n.id === id));
    // Again, later: nothing changes.
    t().clock.advance(60_000);
    const again = await read(handler, id);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().readAt, res.json().readAt);
    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'notice').where('subject_id', '=', String(id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['notice.read']);
  });

  test("another official's notice cannot be read or marked: 404 as if it did not exist", async () => {
    const theirs = (await list(other)).items[0];
    const res = await read(handler, theirs.id);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
    assert.equal((await read(handler, 999_999)).statusCode, 404);
    assert.equal((await list(other)).items[0].read, false, 'still unread for its owner');
  });

  test('only officials have notices', async () => {
    const anonymous = await t().app.inject({ method: 'GET', url: '/api/v1/notices' });
    assert.equal(anonymous.statusCode, 401);
    const resident = await createResident(t());
    const res = await t().app.inject({ method: 'GET', url: '/api/v1/notices', headers: resident.headers });
    assert.equal(res.statusCode, 403);
    const write = await read(resident, 1);
    assert.equal(write.statusCode, 403);
  });

  test('bad input is a 400, never a 500', async () => {
    const id = (await list(handler)).items[0].id;
    assert.equal((await read(handler, id, { type: 'delete' })).statusCode, 400);
    assert.equal((await read(handler, id, { type: 'read', extra: 1 })).statusCode, 400);
    for (const query of ['?unread=maybe', '?cursor=abc', '?limit=0', '?limit=1000', '?other=1']) {
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/notices${query}`, headers: handler.headers });
      assert.equal(res.statusCode, 400, query);
    }
    const notAnId = await t().app.inject({ method: 'POST', url: '/api/v1/notices/x/actions', headers: handler.headers, payload: { type: 'read' } });
    assert.equal(notAnId.statusCode, 400);
  });

  test('the earlier /api/v1/notifications paths answer 308 to the same path under /api/v1/notices', async () => {
    for (const [method, from, to] of [
      ['GET', '/api/v1/notifications?unread=true&limit=5', '/api/v1/notices?unread=true&limit=5'],
      ['GET', '/api/v1/notifications/unread-count', '/api/v1/notices/unread-count'],
      ['POST', '/api/v1/notifications/7/actions', '/api/v1/notices/7/actions'],
    ] as const) {
      const res = await t().app.inject({ method, url: from, headers: handler.headers, ...(method === 'POST' ? { payload: { type: 'read' } } : {}) });
      assert.equal(res.statusCode, 308, from);
      assert.equal(res.headers.location, to);
    }
  });

  test('pages follow the cursor, newest first, without gaps or repeats', async () => {
    const paged = await createOfficial(t(), { roles: [{ unit: 'NC2', role: 'handler' }] });
    for (let i = 0; i < 5; i++) await notice(paged.id, { id: 100 + i });
    const seen: string[] = [];
    let query = '?limit=2';
    for (let pages = 0; pages < 10; pages++) {
      const page = await list(paged, query);
      seen.push(...page.items.map((n) => n.subject!.id));
      if (!page.next) break;
      query = `?limit=2&cursor=${page.next}`;
    }
    assert.deepEqual(seen, ['104', '103', '102', '101', '100']);
  });

  test('a dedupe key makes a notice exactly-once; an official with an e-mail address also gets it by mail', async () => {
    const mailed = await createOfficial(t(), { roles: [{ unit: 'NC1', role: 'dispatcher' }] });
    await t().ctx.db.updateTable('accounts').set({ email: 'dispatcher@thanhnho.example.vn', locale: 'vi' }).where('id', '=', mailed.id).execute();
    assert.equal(await notice(mailed.id, { dedupeKey: 'petition:7:overdue' }), true);
    assert.equal(await notice(mailed.id, { dedupeKey: 'petition:7:overdue' }), false);
    assert.equal((await list(mailed)).items.length, 1);
    const mail = await t().ctx.db.selectFrom('notification_outbox').selectAll().where('recipient', '=', 'dispatcher@thanhnho.example.vn').execute();
    assert.equal(mail.length, 1);
    assert.equal(mail[0].channel, 'email');
    assert.equal(mail[0].locale, 'vi', "in the official's own language");
    assert.equal(mail[0].template, 'test_notice_assigned');

    await notice(mailed.id, { email: false });
    assert.equal((await t().ctx.db.selectFrom('notification_outbox').select('id').where('recipient', '=', 'dispatcher@thanhnho.example.vn').execute()).length, 1);
    const before = (await t().ctx.db.selectFrom('notification_outbox').select('id').execute()).length;
    await notice(handler.id);
    assert.equal((await t().ctx.db.selectFrom('notification_outbox').select('id').execute()).length, before, 'no address, no mail');
  });

  test('several officials at once, each once; a disabled account gets nothing', async () => {
    const a = await createOfficial(t(), { roles: [{ unit: 'NP', role: 'dispatcher' }] });
    const b = await createOfficial(t(), { roles: [{ unit: 'NP', role: 'dispatcher' }] });
    const gone = await createOfficial(t(), { roles: [{ unit: 'NP', role: 'dispatcher' }] });
    await t().ctx.db.updateTable('accounts').set({ disabled_at: t().clock.now() }).where('id', '=', gone.id).execute();
    const send = () =>
      t().ctx.db.transaction().execute((trx) =>
        notifyOfficials(trx, [a.id, b.id, a.id, gone.id], {
          template: 'test_notice_assigned',
          params,
          subject: { type: 'petition', id: 9 },
          dedupeKey: 'petition:9:escalated',
          at: t().clock.now(),
        }),
      );
    assert.equal(await send(), 2);
    assert.equal(await send(), 0);
    assert.equal((await list(a)).items.length, 1);
    assert.equal((await list(b)).items.length, 1);
    const stored = await t().ctx.db.selectFrom('official_notices').select('id').where('account_id', '=', gone.id).execute();
    assert.equal(stored.length, 0);
  });
});
