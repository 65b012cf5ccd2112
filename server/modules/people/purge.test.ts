import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createResident } from '../../test/factories.ts';
import { runDueJobs } from '../../platform/jobs.ts';

describeEachBackend('expired sessions and old codes are purged by a recurring job', (t) => {
  it('removes what expired and keeps what is live', async () => {
    const db = t().ctx.db;
    const early = await createResident(t()); // expires sessionHours after now
    t().clock.advance(2 * 3600_000);
    const late = await createResident(t());
    t().clock.advance((t().ctx.config.sessionHours - 1) * 3600_000); // past the first session's expiry only
    const now = t().clock.now();
    await db.insertInto('one_time_codes').values([
      { destination: '+84900000001', code_hash: 'x', created_at: new Date(now.getTime() - 25 * 3600_000), expires_at: new Date(now.getTime() - 25 * 3600_000) },
      { destination: '+84900000002', code_hash: 'y', created_at: new Date(now.getTime() - 3600_000), expires_at: new Date(now.getTime() - 3000_000) },
    ]).execute();
    await runDueJobs(t().ctx);

    const sessions = await db.selectFrom('sessions').select('account_id').execute();
    assert.deepEqual(sessions.map((s) => s.account_id), [late.id], `the session of ${early.id} expired`);
    const codes = await db.selectFrom('one_time_codes').select('destination').execute();
    assert.deepEqual(codes, [{ destination: '+84900000002' }], 'a code older than a day goes; a recent one stays');
  });
});
