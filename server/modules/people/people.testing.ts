/** Test helpers for officials' setup codes: the code as the SMS or e-mail carries it. */
import assert from 'node:assert/strict';
import type { TestApp } from '../../test/server.ts';

/** The latest setup code queued to this phone number or e-mail address, read from the outbox. */
export async function sentSetupCode(t: TestApp, recipient: string): Promise<{ code: string; locale: string; channel: string; username: string }> {
  const row = await t.ctx.db
    .selectFrom('notification_outbox')
    .select(['params', 'locale', 'channel', 'template'])
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(row.template, 'official_setup_code');
  const params = row.params as { code: string; username: string };
  return { code: String(params.code), username: params.username, locale: row.locale, channel: row.channel };
}

export const setUpPassword = (t: TestApp, payload: { username: string; code: string; password: string }, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload, headers });
