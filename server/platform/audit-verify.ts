/**
 * Verifies the audit trail: every event's hash, every chain's seq and prev_hash links, the
 * checkpoints' own chain, and the chain heads and event counts the checkpoints sealed.
 *
 * Events are read in batches in (subject_type, subject_id, seq) order, the order of the
 * chains' unique index, so millions of events are verified in constant memory. Verification
 * may run while the server writes: it checks events up to the checkpoints it read at the
 * start, and chains as they are when it reaches them.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { checkpointHash, genesisHash, headsHasher, storedEventHash, type HeadRow, type StoredEvent } from './audit.ts';

interface AuditProblem {
  /** The event at fault; null when it is gone and nothing else can be named. */
  id: number | null;
  /** 'type:id' of the chain, or 'checkpoint:<id>'. */
  subject: string;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  chains: number;
  checkpoints: number;
  /** The first problem found: in the events if any, else in the checkpoints. */
  firstBad?: AuditProblem;
  /** How many problems were found in all. */
  problems: number;
  /** The newest checkpoint, whose hash may be kept elsewhere to anchor the trail. */
  latestCheckpoint?: { id: number; createdAt: Date; maxEventId: number; hash: string };
}

interface VerifyOptions {
  /** Events read per query (default 5000). */
  batchSize?: number;
  /** Called after each batch with the number of events verified so far. */
  onProgress?: (events: number) => void;
  /**
   * Checkpoints published outside the database (the figures page, the signed anchor files):
   * each must still be there with the same hash, or the trail was cut back or rewritten.
   */
  published?: Array<{ id: number; hash: string; maxEventId?: number; createdAt?: string }>;
}


interface Head extends HeadRow {
  checkpoint_id: number;
}

interface ChainKey {
  type: string;
  id: string;
}

interface Chain extends ChainKey {
  key: string;
  expectedSeq: number;
  prevHash: string;
  prevId: number | null;
  /** The last event with an id up to the latest checkpoint's horizon. */
  sealed: { id: number; seq: number; hash: string } | null;
  /** What the checkpoints recorded as its head. */
  recorded: Head | undefined;
}

const keyOf = (type: string, id: string) => JSON.stringify([type, id]);
const subjectOf = (type: string, id: string) => `${type}:${id}`;
const range = (from: number, to: number) => (from === to ? `seq ${from} is` : `seq ${from}–${to} are`);

