import { it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { actOk, createWorld, submitOk, testOptions, type Who } from '../petitions/petitions.testing.ts';
import { decideArticle } from './knowledge.policy.ts';
import type { Actor } from '../../platform/access.ts';

const official = (id: number, role: 'leader' | 'handler', path = '/1/'): Actor => ({
  kind: 'official',
  id,
  name: 'x',
  username: 'x',
  agencyId: null,
  grants: [{ unitId: 1, unitCode: 'X', unitPath: path, role }],
});

it('policy: the author of a version never approves it; handlers write but do not review', () => {
  const article = { unit_path: '/1/2/', state: 'in_review' as const, author_id: 7 };
  assert.deepEqual(decideArticle(official(7, 'leader'), article, 'approve'), { ok: false, code: 'article_own_review', status: 403 });
  assert.deepEqual(decideArticle(official(8, 'leader'), article, 'approve'), { ok: true });
  assert.equal(decideArticle(official(9, 'handler'), article, 'approve').ok, false);
  assert.equal(decideArticle(official(8, 'leader', '/3/'), article, 'approve').ok, false, 'outside the unit');
  assert.equal(decideArticle(official(8, 'leader'), { ...article, state: 'draft' }, 'approve').ok, false);
});

// The personal data of the petition, written as a resident and an official would.
const resident = { name: 'Trần Thị Bình', phone: '+84 912 345 678', email: 'binh.tran@example.vn', address: 'Số 12 ngõ 5 đường Lê Lợi, xóm 3, xã Thanh Nho' };
const question =
  'Tôi là Trần Thị Bình, số CCCD 040190012345, ở số 12 ngõ 5 đường Lê Lợi. Tôi muốn tách hộ khẩu cho con trai đã lập gia đình thì cần giấy tờ gì? Gọi tôi: 0912.345.678 hoặc binh.tran@example.vn';
const answer =
  'Kính gửi bà Trần Thị Bình (SĐT 0912 345 678, 84-912-345-678, email Binh.Tran@Example.VN; nhà số 12 ngõ 5 duong Le Loi): để tách hộ, bà Bình cần tờ khai thay đổi thông tin cư trú và sổ hộ khẩu, nộp tại công an xã. tran thi binh, CCCD 040 190 012 345.';

describeEachBackend(
  'knowledge articles',
  (t) => {
    const post = (who: Who, url: string, payload: unknown, lang = 'en') =>
      t().app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { ...who.headers, 'accept-language': lang } });
    const get = (url: string, who?: Who) => t().app.inject({ method: 'GET', url, headers: who?.headers });

    async function answered(w: Awaited<ReturnType<typeof createWorld>>, consent: boolean) {
      const s = await submitOk(t(), { unit: 'KC1', kind: 'question', category: 'household', body: question, resident, consentToPublish: consent, location: { address: resident.address } });
      await actOk(t(), w.disp1, s.id, { type: 'accept' });
      await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'an answer' });
      await actOk(t(), w.hand1, s.id, { type: 'start' });
      await actOk(t(), w.hand1, s.id, { type: 'answer', text: answer, publish: true });
      return s;
    }

    let w: Awaited<ReturnType<typeof createWorld>>;
    it('publishes an answer only with consent, scrubbed, after a second official reviews it', async () => {
      w = await createWorld(t(), 'K');
      const withoutConsent = await answered(w, false);
      const refused = await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'answer', petition: withoutConsent.id, texts: [{ language: 'vi', title: 'Tách hộ', body: answer }] }, 'vi');
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'petition_not_publishable');
      assert.match(refused.json().error.message, /người dân chưa đồng ý/);

      // The resident agrees later, with the access key.
      const wrongKey = await t().app.inject({ method: 'POST', url: `/api/v1/petitions/track/${withoutConsent.trackingCode}/consent`, payload: { accessKey: 'nope' } });
      assert.equal(wrongKey.statusCode, 403);
      const consent = await t().app.inject({ method: 'POST', url: `/api/v1/petitions/track/${withoutConsent.trackingCode}/consent`, payload: { accessKey: withoutConsent.accessKey } });
      assert.equal(consent.statusCode, 200, consent.body);

      const created = await post(w.hand1, '/api/v1/knowledge/articles', {
        kind: 'answer',
        petition: withoutConsent.id,
        texts: [
          { language: 'vi', title: 'Trần Thị Bình hỏi: tách hộ khẩu cần giấy tờ gì?', body: `${question}\n\n${answer}` },
          { language: 'en', title: 'Splitting a household', body: 'Mrs Binh (tran thi binh, phone 0084912345678) asked how to split a household. Bring the residence form.' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const article = created.json();
      assert.equal(article.state, 'draft');
      assert.deepEqual(article.unit, { code: 'KC1', name: 'K Commune One' });
      assert.equal(article.category, 'household');
      for (const text of article.texts) assertNoPersonalData(text.title + text.body);
      assert.match(article.texts.find((x: { language: string }) => x.language === 'vi').body, /tờ khai thay đổi thông tin cư trú/, 'the answer itself stays');

      // Residents do not see a draft.
      assert.equal((await get(`/api/v1/knowledge/articles/${article.id}`)).statusCode, 404);
      assert.deepEqual(article.abilities, ['revise', 'submit']);

      const submitted = await post(w.hand1, `/api/v1/knowledge/articles/${article.id}/actions`, { type: 'submit' });
      assert.equal(submitted.json().state, 'in_review');
      // A handler does not review; a leader who wrote the version does not approve it.
      assert.equal((await post(w.hand1, `/api/v1/knowledge/articles/${article.id}/actions`, { type: 'approve' })).statusCode, 403);
      const revisedByLeader = await post(w.lead1, `/api/v1/knowledge/articles/${article.id}/actions`, {
        type: 'revise',
        texts: [
          { language: 'vi', title: 'Tách hộ khẩu cần giấy tờ gì?', body: `${answer} Liên hệ chị Bình qua binh.tran@example.vn nếu cần.` },
          { language: 'en', title: 'Splitting a household', body: 'To split a household, bring the residence change form and the household book to the commune police.' },
        ],
      });
      assert.equal(revisedByLeader.statusCode, 200, revisedByLeader.body);
      assert.equal(revisedByLeader.json().version, 2);
      for (const text of revisedByLeader.json().texts) assertNoPersonalData(text.title + text.body);
      await post(w.lead1, `/api/v1/knowledge/articles/${article.id}/actions`, { type: 'submit' });
      const own = await post(w.lead1, `/api/v1/knowledge/articles/${article.id}/actions`, { type: 'approve' }, 'zh');
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.code, 'article_own_review');
      assert.equal(own.json().error.message, '您撰写的内容须由其他干部审核。');

      const approved = await post(w.lead1b, `/api/v1/knowledge/articles/${article.id}/actions`, { type: 'approve' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().state, 'published');
      assert.equal(approved.json().reviewer.id, w.lead1b.id);

      const read = await get(`/api/v1/knowledge/articles/${article.id}`);
      assert.equal(read.statusCode, 200);
      assertNoPersonalData(read.body);
      assert.deepEqual(read.json().unit, { code: 'KC1', name: 'K Commune One' });
      assert.doesNotMatch(read.body, /petition|tracking/i, 'residents are not led to the petition');

      // Found by a question without diacritics, and by an English one.
      const found = await get(`/api/v1/knowledge/articles?q=${encodeURIComponent('tach ho khau can nhung giay to nao')}&unit=KC1`);
      assert.equal(found.json().items[0]?.id, article.id);
      assert.deepEqual(found.json().items[0].unit, { code: 'KC1', name: 'K Commune One' });
      // Officials' search names the units of articles and petitions alike.
      const staff = (await get(`/api/v1/knowledge/search?q=${encodeURIComponent('tách hộ khẩu')}`, w.hand1)).json();
      assert.deepEqual(staff.articles[0]?.unit, { code: 'KC1', name: 'K Commune One' });
      assert.ok(staff.petitions.length > 0);
      for (const p of staff.petitions) assert.deepEqual(p.unit, { code: 'KC1', name: 'K Commune One' });
      // A unit's search holds its subtree's articles and those of the units above it, not a sibling's.
      const ids = async (unit: string) => (await get(`/api/v1/knowledge/articles?q=${encodeURIComponent('tach ho khau')}&unit=${unit}`)).json().items.map((i: { id: number }) => i.id);
      assert.ok((await ids('KV1')).includes(article.id), 'a village below the commune');
      assert.ok((await ids('KP')).includes(article.id), 'the province above it');
      assert.ok(!(await ids('KC2')).includes(article.id), 'not the other commune');
      const en = await get(`/api/v1/knowledge/articles?q=${encodeURIComponent('documents to separate a family household')}&lang=en`);
      assert.equal(en.json().items[0]?.id, article.id);
      assert.equal(en.json().items[0].language, 'en');

      const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'article').where('subject_id', '=', String(article.id)).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['article.created', 'article.submitted', 'article.revised', 'article.submitted', 'article.published']);
    });

    it('keeps the published version while a new one is written, and withdraws it', async () => {
      const guide = await post(w.hand1, '/api/v1/knowledge/articles', {
        kind: 'guide',
        unit: 'KC1',
        category: 'land',
        texts: [
          {
            language: 'en',
            title: 'Converting agricultural land to residential land',
            body: 'Apply to the land registry office.',
            guide: { steps: ['Fill in the application', 'Submit it at the one-stop shop'], papers: ['Land-use certificate'], fees: 'Land use levy', timeLimit: '15 working days', whereToGo: 'Commune one-stop shop' },
          },
        ],
      });
      assert.equal(guide.statusCode, 201, guide.body);
      const id = guide.json().id;
      await post(w.hand1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'submit' });
      await post(w.lead1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'approve' });
      const v2 = await post(w.hand1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'revise', texts: [{ language: 'en', title: 'Changing the purpose of land use', body: 'New text.' }] });
      assert.equal(v2.json().state, 'draft');
      const read = (await get(`/api/v1/knowledge/articles/${id}`)).json();
      assert.equal(read.version, 1);
      assert.equal(read.texts[0].title, 'Converting agricultural land to residential land');
      assert.equal(read.texts[0].guide.timeLimit, '15 working days');

      const work = await get('/api/v1/knowledge/work', w.lead1);
      assert.deepEqual(work.json().items.find((i: { id: number }) => i.id === id)?.unit, { code: 'KC1', name: 'K Commune One' });
      assert.equal((await get('/api/v1/knowledge/work', w.hand2)).json().items.some((i: { id: number }) => i.id === id), false, 'not in another commune');

      const withdrawn = await post(w.lead1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'withdraw', reason: 'out of date' });
      assert.equal(withdrawn.json().state, 'withdrawn');
      // The count of articles per term (the search's idf) follows publishing and withdrawing.
      const counted = await sql<{ term: string; articles: number }>`SELECT term, articles FROM article_term_counts WHERE articles <> 0 ORDER BY term`.execute(t().ctx.db);
      const recounted = await sql<{ term: string; articles: number }>`
        SELECT term, count(DISTINCT article_id)::int AS articles FROM article_terms GROUP BY term ORDER BY term`.execute(t().ctx.db);
      assert.ok(recounted.rows.length > 0);
      assert.deepEqual(counted.rows, recounted.rows);
      assert.equal((await t().ctx.db.selectFrom('article_terms').select('term').where('article_id', '=', id).execute()).length, 0);
      assert.equal((await get(`/api/v1/knowledge/articles/${id}`)).statusCode, 404);
      const search = await get(`/api/v1/knowledge/articles?q=${encodeURIComponent('agricultural land residential')}`);
      assert.equal(search.json().items.some((i: { id: number }) => i.id === id), false);
    });

    it('publishes an article with a word longer than any index entry, and finds it by its other words', async () => {
      // A pasted code or a run of letters with no space: no term of its own, and no failure.
      const blob = Array.from({ length: 50 }, (_, i) => crypto.createHash('sha256').update(`beehive ${i}`).digest('hex')).join('');
      const made = await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'guide', unit: 'KC1', category: 'other', texts: [{ language: 'en', title: 'Beekeeping permit', body: `Keeping beehives near houses needs a permit. Reference ${blob}` }] });
      assert.equal(made.statusCode, 201, made.body);
      const id = made.json().id as number;
      await post(w.hand1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'submit' });
      const approved = await post(w.lead1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'approve' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().state, 'published');
      const found = (await get(`/api/v1/knowledge/articles?q=${encodeURIComponent('beehives permit')}&unit=KC1`)).json().items.map((i: { id: number }) => i.id);
      assert.ok(found.includes(id));
    });

    it('never finds an article outside its validity dates, even the best match, and fills the page with the next', async () => {
      const publish = async (title: string, body: string, dates: { validFrom?: string; validTo?: string }) => {
        const made = await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'guide', unit: 'KC1', category: 'other', ...dates, texts: [{ language: 'en', title, body }] });
        assert.equal(made.statusCode, 201, made.body);
        const id = made.json().id as number;
        await post(w.hand1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'submit' });
        assert.equal((await post(w.lead1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'approve' })).json().state, 'published');
        return id;
      };
      const expired = await publish('Kerosene lamp licence renewal', 'Renewing a kerosene lamp licence: kerosene lamp licence renewal at the commune.', { validFrom: '2000-01-01', validTo: '2001-12-31' });
      const future = await publish('Kerosene lamp licence renewal fees', 'Kerosene lamp licence renewal fees from next century.', { validFrom: '2999-01-01' });
      const current = await publish('Kerosene lamps', 'A licence for a kerosene lamp.', {});
      const q = encodeURIComponent('kerosene lamp licence renewal');
      const all = (await get(`/api/v1/knowledge/articles?q=${q}&unit=KC1`)).json().items.map((i: { id: number }) => i.id);
      assert.ok(all.includes(current), 'the article in force is found');
      assert.ok(!all.includes(expired) && !all.includes(future), 'none outside its dates');
      const first = (await get(`/api/v1/knowledge/articles?q=${q}&unit=KC1&limit=1`)).json().items.map((i: { id: number }) => i.id);
      assert.deepEqual(first, [current], 'a page of one holds the best article in force');
    });

    it('refuses bad input with clear errors and counts deflection', async () => {
      const noUnit = await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'guide', texts: [{ language: 'vi', title: 'x', body: 'y' }] }, 'vi');
      assert.equal(noUnit.statusCode, 400);
      assert.equal(noUnit.json().error.code, 'article_needs_unit');
      const twice = await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'guide', unit: 'KC1', texts: [{ language: 'vi', title: 'x', body: 'y' }, { language: 'vi', title: 'x', body: 'y' }] });
      assert.equal(twice.json().error.code, 'article_language_twice');
      const elsewhere = await post(w.hand2, '/api/v1/knowledge/articles', { kind: 'guide', unit: 'KC1', texts: [{ language: 'vi', title: 'x', body: 'y' }] });
      assert.equal(elsewhere.statusCode, 403);
      assert.equal((await post(w.hand1, '/api/v1/knowledge/articles', { kind: 'guide', unit: 'NOPE', texts: [{ language: 'vi', title: 'x', body: 'y' }] })).json().error.code, 'unknown_unit');
      assert.equal((await t().app.inject({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { kind: 'guide' } })).statusCode, 401);

      const published = (await get('/api/v1/knowledge/articles?unit=KC1')).json().items[0].id;
      const draft = (event: string, token: string, article?: number) =>
        t().app.inject({ method: 'POST', url: `/api/v1/knowledge/drafts/${token}`, payload: { unit: 'KC1', event, ...(article ? { article } : {}) } });
      assert.equal((await draft('suggested', 'aaaaaaaaaaaaaaaa1')).statusCode, 204);
      await draft('opened', 'aaaaaaaaaaaaaaaa1', published);
      await draft('suggested', 'aaaaaaaaaaaaaaaa2');
      await draft('opened', 'aaaaaaaaaaaaaaaa2', published);
      await draft('submitted', 'aaaaaaaaaaaaaaaa2');
      await draft('suggested', 'aaaaaaaaaaaaaaaa3');
      t().clock.advance(2 * 86_400_000);
      const figures = await get('/api/v1/knowledge/figures?unit=KP', w.provLead);
      assert.equal(figures.statusCode, 200, figures.body);
      assert.deepEqual(figures.json(), { drafts: 3, suggested: 3, opened: 2, openedThenSubmitted: 1, abandonedAfterArticle: 1, deflectionRate: 0.5 });
      assert.equal((await get('/api/v1/knowledge/figures', w.lead2)).json().drafts, 0, 'another commune sees its own');
    });
  },
  testOptions,
);

function assertNoPersonalData(text: string) {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  for (const bad of ['tran thi binh', 'ba binh', 'chi binh', 'mrs binh', 'binh.tran', '@example', 'le loi', 'so 12', 'ngo 5']) {
    assert.ok(!folded.includes(bad), `"${bad}" in: ${text}`);
  }
  const digits = text.replace(/[^\d]/g, '');
  for (const number of ['912345678', '040190012345']) assert.ok(!digits.includes(number), `${number} in: ${text}`);
}


