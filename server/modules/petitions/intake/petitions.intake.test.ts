import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describeEachBackend } from '../../../test/server.ts';
import { createResident } from '../../../test/factories.ts';
import { newTrackingCode, trackingAlphabet } from './petitions.codes.ts';
import { submitPetition } from './submitPetition.ts';
import { anonymous as anonymousActor } from '../../../platform/access.ts';
import { actOk, api, petitionInProgress, submitOk, testOptions, worldFor } from '../petitions.testing.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-petitions-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The smallest valid PNG (1×1) and the start of a PDF: enough for a content check.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeEachBackend('petition intake, tracking, rating and attachments', (t) => {
  const w = worldFor(t);
  const call = () => api(t());

  test('anyone submits through the web and gets a tracking code, an access key and the due times', async () => {
    const res = await call().submit({
      unit: 'TC1',
      kind: 'question',
      title: 'Levelling forest land',
      body: 'I want to level forest land to build a house: is it allowed, which procedures?',
      resident: { name: 'Nguyễn Văn An', phone: '0912345678', email: 'An@Example.vn', address: 'Xóm 5' },
      location: { lat: 18.79, lng: 105.31, address: 'Xóm 5, Thanh Chương' },
      consentToPublish: true,
      language: 'vi',
    });
    assert.equal(res.statusCode, 201, res.body);
    const s = res.json();
    assert.equal(s.status, 'received');
    assert.equal(s.trackingCode.length, 8);
    for (const ch of s.trackingCode) assert.ok(trackingAlphabet.includes(ch), `${ch} is in the alphabet`);
    assert.doesNotMatch(s.trackingCode, /[01OI]/);
    assert.match(s.accessKey, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'eight characters of the tracking alphabet, in two groups');
    assert.equal(s.ackDueAt, '2026-03-04T16:59:59.999Z', 'two working days after Monday 2 March');
    assert.equal(s.dueAt, '2026-03-11T16:59:59.999Z', 'seven working days');
    const row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'web');
    assert.equal(row.origin_unit_id, w.units.TC1.id);
    assert.equal(row.unit_path, w.units.TC1.path);
    assert.equal(row.recorded_by, null);
    const person = await t().ctx.db.selectFrom('petitioners').selectAll().where('petition_id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(person.phone, '+84912345678', 'stored in E.164');
    assert.equal(person.email, 'an@example.vn');
    assert.equal(person.locale, 'vi');
    assert.notEqual(person.access_key_hash, s.accessKey, 'only the hash of the key is kept');
    // The resident is told the code and key in writing.
    const mail = await t().ctx.db.selectFrom('notification_outbox').selectAll().where('template', '=', 'petition_received').where('recipient', '=', 'an@example.vn').executeTakeFirstOrThrow();
    assert.equal((mail.params as Record<string, string>).trackingCode, s.trackingCode);
    // The due time as the commune's clock reads it (UTC+7), not as the server's does.
    assert.equal((mail.params as Record<string, string>).dueAt, '2026-03-11 23:59');
  });

  test('a public petition as long as the form allows is stored, and found by its words', async () => {
    // 20,000 characters of many different words: a search vector far larger than an index entry may be.
    const sentences = Array.from({ length: 400 }, (_, i) => `Đoạn ${i} kênh K${i * 7} xóm X${i * 13} bị bồi lấp`);
    const body = sentences.join('. ').slice(0, 20000);
    const res = await call().submit({ unit: 'TC1', kind: 'suggestion', title: 'Nạo vét kênh mương', body, consentToPublish: true, language: 'vi' });
    assert.equal(res.statusCode, 201, res.body);
    const { trackingCode } = res.json();
    for (const q of ['nạo vét kênh mương', 'K2772 X5135']) {
      const found = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/public?unit=TC1&q=${encodeURIComponent(q)}` });
      assert.equal(found.statusCode, 200, found.body);
      assert.ok(found.json().items.some((p: { trackingCode: string }) => p.trackingCode === trackingCode), `found by "${q}"`);
    }
  });

  test('the tracking view shows the state and the public timeline, and no personal data', async () => {
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'complaint',
      title: 'Compensation for my field',
      body: 'My field was taken for the road and I was paid too little.',
      resident: { name: 'Đặng Thị Mai', phone: '0903123456', email: 'mai@example.vn', address: '12 Đường Lê Lợi' },
      location: { lat: 18.8, lng: 105.3, address: 'Cánh đồng Bãi Bồi' },
    });
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    await actOk(t(), w.disp1, s.id, { type: 'note', text: 'Mai is the neighbour of the chairman' });
    const res = await call().track(s.trackingCode.toLowerCase());
    assert.equal(res.statusCode, 200, 'codes are read case-insensitively');
    const v = res.json();
    assert.equal(v.status, 'accepted');
    assert.equal(v.kind, 'complaint');
    assert.deepEqual(v.unit, { code: 'TC1', name: 'T Commune One' });
    assert.deepEqual(v.timeline.map((e: { type: string }) => e.type), ['submitted', 'accepted']);
    for (const secret of ['Mai', 'mai@example', '0903123456', '+84903123456', 'Lê Lợi', 'Bãi Bồi', 'Compensation', 'paid too little', 'neighbour', '18.8']) {
      assert.ok(!res.body.includes(secret), `the tracking view does not contain ${secret}`);
    }
    assert.equal((await call().track('ZZZZZZZZ')).statusCode, 404);
    assert.equal((await call().track('not-a-code')).statusCode, 404);
  });

  test('bad input is answered 400 with a message in the caller\'s language', async () => {
    const cases: Array<[Record<string, unknown>, string, Record<string, RegExp>]> = [
      [{ unit: 'NOPE', kind: 'question', body: 'x' }, 'unknown_unit', { en: /no unit with the code "NOPE"/, vi: /Không có đơn vị/, zh: /没有代码为"NOPE"/ }],
      [{ unit: 'TC1', kind: 'question' }, 'invalid_input', { en: /not valid.*body/, vi: /không hợp lệ/, zh: /无效/ }],
      [{ unit: 'TC1', kind: 'gossip', body: 'x' }, 'invalid_input', { en: /kind/, vi: /kind/, zh: /kind/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', secret: 1 }, 'invalid_input', { en: /secret/, vi: /secret/, zh: /secret/ }],
      [{ unit: 'TC1', kind: 'complaint', body: 'x' }, 'identity_required', { en: /cannot be anonymous/, vi: /không được gửi ẩn danh/, zh: /不能匿名/ }],
      [{ unit: 'TC1', kind: 'denunciation', body: 'x', resident: { name: 'Chỉ Tên' } }, 'identity_required', { en: /needs the name/, vi: /cần có họ tên/, zh: /须提供本人姓名/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', channel: 'hotline' }, 'channel_officials_only', { en: /Only an official/, vi: /Chỉ cán bộ/, zh: /只有干部/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', resident: { phone: 'call me' } }, 'invalid_phone', { en: /not a valid phone/, vi: /không phải số điện thoại/, zh: /不是有效的电话/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', anonymous: true, resident: { name: 'A' } }, 'anonymous_with_identity', { en: /keeps no personal data/, vi: /không lưu thông tin/, zh: /不保存个人信息/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', location: { lat: 10 } }, 'invalid_location', { en: /both "lat" and "lng"/, vi: /cả "lat" và "lng"/, zh: /同时提供/ }],
      [{ unit: 'TC1', kind: 'question', body: 'x', reportedOfficial: w.hand1.id }, 'reported_official_only_conduct', { en: /only to a conduct report/, vi: /chỉ dùng cho/, zh: /只用于/ }],
    ];
    for (const [payload, code, messages] of cases) {
      for (const [lang, pattern] of Object.entries(messages)) {
        const res = await call().submit(payload, undefined, lang);
        assert.equal(res.statusCode, 400, `${code} ${lang}: ${res.body}`);
        assert.equal(res.json().error.code, code);
        assert.match(res.json().error.message, pattern, `${code} in ${lang}`);
      }
    }
    const malformed = await t().app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh' },
      payload: '{"unit": "TC1",',
    });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().error.message, /JSON/);
  });

  test('anonymous petitions keep no personal data; complaints need an identity unless the policy allows', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'The clerk at the counter shouted at my mother.', anonymous: true });
    const person = await t().ctx.db.selectFrom('petitioners').selectAll().where('petition_id', '=', s.id).executeTakeFirstOrThrow();
    assert.deepEqual([person.name, person.phone, person.email, person.address], [null, null, null, null]);
    const row = await t().ctx.db.selectFrom('petitions').select('anonymous').where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.anonymous, true);
    // A leader of commune two allows anonymous complaints there (and below).
    const put = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-policies/complaint',
      headers: w.lead2.headers,
      payload: { unit: 'TC2', ackWorkingDays: 2, urgentAckWorkingHours: 2, resolutionDays: 30, dayType: 'calendar', maxExtensions: 1, extensionDays: 15, anonymousAllowed: true, reopenDays: 30 },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().unit.code, 'TC2');
    await submitOk(t(), { unit: 'TV2', kind: 'complaint', body: 'The market fee is too high.', anonymous: true });
    assert.equal((await call().submit({ unit: 'TV1', kind: 'complaint', body: 'The market fee is too high.', anonymous: true })).statusCode, 400);
    // A leader of commune one may not change commune two's policy, nor the default.
    const foreign = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-policies/complaint',
      headers: w.lead1.headers,
      payload: { unit: 'TC2', ackWorkingDays: 2, resolutionDays: 30, dayType: 'calendar', anonymousAllowed: false, reopenDays: 30 },
    });
    assert.equal(foreign.statusCode, 403);
    const deflt = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-policies/complaint',
      headers: w.lead1.headers,
      payload: { ackWorkingDays: 2, resolutionDays: 30, dayType: 'calendar', anonymousAllowed: true, reopenDays: 30 },
    });
    assert.equal(deflt.statusCode, 403);
    assert.equal(deflt.json().error.code, 'policy_scope');
  });

  test('a signed-in resident\'s account is linked and their contact used', async () => {
    const resident = await createResident(t(), { phone: '+84977000111', name: 'Hồ Văn Tư' });
    const s = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'The water bill is wrong.' }, resident);
    const person = await t().ctx.db.selectFrom('petitioners').selectAll().where('petition_id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(person.resident_account_id, resident.id);
    assert.equal(person.phone, '+84977000111');
    assert.equal(person.name, 'Hồ Văn Tư');
    const sms = await t().ctx.db.selectFrom('notification_outbox').select('channel').where('recipient', '=', '+84977000111').executeTakeFirstOrThrow();
    assert.equal(sms.channel, 'sms', 'no e-mail given: the resident hears by SMS');
  });

  test('an official records a hotline call and answers it on the spot: received → answered, still counted', async () => {
    const res = await call().submit({
      unit: 'TC1',
      kind: 'question',
      channel: 'hotline',
      body: 'How do I install the social insurance app?',
      resident: { name: 'Bà Năm', phone: '0988777666' },
      answerNow: { text: 'Search VssID in the store; the counter helps on Saturdays.', publish: true },
    }, w.recep1);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, 'answered');
    const v = (await call().get(w.recep1, res.json().id)).json();
    assert.equal(v.channel, 'hotline');
    assert.equal(v.answer.onTheSpot, true);
    assert.equal(v.answer.by.id, w.recep1.id);
    assert.equal(v.resolved, true);
    assert.equal(v.resolvedOnTime, true);
    assert.equal(v.recordedBy.id, w.recep1.id);
    const row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
    assert.ok(row.accepted_at && row.answered_at && row.resolved_at);
    assert.equal(row.answered_on_the_spot, true);
    // The same through the action right after intake.
    const s = await submitOk(t(), { unit: 'TC1', kind: 'question', channel: 'counter', body: 'Where do I pay the land tax?' }, w.recep1);
    const answered = await actOk(t(), w.recep1, s.id, { type: 'answer', text: 'At the one-stop shop, window 3.' });
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answer.onTheSpot, true);
    // Residents cannot answer their own; complaints are not answered on the spot.
    const byResident = await call().submit({ unit: 'TC1', kind: 'question', body: 'x', answerNow: { text: 'y' } });
    assert.equal(byResident.statusCode, 403);
    const complaint = await call().submit({
      unit: 'TC1',
      kind: 'complaint',
      channel: 'reception',
      body: 'x',
      resident: { name: 'A', address: 'B' },
      answerNow: { text: 'y' },
    }, w.recep1);
    assert.equal(complaint.statusCode, 400);
    assert.equal(complaint.json().error.code, 'not_answerable_on_the_spot');
    // An official of another commune may not record for commune one.
    const foreign = await call().submit({ unit: 'TC1', kind: 'question', channel: 'hotline', body: 'x' }, w.disp2);
    assert.equal(foreign.statusCode, 403);
  });

  test('rating: with the access key, once per answer; an unsatisfied resident reopens once, within the window', async () => {
    const s = await petitionInProgress(t(), w);
    const notYet = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'satisfied' });
    assert.equal(notYet.statusCode, 409);
    assert.equal(notYet.json().error.code, 'not_answered_yet');
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Bring your ID card and the household book.' });
    const track = (await call().track(s.trackingCode)).json();
    assert.equal(track.answer.text, 'Bring your ID card and the household book.');
    const wrongKey = await call().rate(s.trackingCode, { accessKey: 'guess', score: 'satisfied' }, 'vi');
    assert.equal(wrongKey.statusCode, 403);
    assert.match(wrongKey.json().error.message, /Mã truy cập không khớp/);
    const needsUnsatisfied = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'acceptable', reopen: true });
    assert.equal(needsUnsatisfied.statusCode, 400);
    const reopened = await call().rate(s.trackingCode, {
      accessKey: s.accessKey,
      score: 'unsatisfied',
      reasons: ['incomplete'],
      comment: 'Which office, and when is it open?',
      reopen: true,
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().status, 'reopened');
    let row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.rating, 'unsatisfied');
    assert.equal(row.resolved, false);
    assert.equal(row.reopen_count, 1);
    // The handler and leader hear of it; the case goes back to work.
    const notices = await t().ctx.db.selectFrom('official_notices').select('account_id').where('template', '=', 'petition_reopened_official').where('subject_id', '=', String(s.id)).execute();
    assert.deepEqual(notices.map((n) => n.account_id).sort(), [w.hand1.id, w.lead1.id].sort());
    await actOk(t(), w.hand1, s.id, { type: 'start' });
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Office of the commune police, Monday to Saturday morning.' });
    row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.resolved, true);
    assert.equal(row.answer_count, 2);
    // A second answer may be rated again, but the case is reopened only once.
    const again = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'unsatisfied', reopen: true });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'reopen_used');
    const ok = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'satisfied' });
    assert.equal(ok.statusCode, 200);
    const twice = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'acceptable' });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'already_rated');
    row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.rating, 'satisfied');

    // After the window (30 days by default), no reopening.
    const late = await petitionInProgress(t(), w);
    await actOk(t(), w.hand1, late.id, { type: 'answer', text: 'Done.' });
    t().clock.advance(31 * 86_400_000);
    try {
      const closed = await call().rate(late.trackingCode, { accessKey: late.accessKey, score: 'unsatisfied', reopen: true });
      assert.equal(closed.statusCode, 409);
      assert.equal(closed.json().error.code, 'reopen_window_closed');
      assert.equal((await call().rate(late.trackingCode, { accessKey: late.accessKey, score: 'unsatisfied' })).statusCode, 200);
    } finally {
      t().clock.set('2026-03-02T02:00:00Z');
    }
  });

  test('merge: one case, many petitioners; each hears the answer and rates it with their own key', async () => {
    const a = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'Fix the street light in block 10.', resident: { name: 'A', email: 'a@block10.vn' } });
    const b = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'The street light in block 10 is broken.', resident: { name: 'B', phone: '0933000111' } });
    const c = await submitOk(t(), { unit: 'TC2', kind: 'suggestion', body: 'Light in block 10', resident: { name: 'C' } });
    await actOk(t(), w.disp1, a.id, { type: 'accept' });
    const self = await call().act(w.disp1, a.id, { type: 'merge', into: a.id });
    assert.equal(self.json().error.code, 'merge_into_self');
    const otherUnit = await call().act(w.disp1, b.id, { type: 'merge', into: c.id });
    assert.equal(otherUnit.statusCode, 404, 'a case the dispatcher cannot see');
    const merged = await actOk(t(), w.disp1, b.id, { type: 'merge', into: a.id, reason: 'same light' });
    assert.equal(merged.status, 'merged');
    assert.equal(merged.case.trackingCode, a.trackingCode);
    const kase = (await call().get(w.disp1, a.id)).json();
    assert.deepEqual(kase.mergedPetitions.map((m: { id: number }) => m.id), [b.id]);
    assert.deepEqual(kase.petitioners.map((p: { name: string }) => p.name), ['A', 'B']);
    assert.equal((await call().act(w.disp1, b.id, { type: 'accept' })).statusCode, 409, 'a merged petition is handled through its case');
    await actOk(t(), w.disp1, a.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'the light works' });
    await actOk(t(), w.hand1, a.id, { type: 'start' });
    await actOk(t(), w.hand1, a.id, { type: 'answer', text: 'The light was replaced on Friday.' });
    // Both tracking pages show the answer; both residents were told.
    for (const code of [a.trackingCode, b.trackingCode]) {
      const v = (await call().track(code)).json();
      assert.equal(v.status, 'answered');
      assert.equal(v.answer.text, 'The light was replaced on Friday.');
    }
    assert.equal((await call().track(b.trackingCode)).json().merged, true);
    const told = await t().ctx.db.selectFrom('notification_outbox').select('recipient').where('template', '=', 'petition_answered').execute();
    assert.ok(told.some((m) => m.recipient === 'a@block10.vn'));
    assert.ok(told.some((m) => m.recipient === '+84933000111'));
    // Each rates with their own key; the key of one does not rate the other.
    assert.equal((await call().rate(b.trackingCode, { accessKey: a.accessKey, score: 'satisfied' })).statusCode, 403);
    assert.equal((await call().rate(a.trackingCode, { accessKey: a.accessKey, score: 'satisfied' })).statusCode, 200);
    assert.equal((await call().rate(b.trackingCode, { accessKey: b.accessKey, score: 'acceptable' })).statusCode, 200);
    const rows = await t().ctx.db.selectFrom('petitions').select(['id', 'rating', 'resolved', 'answered_at', 'case_id']).where('id', 'in', [a.id, b.id]).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => [r.rating, r.resolved, r.answered_at !== null]), [['satisfied', true, true], ['acceptable', true, true]]);
    assert.equal(rows[1].case_id, a.id);
  });

  test('attachments: photos and PDFs checked by content, stored by hash, served only to those entitled', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'The drain is blocked (photo).', resident: { name: 'D', email: 'd@example.vn' } });
    const upload = (body: Buffer, type: string, headers: Record<string, string> = {}, filename = 'drain.png') =>
      t().app.inject({
        method: 'POST',
        url: `/api/v1/petitions/${s.id}/attachments?filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': type, ...headers },
        payload: body,
      });
    const byResident = await upload(png, 'image/png', { 'x-access-key': s.accessKey });
    assert.equal(byResident.statusCode, 201, byResident.body);
    assert.equal(byResident.json().contentType, 'image/png');
    assert.equal(byResident.json().filename, 'drain.png');
    const hash = crypto.createHash('sha256').update(png).digest('hex');
    const stored = await t().ctx.db.selectFrom('attachment_contents').select(['data', 'size']).where('sha256', '=', hash).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { data: png, size: png.length });
    // Named .pdf but a PDF in truth: the content decides.
    const pdfUp = await upload(pdf, 'application/octet-stream', w.disp1.headers, '../../etc/report.pdf');
    assert.equal(pdfUp.statusCode, 201, pdfUp.body);
    assert.equal(pdfUp.json().contentType, 'application/pdf');
    assert.equal(pdfUp.json().filename, 'report.pdf');
    // A script named .png is refused by its content.
    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', w.disp1.headers, 'x.png');
    assert.equal(fake.statusCode, 415);
    assert.equal(fake.json().error.code, 'attachment_type');
    assert.equal((await upload(png, 'image/png', { 'x-access-key': 'wrong' })).statusCode, 403);
    assert.equal((await upload(png, 'image/png', w.disp2.headers)).statusCode, 403);
    assert.equal((await upload(png, 'text/plain', w.disp1.headers)).statusCode, 415);
    assert.equal((await upload(Buffer.from('{"a":1}'), 'application/json', w.disp1.headers)).statusCode, 415);
    const big = await upload(Buffer.alloc(11 * 1024 * 1024, 1), 'image/png', w.disp1.headers);
    assert.equal(big.statusCode, 413);
    // Once accepted, the resident may no longer attach (officials may).
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    const closed = await upload(png, 'image/png', { 'x-access-key': s.accessKey });
    assert.equal(closed.statusCode, 409);
    // Download: the officials who see it and the resident; nobody else.
    const detail = (await call().get(w.disp1, s.id)).json();
    assert.equal(detail.attachments.length, 2);
    const url = `/api/v1/petitions/${s.id}/attachments/${byResident.json().id}`;
    const got = await t().app.inject({ method: 'GET', url, headers: w.disp1.headers });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/png');
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(got.rawPayload, png);
    assert.equal((await t().app.inject({ method: 'GET', url, headers: { 'x-access-key': s.accessKey } })).statusCode, 200);
    assert.equal((await t().app.inject({ method: 'GET', url, headers: w.disp2.headers })).statusCode, 404);
    assert.equal((await t().app.inject({ method: 'GET', url })).statusCode, 404);
    assert.equal((await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${s.id}/attachments/999999`, headers: w.disp1.headers })).statusCode, 404);
    // The tracking page lists no attachments.
    assert.doesNotMatch((await call().track(s.trackingCode)).body, /drain|attachment/);
  });

  test('a tracking code already taken is drawn again, alone or inside the transaction, and nothing is written twice', async () => {
    const db = t().ctx.db;
    const first = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Where is the ward office?' });
    const drawing = (...codes: string[]) => () => codes.shift() ?? 'ZZZZZZZZ';
    const counts = async (id: number) => ({
      petitioners: (await db.selectFrom('petitioners').select('id').where('petition_id', '=', id).execute()).length,
      events: (await db.selectFrom('petition_events').select('type').where('petition_id', '=', id).execute()).map((e) => e.type),
      audit: (await db.selectFrom('audit_events').select('seq').where('subject_type', '=', 'petition').where('subject_id', '=', String(id)).execute()).map((e) => e.seq),
      notices: (await db.selectFrom('notification_outbox').select('id').where('dedupe_key', 'like', `petition:${id}:%`).execute()).length,
    });

    // One statement on its own.
    const question = await submitPetition(t().ctx, anonymousActor, {
      unit: 'TC1',
      kind: 'question',
      body: 'When does the ward office open on Saturdays?',
      resident: { name: 'Lê Thị Hoa', phone: '0912000111' },
    }, drawing(first.trackingCode, 'ZZZZ2345'));
    assert.equal(question.trackingCode, 'ZZZZ2345');
    assert.deepEqual(await counts(question.id), { petitioners: 1, events: ['submitted'], audit: [1], notices: 1 });

    // Inside a transaction (a conduct report also tells the supervisors' leaders).
    const report = await submitPetition(t().ctx, anonymousActor, {
      unit: 'TC1',
      kind: 'conduct_report',
      body: 'The clerk asked for money to stamp a form.',
      reportedOfficial: w.recep1.id,
      resident: { name: 'Lê Thị Hoa', phone: '0912000111' },
    }, drawing(first.trackingCode, question.trackingCode, 'ZZZZ2346'));
    assert.equal(report.trackingCode, 'ZZZZ2346');
    assert.deepEqual(await counts(report.id), { petitioners: 1, events: ['submitted'], audit: [1], notices: 1 });
    assert.equal((await call().track('ZZZZ2346')).statusCode, 200);
  });

  test('intakes that arrive together are stored together, each whole and once; a code drawn twice among them is drawn again', async () => {
    const db = t().ctx.db;
    const drawing = (...codes: string[]) => () => codes.shift() ?? newTrackingCode();
    // Twelve residents at once; the first two draw the same code first.
    const submitted = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        submitPetition(t().ctx, anonymousActor, {
          unit: 'TC1',
          kind: 'suggestion',
          body: `Đèn đường số ${i + 1} trên đường làng không sáng.`,
          resident: { name: `Người dân ${i + 1}`, phone: `09120002${String(i).padStart(2, '0')}` },
        }, i < 2 ? drawing('ZZZZ3456', `ZZZZ345${7 + i}`) : drawing()),
      ),
    );
    const codes = submitted.map((p) => p.trackingCode);
    assert.equal(new Set(codes).size, 12, 'every petition has its own code');
    assert.ok(codes.filter((c) => c === 'ZZZZ3456').length <= 1);
    for (const [i, p] of submitted.entries()) {
      const stored = await db.selectFrom('petitions').select(['tracking_code', 'body']).where('id', '=', p.id).executeTakeFirstOrThrow();
      assert.equal(stored.tracking_code, p.trackingCode);
      assert.equal(stored.body, `Đèn đường số ${i + 1} trên đường làng không sáng.`, 'each petition holds its own text');
      const petitioner = await db.selectFrom('petitioners').select('phone').where('petition_id', '=', p.id).execute();
      assert.deepEqual(petitioner.map((r) => r.phone), [`+849120002${String(i).padStart(2, '0')}`]);
      assert.equal((await db.selectFrom('petition_events').select('type').where('petition_id', '=', p.id).execute()).length, 1);
      assert.equal((await db.selectFrom('audit_events').select('seq').where('subject_type', '=', 'petition').where('subject_id', '=', String(p.id)).execute()).length, 1);
      assert.equal((await db.selectFrom('notification_outbox').select('id').where('dedupe_key', 'like', `petition:${p.id}:%`).execute()).length, 1);
      assert.equal((await call().track(p.trackingCode)).statusCode, 200);
    }
  });
}, { ...testOptions, config: { ...testOptions.config, dataDir } });
