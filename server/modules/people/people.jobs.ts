import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { purgeExpiredSignIns } from './people.queries.ts';

/** A device not used to sign in for this long is forgotten: it starts again as a new one. */
const keepDevicesMs = 180 * 24 * 3_600_000;

/**
 * Every hour, forget expired sessions, expired one-time codes older than a day (the hourly
 * code limit needs only the last hour), ended windows of sign-in attempts and long-unused
 * devices. Idempotent: a second run finds nothing to delete.
 */
const purgeSignInsJob = recurringJob('people.purge_sign_ins', 3_600_000, async (ctx) => {
  const removed = await purgeExpiredSignIns(ctx.db, ctx.clock.now(), 24 * 3_600_000, keepDevicesMs);
  if (removed.sessions || removed.codes) ctx.log.info(removed, 'expired sessions and sign-in codes removed');
});

/** The module's background work, registered by the app with the module. */
export const peopleJobs: JobDefinition[] = [purgeSignInsJob];
