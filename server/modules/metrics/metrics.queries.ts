import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { literalList } from '../../platform/db.ts';
import { openStatuses } from '../../contract/domain.ts';

interface Backlog {
  jobsDue: number;
  /** Seconds since the oldest due job was due; 0 when none is. */
  oldestJobDueSeconds: number;
  notificationsPending: number;
  notificationsFailed: number;
  petitionsOpen: number;
  petitionsOverdue: number;
}

/** One statement per scrape, each count read through a partial index. */
export async function readBacklog(db: Kysely<DB>, now: Date): Promise<Backlog> {
  const { rows } = await sql<{
    jobs_due: number;
    oldest_job_due_at: Date | null;
    notifications_pending: number;
    notifications_failed: number;
    petitions_open: number;
    petitions_overdue: number;
  }>`SELECT
      (SELECT count(*)::int FROM jobs WHERE state = 'pending' AND run_at <= ${now}) AS jobs_due,
      (SELECT min(run_at) FROM jobs WHERE state = 'pending' AND run_at <= ${now}) AS oldest_job_due_at,
      (SELECT count(*)::int FROM notification_outbox WHERE state = 'pending') AS notifications_pending,
      (SELECT count(*)::int FROM notification_outbox WHERE state = 'failed') AS notifications_failed,
      (SELECT count(*)::int FROM petitions WHERE status IN ${literalList(openStatuses)}) AS petitions_open,
      (SELECT count(*)::int FROM petitions WHERE status IN ${literalList(openStatuses)} AND due_at < ${now}) AS petitions_overdue`.execute(db);
  const r = rows[0];
  return {
    jobsDue: r.jobs_due,
    oldestJobDueSeconds: r.oldest_job_due_at ? Math.max(0, (now.getTime() - new Date(r.oldest_job_due_at).getTime()) / 1000) : 0,
    notificationsPending: r.notifications_pending,
    notificationsFailed: r.notifications_failed,
    petitionsOpen: r.petitions_open,
    petitionsOverdue: r.petitions_overdue,
  };
}
