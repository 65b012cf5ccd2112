import { registerRecurringJob } from '../../platform/jobs.ts';
import { purgeExpiredSignIns } from './people.queries.ts';

/**
 * Every hour, forget expired sessions and one-time codes older than a day (the hourly code
 * limit needs only the last hour). Idempotent: a second run finds nothing to delete.
 */
registerRecurringJob('people.purge_sign_ins', 3_600_000, async (ctx) => {
  const removed = await purgeExpiredSignIns(ctx.db, ctx.clock.now(), 24 * 3_600_000);
  if (removed.sessions || removed.codes) ctx.log.info(removed, 'expired sessions and sign-in codes removed');
});
