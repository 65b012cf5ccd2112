/**
 * What a reader of the audit trail may see of petitions' events: exactly what the petition view
 * shows them, decided by the same policy functions (canSee, canSeeIdentity). Events of a
 * petition they may not see are dropped; in the events of one whose resident they may not
 * know, what leads to the resident is left out: the official who recorded it (who took the
 * call or received them), and the hashes of its files (which confirm a file someone holds).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Actor } from '../../platform/access.ts';
import { canSee, canSeeIdentity } from './petitions.policy.ts';
import { findPetitionsByIds } from './petitions.queries.ts';

/** The fields of an audit event this decision reads and may change. */
interface PetitionAuditEvent {
  subject_id: string;
  action: string;
  actor_id: number | null;
  actor_label: string;
  changes: Record<string, unknown>;
}

/** Changes that identify what the resident handed in. */
const identifyingChanges = ['sha256'];

export async function visiblePetitionEvents<E extends PetitionAuditEvent>(db: Kysely<DB>, actor: Actor, events: E[]): Promise<E[]> {
  const ids = [...new Set(events.map((e) => Number(e.subject_id)).filter((id) => Number.isSafeInteger(id)))];
  const petitions = new Map((await findPetitionsByIds(db, ids)).map((p) => [String(p.id), p]));
  const out: E[] = [];
  for (const e of events) {
    const p = petitions.get(e.subject_id);
    // A petition that is not there, or not the caller's to see: as if its events did not exist.
    if (!p || !canSee(actor, p)) continue;
    out.push(canSeeIdentity(actor, p) ? e : withoutIdentity(e));
  }
  return out;
}

function withoutIdentity<E extends PetitionAuditEvent>(e: E): E {
  const changes = Object.fromEntries(Object.entries(e.changes).filter(([key]) => !identifyingChanges.includes(key)));
  // The petition view names no one for the submission; neither does its audit event.
  const recorder = e.action === 'petition.submit' && e.actor_label.startsWith('official');
  return { ...e, changes, ...(recorder ? { actor_id: null, actor_label: 'official' } : {}) };
}
