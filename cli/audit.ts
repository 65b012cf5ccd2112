import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { writeAuditCheckpoint } from '../server/platform/audit.ts';
import { verifyAudit, type AuditVerification } from '../server/platform/audit-verify.ts';
import { systemClock } from '../server/platform/clock.ts';
import { checkAnchor, readAnchorFiles } from '../server/platform/audit-anchors.ts';

type Published = NonNullable<Parameters<typeof verifyAudit>[1]>['published'];

/**
 * Checkpoints published outside the database: `<id>:<hash>` as the figures page shows it, or a
 * signed anchor file, or a folder of them (each signature checked, against --public-key if given).
 */
function publishedCheckpoints(sources: string[], publicKeyFile?: string): NonNullable<Published> {
  const publicKey = publicKeyFile ? fs.readFileSync(publicKeyFile, 'utf8') : undefined;
  return sources.flatMap((source) => {
    const pair = /^(\d+):([0-9a-f]{64})$/.exec(source);
    if (pair) return [{ id: Number(pair[1]), hash: pair[2] }];
    return readAnchorFiles(source).map((file) => checkAnchor(file, publicKey));
  });
}

/** Exit status of `audit verify` when the trail is not intact (1 is also any other failure). */
const brokenTrailExitCode = 1;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');

  audit
    .command('verify')
    .description('check every audit event, chain and checkpoint; exits non-zero naming the first bad event')
    .option('--json', 'print the result as JSON')
    .option('--published <source...>', 'checkpoints published elsewhere that must still be there: <id>:<hash> from the figures page, a signed anchor file or a folder of them')
    .option('--public-key <file>', 'the PEM public key the anchor files must be signed with')
    .action(async (opts: { json?: boolean; published?: string[]; publicKey?: string }) => {
      const published = publishedCheckpoints(opts.published ?? [], opts.publicKey);
      const result = await verifyCommand(loadConfig(), { progress: !opts.json && process.stderr.isTTY, published });
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

async function verifyCommand(config: Config, opts: { progress: boolean; published: Published }): Promise<AuditVerification> {
  const database = await openDatabase(config);
  try {
    return await verifyAudit(database.db, {
      published: opts.published,
      onProgress: opts.progress ? (n) => process.stderr.write(`\r${n.toLocaleString('en')} events verified`) : undefined,
    });
  } finally {
    if (opts.progress) process.stderr.write('\n');
    await database.close();
  }
}

function describeVerification(r: AuditVerification): string {
  const counts = `${r.events} events in ${r.chains} chains, ${r.checkpoints} checkpoints`;
  const anchor = r.latestCheckpoint
    ? `\nlatest checkpoint ${r.latestCheckpoint.id} (${r.latestCheckpoint.createdAt.toISOString()}, events up to ${r.latestCheckpoint.maxEventId}): ${r.latestCheckpoint.hash}`
    : '';
  if (r.ok) return `audit trail intact: ${counts}${anchor}`;
  const bad = r.firstBad!;
  const what = bad.id === null ? bad.subject : `event ${bad.id} (${bad.subject})`;
  return `audit trail BROKEN at ${what}: ${bad.reason}\n${r.problems} problem(s) found; checked ${counts}${anchor}`;
}
