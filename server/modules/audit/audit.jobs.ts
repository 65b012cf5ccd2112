import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { writeAuditCheckpoint } from '../../platform/audit.ts';
import { writeAnchorFile } from '../../platform/audit-anchors.ts';

/**
 * Every hour, seal the chain heads in a checkpoint. Idempotent: a second run in the same
 * period finds nothing new and writes nothing. The log line carries the checkpoint's hash so
 * that a copy of it lives outside the database.
 */
const checkpointJob = recurringJob('audit.checkpoint', 3_600_000, async (ctx) => {
  const checkpoint = await writeAuditCheckpoint(ctx.db, ctx.clock.now());
  if (checkpoint) {
    ctx.log.info(
      { checkpoint: checkpoint.id, maxEventId: checkpoint.maxEventId, events: checkpoint.eventCount, hash: checkpoint.hash },
      'audit checkpoint written',
    );
  }
});

/**
 * Every day, seal the heads once more and publish the newest checkpoint in a signed file
 * (docs/AUDIT.md): copied elsewhere, it lets `audit verify --published` notice a trail cut back.
 */
const anchorJob = recurringJob('audit.anchor', 86_400_000, async (ctx) => {
  const now = ctx.clock.now();
  await writeAuditCheckpoint(ctx.db, now);
  const file = await writeAnchorFile(ctx.db, ctx.config, now.toISOString().slice(0, 10));
  if (file) ctx.log.info({ file }, 'audit anchor written');
});

/** The module's background work, registered by the app with the module. */
export const auditJobs: JobDefinition[] = [checkpointJob, anchorJob];