export async function verifyAudit(db: Kysely<DB>, opts: VerifyOptions = {}): Promise<AuditVerification> {
  const batchSize = Math.max(1, Math.trunc(opts.batchSize ?? 5000));
  const eventProblems: AuditProblem[] = [];
  const checkpointProblems: AuditProblem[] = [];
  let problems = 0;
  const eventProblem = (p: AuditProblem) => {
    problems++;
    if (eventProblems.length === 0) eventProblems.push(p);
  };
  const checkpointProblem = (p: AuditProblem) => {
    problems++;
    if (checkpointProblems.length === 0) checkpointProblems.push(p);
  };

  // ---- the checkpoints' own chain and what they sealed ----
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
  const latest = checkpoints.at(-1);
  const horizon = latest?.max_event_id ?? 0;
  const lastCheckpointId = latest?.id ?? 0;
  let monotonic = true;
  checkpoints.forEach((cp, i) => {
    const previous = i > 0 ? checkpoints[i - 1] : undefined;
    const subject = `checkpoint:${cp.id}`;
    if (cp.prev_hash !== (previous?.hash ?? genesisHash)) {
      checkpointProblem({ id: null, subject, reason: `does not link to the checkpoint before it: a checkpoint was removed or altered` });
    }
    const expected = checkpointHash({
      createdAt: cp.created_at,
      maxEventId: cp.max_event_id,
      eventCount: cp.event_count,
      headsHash: cp.heads_hash,
      prevHash: cp.prev_hash,
    });
    if (expected !== cp.hash) checkpointProblem({ id: null, subject, reason: 'its content does not match its hash: the checkpoint was altered' });
    if (previous && (cp.max_event_id < previous.max_event_id || cp.event_count < previous.event_count)) {
      monotonic = false;
      checkpointProblem({ id: null, subject, reason: 'it seals fewer events than the checkpoint before it: the checkpoints were altered' });
    }
  });
  await verifyHeadsHashes(db, checkpoints, batchSize, checkpointProblem);
  for (const p of opts.published ?? []) {
    const cp = checkpoints.find((c) => Number(c.id) === p.id);
    const sealed = p.maxEventId === undefined ? '' : `, sealing the events up to ${p.maxEventId}`;
    if (!cp) {
      checkpointProblem({
        id: null,
        subject: `checkpoint:${p.id}`,
        reason: `it was published with hash ${p.hash}${sealed}${p.createdAt ? ` on ${p.createdAt}` : ''} and is missing: the trail was cut back, the newest events deleted with their checkpoints`,
      });
    } else if (cp.hash !== p.hash) {
      checkpointProblem({ id: null, subject: `checkpoint:${p.id}`, reason: `its hash is not the one published (${p.hash}): the trail was rewritten` });
    }
  }

  // ---- the events, chain by chain ----
  const maxIds = checkpoints.map((c) => c.max_event_id);
  const counts = new Array<number>(checkpoints.length).fill(0);
  let events = 0;
  let chains = 0;
  let chain: Chain | undefined;

  const finish = (c: Chain) => {
    chains++;
    const problem = sealProblem(c, lastCheckpointId);
    if (problem) eventProblem(problem);
  };

  const check = (c: Chain, row: StoredEvent) => {
    const problem = linkProblem(c, row);
    if (problem) eventProblem(problem);
    advance(c, row, horizon);
    if (row.id <= horizon && monotonic) counts[firstAtOrAbove(maxIds, row.id)]++;
  };

  const missingChain = (h: Head) =>
    eventProblem({
      id: h.event_id,
      subject: subjectOf(h.subject_type, h.subject_id),
      reason: `the whole chain is missing: checkpoint ${h.checkpoint_id} sealed it at seq ${h.seq} (event ${h.event_id})`,
    });

  let after: (ChainKey & { seq: number }) | undefined;
  let lower: ChainKey | undefined; // the chains up to here have had their recorded heads read
  for (;;) {
    const { rows } = await sql<StoredEvent>`
      SELECT id, occurred_at, actor_id, actor_label, action, subject_type, subject_id, unit_id, changes, seq, prev_hash, hash
        FROM audit_events
       WHERE ${after ? sql`(subject_type, subject_id, seq) > (${after.type}, ${after.id}, ${after.seq})` : sql`true`}
       ORDER BY subject_type, subject_id, seq
       LIMIT ${batchSize}`.execute(db);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1];
    const upper = { type: last.subject_type, id: last.subject_id };
    // The recorded heads of the chains that start in this batch (a chain continuing from the
    // previous batch has its head already), and of chains between them that have no events.
    const heads = new Map<string, Head>();
    for await (const page of recordedHeads(db, lower, upper, lastCheckpointId, batchSize)) {
      for (const h of page) heads.set(keyOf(h.subject_type, h.subject_id), h);
    }
    for (const row of rows) {
      const key = keyOf(row.subject_type, row.subject_id);
      if (chain?.key !== key) {
        if (chain) finish(chain);
        chain = {
          key,
          type: row.subject_type,
          id: row.subject_id,
          expectedSeq: 1,
          prevHash: genesisHash,
          prevId: null,
          sealed: null,
          recorded: heads.get(key),
        };
        heads.delete(key);
      }
      check(chain, row);
    }
    for (const h of heads.values()) missingChain(h);
    events += rows.length;
    opts.onProgress?.(events);
    after = { type: last.subject_type, id: last.subject_id, seq: last.seq };
    lower = upper;
    if (rows.length < batchSize) break;
  }
  if (chain) finish(chain);
  // Chains sealed by a checkpoint after the last chain that still has events.
  for await (const page of recordedHeads(db, lower, undefined, lastCheckpointId, batchSize)) page.forEach(missingChain);

  if (monotonic) {
    let total = 0;
    checkpoints.forEach((cp, i) => {
      total += counts[i];
      if (total !== cp.event_count) {
        checkpointProblem({
          id: null,
          subject: `checkpoint:${cp.id}`,
          reason: `it sealed ${cp.event_count} events up to event ${cp.max_event_id}, and ${total} are there now: events were ${total < cp.event_count ? 'deleted' : 'inserted afterwards'}`,
        });
      }
    });
  }

  const firstBad = eventProblems[0] ?? checkpointProblems[0];
  return {
    ok: problems === 0,
    events,
    chains,
    checkpoints: checkpoints.length,
    ...(firstBad ? { firstBad } : {}),
    problems,
    ...(latest ? { latestCheckpoint: { id: latest.id, createdAt: latest.created_at, maxEventId: latest.max_event_id, hash: latest.hash } } : {}),
  };
}

