/** Test helpers for one-time codes: the code as the SMS or e-mail carries it, read from the outbox. */
import assert from 'node:assert/strict';
import type { TestApp } from '../../test/server.ts';

/** The latest message queued to this phone number or e-mail address; it must be of this template. */
export async function sentMessage(t: TestApp, recipient: string, template: string) {
  const row = await t.ctx.db
    .selectFrom('notification_outbox')
    .select(['params', 'locale', 'channel', 'template'])
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(row.template, template);
  return { params: row.params as Record<string, unknown>, locale: row.locale, channel: row.channel };
}

/** The latest setup code sent to an official at this phone number or e-mail address. */
export async function sentSetupCode(t: TestApp, recipient: string): Promise<{ code: string; locale: string; channel: string; username: string }> {
  const { params, locale, channel } = await sentMessage(t, recipient, 'official_setup_code');
  return { code: String(params.code), username: String(params.username), locale, channel };
}

export const setUpPassword = (t: TestApp, payload: { username: string; code: string; password: string }, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload, headers });
