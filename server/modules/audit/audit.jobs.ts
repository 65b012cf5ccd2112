import { registerRecurringJob } from '../../platform/jobs.ts';
import { writeAuditCheckpoint } from '../../platform/audit.ts';

/**
 * Every hour, seal the chain heads in a checkpoint. Idempotent: a second run in the same
 * period finds nothing new and writes nothing. The log line carries the checkpoint's hash so
 * that a copy of it lives outside the database.
 */
registerRecurringJob('audit.checkpoint', 3_600_000, async (ctx) => {
  const checkpoint = await writeAuditCheckpoint(ctx.db, ctx.clock.now());
  if (checkpoint) {
    ctx.log.info(
      { checkpoint: checkpoint.id, maxEventId: checkpoint.maxEventId, events: checkpoint.eventCount, hash: checkpoint.hash },
      'audit checkpoint written',
    );
  }
});