/** What is wrong with an event where it stands in its chain: a gap before it, its hash, its link. */
function linkProblem(c: Chain, row: StoredEvent): AuditProblem | null {
  const subject = subjectOf(row.subject_type, row.subject_id);
  const recomputed = storedEventHash(row);
  if (row.seq !== c.expectedSeq) {
    return { id: row.id, subject, reason: `${range(c.expectedSeq, row.seq - 1)} missing before this event (seq ${row.seq}): deleted` };
  }
  if (recomputed !== row.hash) {
    return { id: row.id, subject, reason: `its content does not match its hash (seq ${row.seq}): the event was altered after it was written` };
  }
  if (row.prev_hash !== c.prevHash) {
    return {
      id: row.id,
      subject,
      reason: `its prev_hash does not match the hash of the event before it (${c.prevId === null ? 'the chain start' : `event ${c.prevId}`}): one of them was rewritten`,
    };
  }
  return null;
}

/** Moves the chain past an event; one up to the checkpoints' horizon is the chain's sealed head so far. */
function advance(c: Chain, row: StoredEvent, horizon: number): void {
  c.expectedSeq = row.seq + 1;
  c.prevHash = row.hash;
  c.prevId = row.id;
  if (row.id <= horizon) c.sealed = { id: row.id, seq: row.seq, hash: row.hash };
}

/** Does the chain end where the latest checkpoint that saw it sealed it? */
function sealProblem(c: Chain, lastCheckpointId: number): AuditProblem | null {
  const subject = subjectOf(c.type, c.id);
  const r = c.recorded;
  const s = c.sealed;
  if (r) {
    const at = `checkpoint ${r.checkpoint_id} sealed this chain at seq ${r.seq} (event ${r.event_id})`;
    if (!s) return { id: r.event_id, subject, reason: `${range(1, r.seq)} missing: ${at}; the events were deleted` };
    if (s.seq < r.seq) {
      return { id: r.event_id, subject, reason: `${range(s.seq + 1, r.seq)} missing at the end of the chain: ${at}; the last events were deleted` };
    }
    if (s.seq > r.seq) return { id: s.id, subject, reason: `seq ${s.seq} claims an id already sealed, but ${at}: the event was inserted afterwards` };
    if (s.hash !== r.hash || s.id !== r.event_id) return { id: s.id, subject, reason: `the chain's head is not the one ${at}: the chain was rewritten` };
  } else if (s) {
    return {
      id: s.id,
      subject,
      reason: `no checkpoint sealed this chain, though its events are older than checkpoint ${lastCheckpointId}: checkpoint records were removed or events inserted afterwards`,
    };
  }
  return null;
}

export interface ChainVerification {
  ok: boolean;
  /** Events in the chain. */
  events: number;
  firstBad?: AuditProblem;
  /** The checkpoint that last sealed this chain's head; events after it are protected by the chain alone. */
  sealedBy: number | null;
  /** Events of the chain written after that checkpoint. */
  unsealed: number;
}

/**
 * Verifies one subject's chain (a petition's, an account's): every event's hash and link, and
 * its head against the latest checkpoint that sealed it. The checkpoints' own chain is checked
 * by verifyAudit, over the whole trail.
 */
