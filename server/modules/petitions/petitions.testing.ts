/**
 * Test fixtures of the petitions module: a province with two communes and the officials who
 * work there, and short helpers over HTTP. Used by the *.test.ts files beside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Config } from '../../platform/config.ts';
import type { TestApp } from '../../test/server.ts';
import { createOfficial, createSmallTree, type CreatedOfficial } from '../../test/factories.ts';
import type { Role } from '../../contract/domain.ts';

/**
 * Many anonymous submissions and lookups from one test address must not trip the rate limits, and sessions
 * outlast the tests that move the clock by weeks.
 */
export const testOptions: { config: Partial<Config> } = {
  config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 100000, trackingPerMinute: 100000 }, sessionHours: 24 * 365 },
};

export type Who = Pick<CreatedOfficial, 'id' | 'headers'>;

async function official(t: TestApp, name: string, unit: string | null, role: Role): Promise<CreatedOfficial> {
  return createOfficial(t, { name, roles: [{ unit, role }] });
}

/**
 * Units <p>P (province) → <p>C1, <p>C2 (communes) → <p>V1, <p>V2 (villages), and officials of
 * commune one, commune two and the province; in Viet Nam unless another country is given.
 */
export async function createWorld(t: TestApp, p = 'T', country = 'VN') {
  const units = await createSmallTree(t.ctx.db, p, country);
  return {
    units,
    disp1: await official(t, 'Dispatcher One', `${p}C1`, 'dispatcher'),
    lead1: await official(t, 'Leader One', `${p}C1`, 'leader'),
    lead1b: await official(t, 'Deputy Leader One', `${p}C1`, 'leader'),
    hand1: await official(t, 'Handler One', `${p}C1`, 'handler'),
    hand1b: await official(t, 'Handler One B', `${p}C1`, 'handler'),
    recep1: await official(t, 'Reception One', `${p}C1`, 'reception_officer'),
    disp2: await official(t, 'Dispatcher Two', `${p}C2`, 'dispatcher'),
    lead2: await official(t, 'Leader Two', `${p}C2`, 'leader'),
    hand2: await official(t, 'Handler Two', `${p}C2`, 'handler'),
    provDisp: await official(t, 'Province Dispatcher', `${p}P`, 'dispatcher'),
    provLead: await official(t, 'Province Leader', `${p}P`, 'leader'),
    auditor: await official(t, 'Province Auditor', `${p}P`, 'auditor'),
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * The world of a suite: a first test named "setup" builds it, and the object answered here
 * holds it for the tests after (they run in order).
 */
export function worldFor(t: () => TestApp, p = 'T', country = 'VN'): World {
  const w = {} as World;
  test('setup', async () => {
    Object.assign(w, await createWorld(t(), p, country));
  });
  return w;
}

export function api(t: TestApp) {
  return {
    submit: (payload: Record<string, unknown>, who?: Who, lang = 'en') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/petitions',
        payload,
        headers: { ...(who?.headers ?? {}), 'accept-language': lang },
      }),
    act: (who: Who, id: number, payload: Record<string, unknown>, lang = 'en') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/petitions/${id}/actions`,
        payload,
        headers: { ...who.headers, 'accept-language': lang },
      }),
    get: (who: Who, id: number) => t.app.inject({ method: 'GET', url: `/api/v1/petitions/${id}`, headers: who.headers }),
    list: (who: Who, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/petitions${query ? `?${query}` : ''}`, headers: who.headers }),
    track: (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/petitions/track/${code}` }),
    rate: (code: string, payload: Record<string, unknown>, lang = 'en') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/petitions/track/${code}/rating`,
        payload,
        headers: { 'accept-language': lang },
      }),
  };
}

export interface Submitted {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: string;
  dueAt: string;
  ackDueAt: string;
}

/** Submits and expects 201. */
export async function submitOk(t: TestApp, payload: Record<string, unknown>, who?: Who): Promise<Submitted> {
  const res = await api(t).submit(payload, who);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Submitted;
}

/** Acts and expects 200; answers the petition view. */
export async function actOk(t: TestApp, who: Who, id: number, payload: Record<string, unknown>) {
  const res = await api(t).act(who, id, payload);
  assert.equal(res.statusCode, 200, `${JSON.stringify(payload)} → ${res.body}`);
  return res.json();
}

/** A question at commune one, accepted, assigned with the five clear items and started. */
export async function petitionInProgress(t: TestApp, w: World, extra: Record<string, unknown> = {}, p = 'T'): Promise<Submitted> {
  const s = await submitOk(t, {
    unit: `${p}C1`,
    kind: 'question',
    body: 'Which papers do I need to separate my household registration?',
    resident: { name: 'Trần Thị Bình', email: 'binh@example.vn' },
    ...extra,
  });
  await actOk(t, w.disp1, s.id, { type: 'accept' });
  await actOk(t, w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'a written answer listing the papers' });
  await actOk(t, w.hand1, s.id, { type: 'start' });
  return s;
}
