import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { hashPassword } from '../passwords.ts';
import { canAssignAgency, canGiveRole, type CommandActor } from '../people.policy.ts';
import {
  accountIdByUsername,
  agencyWithPath,
  insertGrants,
  insertOfficial,
  officialById,
  unitsByCode,
  type OfficialRow,
} from '../people.queries.ts';
import { inTransaction, isUniqueViolation } from '../people.tx.ts';
import { checkPassword, normaliseUsername, resolvePlaces } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';

export interface CreateOfficialInput {
  username: string;
  password: string;
  name: string;
  /** An agency id; the agency's unit must be within the actor's units. */
  agency?: number | null;
  /** unit: a unit code, or null for the whole deployment (administrators of it only). */
  grants: Array<{ unit: string | null; role: Role }>;
}

/**
 * Creates an official with their grants. `actor` is the official doing it, or
 * `{ kind: 'system', label }` for start-up and seeding. Runs in `db`'s transaction when it
 * is one, else in its own. Throws AppError 400 (password, unknown unit or agency),
 * 403 (a grant the actor may not give), 409 (username taken).
 */
export async function createOfficial(
  db: Kysely<DB>,
  actor: CommandActor,
  input: CreateOfficialInput,
  at: Date,
): Promise<OfficialRow> {
  const username = normaliseUsername(input.username);
  const name = input.name.trim();
  if (!name) throw badRequest('invalid_input', { summary: 'name must not be empty' });
  checkPassword(input.password);

  const seen = new Set<string>();
  const grants = input.grants.filter((g) => {
    const key = `${g.unit ?? ''}\u0000${g.role}`;
    return !seen.has(key) && !!seen.add(key);
  });
  const units = await unitsByCode(db, grants.flatMap((g) => (g.unit === null ? [] : [g.unit])), at);
  const places = resolvePlaces(grants, units);
  for (const p of places) {
    if (!canGiveRole(actor, p, p.role)) {
      throw new AppError(403, 'grant_not_allowed', { role: p.role, unit: p.code ?? '*' });
    }
  }

  let agencyId: number | null = null;
  if (input.agency !== undefined && input.agency !== null) {
    const agency = await agencyWithPath(db, input.agency);
    if (!agency || !canAssignAgency(actor, agency.path)) throw badRequest('unknown_official_agency', { agency: input.agency });
    agencyId = agency.id;
  }

  // Hashing is slow on purpose: do it before the transaction, never while holding it open.
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(db, async (trx) => {
      if (await accountIdByUsername(trx, username)) throw conflict('username_taken', { username });
      const id = await insertOfficial(trx, { username, passwordHash, name, agencyId, at });
      await insertGrants(trx, id, places, at);
      await appendAudit(trx, {
        actor,
        action: 'official.created',
        subjectType: 'account',
        subjectId: id,
        unitId: places[0]?.unitId ?? null,
        changes: { username, name, agency: agencyId, grants: places.map((p) => ({ unit: p.code, role: p.role })) },
        at,
      });
      return (await officialById(trx, id))!;
    });
  } catch (e) {
    // Two creations of one username at once: the unique key decides.
    if (isUniqueViolation(e)) throw conflict('username_taken', { username });
    throw e;
  }
}
