/**
 * The small world the robustness walk runs in, and a valid request for each route: the walk
 * starts from these and breaks one thing at a time, so that broken input reaches as deep into
 * a route as it can.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../test/server.ts';
import { createAgency, createOfficial, createResident, createSmallTree, factoryPassword } from '../test/factories.ts';
import { createSession } from '../platform/sessions.ts';

// The smallest PNG there is (1×1, transparent): a real image for the attachment routes.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Who the walk calls as: nobody, an administrator of the whole deployment, a resident. */
export type CallerName = 'anonymous' | 'administrator' | 'resident';
export const callers: CallerName[] = ['anonymous', 'administrator', 'resident'];

interface Submitted {
  id: number;
  trackingCode: string;
  accessKey: string;
}

async function submit(t: TestApp, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Submitted> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/petitions', payload, headers });
  assert.equal(res.statusCode, 201, `seeding a petition: ${res.body}`);
  return res.json() as Submitted;
}

export async function createFuzzWorld(t: TestApp) {
  const db = t.ctx.db;
  const units = await createSmallTree(db, 'FZ');
  const agency = await createAgency(db, { unit: 'FZC1', name: 'Fuzz Commune One People’s Committee' });
  const administrator = await createOfficial(t, { username: 'fuzz.admin', roles: [{ unit: null, role: 'administrator' }] });
  const leader = await createOfficial(t, { username: 'fuzz.leader', agency: agency.id, roles: [{ unit: 'FZC1', role: 'leader' }] });
  const handler = await createOfficial(t, { username: 'fuzz.handler', agency: agency.id, roles: [{ unit: 'FZC1', role: 'handler' }] });
  // Sign-in and the officials' actions work on accounts of their own, never on the callers.
  const signInTarget = await createOfficial(t, { username: 'fuzz.signin', roles: [{ unit: 'FZC2', role: 'handler' }] });
  const actionTarget = await createOfficial(t, { username: 'fuzz.target', phone: '+84912999000', roles: [{ unit: 'FZC2', role: 'handler' }] });
  const resident = await createResident(t, { phone: '+84901111222', name: 'Fuzz Resident' });

  const asLeader = { authorization: `Bearer ${leader.token}` };
  const open = await submit(t, { unit: 'FZC1', kind: 'question', body: 'Is it allowed to level forest land to build a house?' });
  const other = await submit(t, { unit: 'FZC1', kind: 'question', body: 'Which procedures does a household separation need?' });
  const answered = await submit(
    t,
    { unit: 'FZC1', kind: 'question', body: 'When is the land registry open?', channel: 'hotline', answerNow: { text: 'Saturdays.', publish: true } },
    asLeader,
  );
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/v1/petitions/${open.id}/attachments?filename=photo.png`,
    headers: { 'content-type': 'image/png', 'x-access-key': open.accessKey },
    payload: tinyPng,
  });
  assert.equal(upload.statusCode, 201, `seeding an attachment: ${upload.body}`);
  const attachmentId = (upload.json() as { id: number }).id;

  // A planned gathering residents may book, and an open one whose console takes entries.
  const plan = (start: string, end: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/gatherings', headers: asLeader, payload: { unit: 'FZC1', kind: 'reception_day', title: 'Fuzz reception', start, end, capacity: 50 } });
  const planned = (await plan('2026-03-20T08:00', '2026-03-20T11:00')).json() as { id: number };
  const running = (await plan('2026-03-02T08:00', '2026-03-02T11:00')).json() as { id: number };
  await t.app.inject({ method: 'POST', url: `/api/v1/gatherings/${running.id}/actions`, headers: asLeader, payload: { type: 'open' } });
  // A closed one whose minutes take files, with a public photo.
  const closed = (await plan('2026-03-01T08:00', '2026-03-01T11:00')).json() as { id: number };
  for (const type of ['open', 'close']) await t.app.inject({ method: 'POST', url: `/api/v1/gatherings/${closed.id}/actions`, headers: asLeader, payload: { type } });
  const minutesFile = await t.app.inject({
    method: 'POST',
    url: `/api/v1/gatherings/${closed.id}/attachments?filename=hall.png&public=true`,
    headers: { ...asLeader, 'content-type': 'image/png' },
    payload: tinyPng,
  });
  assert.equal(minutesFile.statusCode, 201, `seeding a file of the minutes: ${minutesFile.body}`);

  const accounts: Record<CallerName, number | null> = {
    anonymous: null,
    administrator: administrator.id,
    resident: resident.id,
  };

  return {
    units,
    agency,
    administrator,
    leader,
    handler,
    signInTarget,
    actionTarget,
    resident,
    petitions: { open, other, answered },
    attachmentId,
    gatherings: { planned: planned.id, running: running.id, closed: closed.id, minutesFile: (minutesFile.json() as { id: number }).id },
    /** A new session for a caller, so each route starts signed in even after a sign-out. */
    async headersFor(name: CallerName): Promise<Record<string, string>> {
      const id = accounts[name];
      if (id === null) return {};
      const session = await createSession(db, id, t.clock.now(), t.ctx.config.sessionHours);
      return { authorization: `Bearer ${session.token}` };
    },
  };
}
export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

export interface Baseline {
  /** Path parameters; missing ones are sampled from the schema. */
  params?: Record<string, string>;
  /** Query parameters; missing required ones are sampled from the schema. */
  query?: Record<string, string>;
  /** One or more valid bodies (a union or an action `type` gives one per variant). */
  bodies?: unknown[];
  /** A raw body with its content type, for routes that take files. */
  raw?: { contentType: string; payload: Buffer; headers?: Record<string, string> };
}

/** A valid request per route ("METHOD /url"), in this world. */
export function baselines(w: FuzzWorld): Record<string, Baseline> {
  const p = w.petitions;
  const due = '2026-04-30T10:00:00Z';
  return {
    'GET /api/v1/units': { query: { q: 'fuzz', level: 'commune', limit: '5' } },
    'GET /api/v1/units/:code': { params: { code: 'FZC1' } },
    'POST /api/v1/units/import': {
      bodies: [{ csv: 'code,name,level,parent_code\nFZN1,Fuzz New Village,village,FZC2\n', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' }],
    },
    'POST /api/v1/auth/login': { bodies: [{ username: w.signInTarget.username, password: factoryPassword }] },
    'POST /api/v1/auth/setup': { bodies: [{ username: w.signInTarget.username, code: '12345678', password: 'fuzz lantern harbour' }] },
    'POST /api/v1/auth/code': { bodies: [{ destination: 'fuzz.resident@example.org', locale: 'vi' }] },
    'POST /api/v1/auth/code/verify': { bodies: [{ destination: 'fuzz.resident@example.org', code: '123456' }] },
    'POST /api/v1/officials': {
      bodies: [
        {
          username: 'fuzz.created',
          name: 'Fuzz Created',
          contact: 'fuzz.created@example.org',
          locale: 'vi',
          agency: w.agency.id,
          grants: [{ unit: 'FZC1', role: 'handler' }],
        },
      ],
    },
    'GET /api/v1/officials': { query: { unit: 'FZC1', role: 'handler', q: 'fuzz', limit: '5' } },
    'GET /api/v1/officials/:id': { params: { id: String(w.handler.id) } },
    'POST /api/v1/officials/:id/actions': {
      params: { id: String(w.actionTarget.id) },
      bodies: [
        { type: 'grant', unit: 'FZC1', role: 'dispatcher' },
        { type: 'revoke', unit: 'FZC1', role: 'dispatcher' },
        { type: 'reset_password' },
        { type: 'disable' },
        { type: 'enable' },
      ],
    },
    'GET /api/v1/agencies': { query: { unit: 'FZP', subtree: 'true', kind: 'people_committee', limit: '5' } },
    'GET /api/v1/agencies/:id': { params: { id: String(w.agency.id) } },
    'POST /api/v1/agencies': {
      bodies: [
        {
          unit: 'FZC1',
          kind: 'police',
          name: 'Fuzz Police',
          names: { vi: 'Công an xã', zh: '派出所', en: 'Police' },
          phone: '+84 238 3000 000',
          email: 'police@example.org',
        },
      ],
    },
    'GET /api/v1/units/:code/service-points': { params: { code: 'FZC1' } },
    'PUT /api/v1/officials/:id/photo': { params: { id: String(w.handler.id) }, raw: { contentType: 'image/png', payload: tinyPng } },
    'GET /api/v1/officials/:id/photo': { params: { id: String(w.handler.id) } },
    'DELETE /api/v1/officials/:id/photo': { params: { id: String(w.handler.id) } },
    'PUT /api/v1/satisfaction/service-points/:id/duty': { params: { id: '1' }, bodies: [{ official: w.handler.id }, { official: null }] },
    'POST /api/v1/service-points': {
      bodies: [{ unit: 'FZC1', kind: 'township.mass_work_station', name: 'Mass work station', address: 'Village One' }],
    },
    'GET /api/v1/service-points/gaps': { query: { unit: 'FZP', level: 'commune', limit: '5' } },
    'POST /api/v1/knowledge/articles': {
      bodies: [
        {
          kind: 'guide',
          unit: 'FZC1',
          category: 'land',
          servicePoint: null,
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
          texts: [
            {
              language: 'en',
              title: 'Converting land use',
              body: 'Apply at the one-stop shop.',
              guide: { steps: ['Apply'], papers: ['Land-use certificate'], fees: 'None', timeLimit: '15 working days', whereToGo: 'One-stop shop' },
            },
          ],
        },
        { kind: 'answer', petition: p.open.id, texts: [{ language: 'vi', title: 'Trả lời', body: 'Nội dung.' }] },
      ],
    },
    'POST /api/v1/knowledge/articles/:id/actions': {
      params: { id: '1' },
      bodies: [
        {
          type: 'revise',
          category: 'land',
          servicePoint: null,
          validFrom: '2026-01-01',
          validTo: null,
          texts: [{ language: 'zh', title: '土地用途变更', body: '到便民服务中心申请。', guide: { steps: ['申请'], papers: ['土地证'], fees: null, timeLimit: null, whereToGo: null } }],
        },
        { type: 'submit' },
        { type: 'return', reason: 'Too short.' },
      ],
    },
    'POST /api/v1/imports/:kind': {
      params: { kind: 'agencies' },
      bodies: [{ csv: 'unit,kind,name\nFZC1,one_stop_shop,Fuzz office\n', dryRun: true }],
    },
    'GET /api/v1/petitions/export': { query: { unit: 'FZC1', from: '2026-01-01', to: '2026-12-31', format: 'json' } },
    'GET /api/v1/petitions/public/export': { query: { unit: 'FZC1', from: '2026-01-01', to: '2026-12-31', format: 'csv' } },
    'GET /api/v1/figures/export': { query: { unit: 'FZC1', from: '2026-01-01', to: '2026-12-31', format: 'json' } },
    'GET /api/v1/auth/oidc/start': { query: { next: '/staff' } },
    'GET /api/v1/auth/oidc/callback': { query: { code: 'fuzz', state: 'fuzz', error: 'access_denied' } },
    'POST /api/v1/steering-committees': {
      bodies: [
        {
          unit: 'FZC1',
          name: 'Fuzz steering committee',
          members: [{ name: 'Fuzz Head', role: 'head', position: 'Party secretary', account: w.leader.id, email: 'head@example.org' }],
        },
      ],
    },
    'POST /api/v1/steering-committees/:id/meetings': {
      params: { id: '1' },
      bodies: [
        {
          heldOn: '2026-03-02',
          title: 'Monthly meeting',
          agenda: ['Petitions of the month'],
          minutes: 'Reviewed.',
          attendance: [{ member: 1, present: true, note: 'On time' }],
          decisions: [{ text: 'Visit the hamlet', owner: 1, dueOn: '2026-03-20' }],
        },
      ],
    },
    'PATCH /api/v1/steering-committees/:id/members/:member': { params: { id: '1', member: '1' }, bodies: [{ role: 'deputy' }, { leftOn: '2026-03-25' }] },
    'GET /api/v1/reports/targets': { query: { unit: 'FZC1', year: '2026' } },
    'PUT /api/v1/reports/targets': { bodies: [{ unit: 'FZC1', year: 2026, resolutionRate: 0.9, onTimeRate: 0.8, satisfactionRate: null }] },
    'GET /api/v1/scorecards/units': { query: { q: 'fuzz', limit: '5' } },
    'GET /api/v1/scorecards/officials/:id/reviews/:year/pdf': { params: { id: String(w.handler.id), year: '2025' }, query: { lang: 'zh' } },
    'POST /api/v1/scorecards/officials/:id/reviews/:year/actions': {
      params: { id: String(w.handler.id), year: '2025' },
      bodies: [
        { type: 'self_assess', text: 'I answered every case on time.' },
        { type: 'grade', grade: 'good', reasons: 'Two cases were reopened.' },
      ],
    },
    'POST /api/v1/api-keys': { bodies: [{ client: 'Fuzz client', unit: 'FZC1', perMinute: 30 }] },
    'POST /api/v1/webhooks': { bodies: [{ url: 'http://127.0.0.1:9/fuzz', unit: 'FZC1', events: ['petition.received'], description: 'Fuzz receiver' }] },
    'POST /api/v1/webhooks/:id/stop': { params: { id: '1' } },
    'GET /api/v1/webhooks/:id/deliveries': { params: { id: '1' } },
    'POST /api/v1/api-keys/:id/revoke': { params: { id: '1' } },
    'POST /api/v1/open311/services': {
      bodies: [
        {
          unit: 'FZC1',
          code: 'fuzz_pothole',
          names: { vi: 'Ổ gà', zh: '坑洞', en: 'Pothole' },
          descriptions: { vi: 'Ổ gà trên đường', zh: '路面坑洞', en: 'A hole in the road' },
          kind: 'suggestion',
          category: 'roads',
          group: 'roads',
          keywords: 'road, hole',
          attributes: [
            {
              code: 'size',
              datatype: 'singlevaluelist',
              required: true,
              descriptions: { vi: 'Kích thước', zh: '大小', en: 'Size' },
              order: 1,
              values: [{ key: 'small', names: { vi: 'Nhỏ', zh: '小', en: 'Small' } }],
            },
          ],
        },
      ],
    },
    'GET /api/v1/notices': { query: { unread: 'true', limit: '5' } },
    'POST /api/v1/notices/:id/actions': { params: { id: '1' }, bodies: [{ type: 'read' }] },
    'GET /api/v1/audit': { query: { subject: `petition:${p.open.id}`, unit: 'FZC1', limit: '5' } },
    'POST /api/v1/petitions': {
      bodies: [
        {
          unit: 'FZC1',
          kind: 'complaint',
          body: 'The road to the village school floods every rain.',
          title: 'Flooded road',
          category: 'roads',
          channel: 'web',
          resident: { name: 'Nguyễn Văn A', phone: '+84 912 345 678', email: 'a@example.org', address: 'Village One' },
          anonymous: false,
          location: { lat: 18.79, lng: 105.3, address: 'Village One' },
          urgent: false,
          consentToPublish: true,
          language: 'vi',
        },
        { unit: 'FZC1', kind: 'question', body: 'Opening hours?', channel: 'hotline', answerNow: { text: 'Mornings.', publish: false } },
        { unit: 'FZC1', kind: 'conduct_report', body: 'The clerk was rude.', reportedOfficial: w.handler.id, anonymous: true },
      ],
    },
    'GET /api/v1/petitions/track/:trackingCode': { params: { trackingCode: p.open.trackingCode } },
    'POST /api/v1/petitions/track/:trackingCode/rating': {
      params: { trackingCode: p.answered.trackingCode },
      bodies: [{ accessKey: p.answered.accessKey, score: 'unsatisfied', reasons: ['slow'], comment: 'Too late.', reopen: true }],
    },
    'GET /api/v1/petitions': {
      query: { unit: 'FZC1', status: 'received,accepted', kind: 'question', channel: 'web', sort: 'due', q: 'land', limit: '5' },
    },
    'GET /api/v1/petitions/:id': { params: { id: String(p.open.id) } },
    'POST /api/v1/petitions/:id/actions': {
      params: { id: String(p.open.id) },
      bodies: [
        { type: 'accept' },
        {
          type: 'assign',
          agency: w.agency.id,
          handler: w.handler.id,
          leader: w.leader.id,
          content: 'Check the land-use plan.',
          expectedResult: 'A written answer.',
          dueAt: due,
        },
        { type: 'start' },
        { type: 'note', text: 'Called the resident.' },
        { type: 'extend', dueAt: '2026-05-30T10:00:00Z', reason: 'Waiting for the survey.' },
        { type: 'answer', text: 'It is allowed after conversion.', publish: true },
        { type: 'reopen', reason: 'The resident appealed.' },
        { type: 'review', reason: 'The resident does not accept the answer.' },
        { type: 're_review', reason: 'The resident does not accept the review.' },
        { type: 'escalate', reason: 'Beyond the commune.', cause: 'beyond_competence' },
        { type: 'transfer', toUnit: 'FZC2', reason: 'Belongs to commune two.' },
        { type: 'merge', into: p.other.id, reason: 'Same question.' },
        { type: 'close', reason: 'Done.' },
        { type: 'reject', reason: 'Not a petition.' },
      ],
    },
    'POST /api/v1/petitions/:id/attachments': {
      params: { id: String(p.open.id) },
      query: { filename: 'photo.png' },
      raw: { contentType: 'image/png', payload: tinyPng, headers: { 'x-access-key': p.open.accessKey } },
    },
    'GET /api/v1/petitions/:id/attachments/:attachmentId': {
      params: { id: String(p.open.id), attachmentId: String(w.attachmentId) },
    },
    'GET /api/v1/deadline-policies': { query: { unit: 'FZC1' } },
    'PUT /api/v1/deadline-policies/:kind': {
      params: { kind: 'question' },
      bodies: [
        {
          unit: 'FZC1',
          ackWorkingDays: 2,
          urgentAckWorkingHours: 2,
          resolutionDays: 7,
          urgentResolutionDays: 1,
          dayType: 'working',
          maxExtensions: 1,
          extensionDays: 5,
          anonymousAllowed: true,
          reopenDays: 10,
          autoEscalate: false,
          channel: 'hotline',
          legalSource: 'A local decision',
          ackDayType: 'working',
          reviewRequestDays: 30,
          reviewDays: 30,
          reReviewDays: 30,
        },
      ],
    },
    'DELETE /api/v1/deadline-policies/:kind': { params: { kind: 'question' }, query: { unit: 'FZC1' } },
    'GET /api/v1/figures': { query: { unit: 'FZC1', from: '2026-01-01', to: '2026-03-31', interval: 'month' } },
    'GET /api/v1/figures/reviews': { query: { unit: 'FZC1', from: '2026-01-01', to: '2026-03-31' } },
    'POST /api/v1/units/:code/subunits': {
      params: { code: 'FZV1' },
      bodies: [{ name: 'Xóm 1', level: 'hamlet', names: { vi: 'Xóm 1', zh: '一组', en: 'Hamlet 1' }, code: 'FZV1-X1' }],
    },
    'POST /api/v1/councils': {
      bodies: [
        {
          unit: 'FZV1',
          kind: 'group_council',
          name: 'Fuzz council',
          quorum: { num: 1, den: 2, strict: true },
          majority: { num: 1, den: 2, strict: true, base: 'present' },
          cosignersRequired: 3,
          commentDays: 7,
          members: [{ name: 'Fuzz Member', role: 'chair', partyMember: true, electedOn: '2025-01-01', termUntil: '2029-12-31', account: w.resident.id }],
        },
      ],
    },
    'POST /api/v1/councils/:id/matters': {
      params: { id: '1' },
      bodies: [{ content: 'development', title: 'A road', body: 'Concrete', proposer: 'residents', proposerName: 'An', cosigners: ['B', 'C', 'D'], proposedAt: '2026-03-01T00:00:00Z', documents: [{ title: 'Plan', url: 'https://example.org/plan.pdf' }] }],
    },
    'POST /api/v1/councils/:id/resident-proposals': {
      params: { id: '1' },
      bodies: [{ content: 'harmony', title: 'A path', body: 'Mediation', cosigners: ['A', 'B', 'C'] }],
    },
    'POST /api/v1/councils/:id/matters/batch': {
      params: { id: '1' },
      bodies: [{ matters: [{ content: 'law', title: 'A rule', proposer: 'member', member: 1, documents: [{ title: 'Draft', url: '/files/draft.pdf' }] }] }],
    },
    'POST /api/v1/matters/:id/actions': {
      params: { id: '1' },
      bodies: [
        { type: 'open_evaluation' },
        { type: 'comment', body: 'Agreed' },
        { type: 'evaluate', member: 1, body: 'Feasible' },
        { type: 'review', outcome: 'returned', reason: 'Costs missing' },
        { type: 'resolve', heldOn: '2026-03-01', present: [1], for: 1, against: 0, abstain: 0, minutes: 'Minutes' },
        { type: 'add_task', title: 'Pour concrete', owner: 'Group head', dueOn: '2026-04-30' },
        { type: 'report_progress', task: 1, progress: 50, spent: 1000, photos: ['https://example.org/p.jpg'], note: 'Half' },
        { type: 'inspect', verdicts: [{ task: 1, verdict: 'accepted', note: 'Good' }] },
      ],
    },
    'POST /api/v1/consultations': {
      bodies: [
        {
          unit: 'FZV1',
          title: 'Cemetery site',
          body: 'Three sites',
          electorate: 'household',
          changeable: true,
          closesAt: '2026-04-30T10:00:00Z',
          options: [
            { title: 'Site A', body: 'North', placeName: 'North field', lat: 18.6, lng: 105.6, documents: [{ title: 'Map', url: 'https://example.org/a.pdf' }] },
            { title: 'Site B' },
          ],
        },
      ],
    },
    'POST /api/v1/consultations/:id/electorate': { params: { id: '1' }, bodies: [{ csv: 'ref,name,phone\nH1,An,0912000001\n' }] },
    'POST /api/v1/consultations/:id/votes': { params: { id: '1' }, bodies: [{ phone: '0912000001', code: '123456', option: 1, receipt: 'abcdefghijklmnopqrstuvwx' }] },
    ...gatheringBaselines(w),
  };
}

function gatheringBaselines(w: FuzzWorld): Record<string, Baseline> {
  const g = w.gatherings;
  const plan = {
    unit: 'FZC1', kind: 'forum', title: 'Forum', host: w.leader.id, hostRole: 'chairman', agencies: [w.agency.id], place: 'Hall',
    point: { lat: 18.8, lng: 105.3 }, capacity: 30, topics: ['roads'],
  };
  return {
    'POST /api/v1/gatherings': { bodies: [{ ...plan, start: '2026-04-02T08:00', end: '2026-04-02T10:00' }] },
    'POST /api/v1/gathering-series': {
      bodies: [{ ...plan, rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2', firstDay: '2026-05-01', untilDay: '2026-08-31', startTime: '08:00', minutes: 120, holidayRule: 'skip', exceptions: ['2026-06-13'] }],
    },
    'POST /api/v1/gathering-series/:id/exceptions': { params: { id: '1' }, bodies: [{ day: '2026-05-09' }, { day: '2026-05-16', moveTo: '2026-05-17' }] },
    'GET /api/v1/gathering-series': { query: { unit: 'FZP' } },
    'POST /api/v1/gatherings/:id/attachments': {
      params: { id: String(g.closed) },
      query: { filename: 'signed.png', public: 'true' },
      raw: { contentType: 'image/png', payload: tinyPng },
    },
    'GET /api/v1/gatherings/:id/attachments/:attachmentId': { params: { id: String(g.closed), attachmentId: String(g.minutesFile) } },
    'GET /api/v1/gatherings': { query: { unit: 'FZC1', from: '2026-03-01', to: '2026-03-31', kind: 'reception_day', limit: '5' } },
    'GET /api/v1/gatherings/public': { query: { unit: 'FZP', from: '2026-03-01', to: '2026-03-31', kind: 'reception_day', limit: '5' } },
    'GET /api/v1/units/:code/gatherings/calendar.ics': { params: { code: 'FZC1' } },
    'GET /api/v1/gatherings/figures': { query: { unit: 'FZP', from: '2026-01-01', to: '2026-03-31' } },
    'GET /api/v1/gatherings/compliance': { query: { unit: 'FZP', from: '2026-01', to: '2026-03', short: 'true' } },
    'GET /api/v1/gatherings/records': { query: { unit: 'FZC1', overdue: 'true', dueBy: '2026-03-31' } },
    'POST /api/v1/gatherings/records/:id/actions': { params: { id: '1' }, bodies: [{ type: 'done', note: 'Done' }] },
    'GET /api/v1/gatherings/:id': { params: { id: String(g.running) } },
    'GET /api/v1/gatherings/:id/public': { params: { id: String(g.planned) } },
    'POST /api/v1/gatherings/:id/actions': { params: { id: String(g.running) }, bodies: [{ type: 'close', minutes: 'Minutes', outcomes: 'Outcomes', summary: 'Summary', reason: 'Reason' }] },
    'POST /api/v1/gatherings/:id/entries': {
      params: { id: String(g.running) },
      bodies: [
        { key: 'fuzz-attendance-1', type: 'attendance', count: 2, names: ['Nguyễn Văn A'] },
        {
          key: 'fuzz-opinion-0001', type: 'opinion', kind: 'question', body: 'When is the road repaired?', title: 'Road', category: 'roads',
          resident: { name: 'Nguyễn Văn B', phone: '+84 912 345 679', address: 'Village One' }, answerNow: 'Next month.', consentToPublish: true,
        },
        { key: 'fuzz-service-0001', type: 'service', serviceType: 'people_guided', count: 3 },
        {
          key: 'fuzz-record-00001', type: 'record', residentAccount: 'Account', agencyAccount: 'Account', conclusion: 'Conclusion',
          responsible: 'Land registry', dueOn: '2026-03-20', petition: w.petitions.open.id,
        },
      ],
    },
    'POST /api/v1/gatherings/:id/bookings': { params: { id: String(g.planned) }, bodies: [{ phone: '+84 912 345 670', name: 'Lê Văn C' }] },
    'POST /api/v1/gatherings/:id/bookings/:code/cancel': { params: { id: String(g.planned), code: 'ABCDEFGH' }, bodies: [{ phone: '+84 912 345 670' }] },
    'POST /api/v1/gatherings/:id/questions': {
      params: { id: String(g.planned) },
      bodies: [{ body: 'Will the school road be repaired?', kind: 'suggestion', name: 'Lê Văn D', phone: '+84 912 345 671', consentToPublish: true }],
    },
    'POST /api/v1/reception-minimums': {
      bodies: [{ country: 'VN', level: 'commune', role: 'chairman', days: 1, per: 'week', validFrom: '2026-07-01', validTo: '2027-07-01', source: 'A decision' }],
    },
  };
}
