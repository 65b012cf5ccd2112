import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { writeAuditCheckpoint } from '../server/platform/audit.ts';
import { verifyAudit, type AuditVerification } from '../server/platform/audit-verify.ts';
import { systemClock } from '../server/platform/clock.ts';

/** Exit status of `audit verify` when the trail is not intact (1 is also any other failure). */
export const brokenTrailExitCode = 1;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');

  audit
    .command('verify')
    .description('check every audit event, chain and checkpoint; exits non-zero naming the first bad event')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await verifyCommand(loadConfig(), { progress: !opts.json && process.stderr.isTTY });
      console.log(opts.json ? JSON.stringify(result) : describeVerification(result));
      if (!result.ok) process.exitCode = brokenTrailExitCode;
    });

  audit
    .command('checkpoint')
    .description('seal the current chain heads in a checkpoint (the server also does it every hour)')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      try {
        const checkpoint = await writeAuditCheckpoint(database.db, systemClock.now());
        console.log(
          checkpoint
            ? `checkpoint ${checkpoint.id}: ${checkpoint.eventCount} events up to event ${checkpoint.maxEventId}, ` +
                `${checkpoint.heads} chain heads sealed; hash ${checkpoint.hash}`
            : 'no event since the last checkpoint: nothing to seal',
        );
      } finally {
        await database.close();
      }
    });
}

async function verifyCommand(config: Config, opts: { progress: boolean }): Promise<AuditVerification> {
  const database = await openDatabase(config);
  try {
    return await verifyAudit(database.db, {
      onProgress: opts.progress ? (n) => process.stderr.write(`\r${n.toLocaleString('en')} events verified`) : undefined,
    });
  } finally {
    if (opts.progress) process.stderr.write('\n');
    await database.close();
  }
}

export function describeVerification(r: AuditVerification): string {
  const counts = `${r.events} events in ${r.chains} chains, ${r.checkpoints} checkpoints`;
  const anchor = r.latestCheckpoint
    ? `\nlatest checkpoint ${r.latestCheckpoint.id} (${r.latestCheckpoint.createdAt.toISOString()}, events up to ${r.latestCheckpoint.maxEventId}): ${r.latestCheckpoint.hash}`
    : '';
  if (r.ok) return `audit trail intact: ${counts}${anchor}`;
  const bad = r.firstBad!;
  const what = bad.id === null ? bad.subject : `event ${bad.id} (${bad.subject})`;
  return `audit trail BROKEN at ${what}: ${bad.reason}\n${r.problems} problem(s) found; checked ${counts}${anchor}`;
}