export async function verifyChain(db: Kysely<DB>, type: string, id: string): Promise<ChainVerification> {
  const latest = await db.selectFrom('audit_checkpoints').select(['id', 'max_event_id']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<StoredEvent>`
    SELECT id, occurred_at, actor_id, actor_label, action, subject_type, subject_id, unit_id, changes, seq, prev_hash, hash
      FROM audit_events
     WHERE subject_type = ${type} AND subject_id = ${id}
     ORDER BY seq`.execute(db);
  const recorded = latest
    ? (
        await sql<Head>`
          SELECT checkpoint_id, event_id, subject_type, subject_id, seq, hash
            FROM audit_checkpoint_heads
           WHERE subject_type = ${type} AND subject_id = ${id} AND checkpoint_id <= ${latest.id}
           ORDER BY checkpoint_id DESC
           LIMIT 1`.execute(db)
      ).rows[0]
    : undefined;
  const horizon = latest?.max_event_id ?? 0;
  const chain: Chain = { key: keyOf(type, id), type, id, expectedSeq: 1, prevHash: genesisHash, prevId: null, sealed: null, recorded };
  let firstBad: AuditProblem | null = null;
  for (const row of rows) {
    firstBad ??= linkProblem(chain, row);
    advance(chain, row, horizon);
  }
  firstBad ??= sealProblem(chain, latest?.id ?? 0);
  return {
    ok: firstBad === null,
    events: rows.length,
    ...(firstBad ? { firstBad } : {}),
    sealedBy: recorded?.checkpoint_id ?? null,
    unsealed: rows.filter((r) => r.id > horizon).length,
  };
}

/** The index of the first checkpoint whose horizon covers this event id. */
function firstAtOrAbove(sorted: number[], id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] >= id) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The newest recorded head of each chain with a key in (lower, upper], in the chains' order,
 * page by page; only checkpoints up to `lastCheckpointId` count (one written meanwhile does not).
 */
async function* recordedHeads(
  db: Kysely<DB>,
  lower: ChainKey | undefined,
  upper: ChainKey | undefined,
  lastCheckpointId: number,
  pageSize: number,
): AsyncGenerator<Head[]> {
  if (lastCheckpointId === 0) return;
  let from = lower;
  for (;;) {
    const { rows } = await sql<Head>`
      SELECT DISTINCT ON (subject_type, subject_id) checkpoint_id, event_id, subject_type, subject_id, seq, hash
        FROM audit_checkpoint_heads
       WHERE checkpoint_id <= ${lastCheckpointId}
         AND ${from ? sql`(subject_type, subject_id) > (${from.type}, ${from.id})` : sql`true`}
         AND ${upper ? sql`(subject_type, subject_id) <= (${upper.type}, ${upper.id})` : sql`true`}
       ORDER BY subject_type, subject_id, checkpoint_id DESC
       LIMIT ${pageSize}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    from = { type: last.subject_type, id: last.subject_id };
  }
}

/** Recomputes each checkpoint's heads_hash from its head rows, in one ordered pass. */
async function verifyHeadsHashes(
  db: Kysely<DB>,
  checkpoints: Array<{ id: number; heads_hash: string }>,
  pageSize: number,
  problem: (p: AuditProblem) => void,
): Promise<void> {
  if (checkpoints.length === 0) return;
  const lastId = checkpoints[checkpoints.length - 1].id;
  let index = 0;
  let hasher = headsHasher();
  const close = () => {
    const cp = checkpoints[index];
    if (hasher.digest() !== cp.heads_hash) {
      problem({ id: null, subject: `checkpoint:${cp.id}`, reason: 'the chain heads it sealed were altered or removed' });
    }
    index++;
    hasher = headsHasher();
  };
  let after = { checkpoint: 0, event: 0 };
  for (;;) {
    const { rows } = await sql<Head>`
      SELECT checkpoint_id, event_id, subject_type, subject_id, seq, hash
        FROM audit_checkpoint_heads
       WHERE (checkpoint_id, event_id) > (${after.checkpoint}, ${after.event}) AND checkpoint_id <= ${lastId}
       ORDER BY checkpoint_id, event_id
       LIMIT ${pageSize}`.execute(db);
    for (const row of rows) {
      while (index < checkpoints.length && checkpoints[index].id < row.checkpoint_id) close();
      if (index < checkpoints.length && checkpoints[index].id === row.checkpoint_id) hasher.add(row);
    }
    if (rows.length < pageSize) break;
    const last = rows[rows.length - 1];
    after = { checkpoint: last.checkpoint_id, event: last.event_id };
  }
  while (index < checkpoints.length) close();
}
