import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, badRequest, conflict, forbidden } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { parseDestination } from '../destination.ts';
import { hashPassword } from '../passwords.ts';
import { canAssignAgency, canGiveRole, type CommandActor } from '../people.policy.ts';
import { accountIdByUsername, agencyWithPath, insertGrants, insertOfficial, officialById, type OfficialRow } from '../people.queries.ts';
import { isUniqueViolation } from '../people.tx.ts';
import { inTransaction } from '../../../platform/db.ts';
import { checkPassword, normaliseUsername, resolvePlaces } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';
import { issueSetupCode } from './setupCodes.ts';
import { resolveUnits } from '../../units/index.ts';

interface CreateOfficialInput {
  username: string;
  name: string;
  /**
   * The official's own phone number or e-mail address: the setup code goes there, and only
   * the official chooses their password.
   */
  contact?: string;
  /** The language of the setup message; the creator's when absent. */
  locale?: Locale;
  /** Only start-up and seeding (a system actor) give a password: the demo's published ones. */
  password?: string;
  /** The job position ("Công chức một cửa"): the staff directory shows it, scorecard frameworks are per position. */
  position?: string | null;
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
  // An official never chooses another's password, not even a first one.
  if (input.password !== undefined && actor.kind !== 'system') throw forbidden('forbidden');
  if (input.password !== undefined) checkPassword(input.password, { username, name });
  const contact = input.contact === undefined ? null : parseDestination(input.contact);
  if (!contact && input.password === undefined) {
    throw badRequest('invalid_input', { summary: 'contact: the official\'s phone number or e-mail address is required' });
  }

  const seen = new Set<string>();
  const grants = input.grants.filter((g) => {
    const key = `${g.unit ?? ''}\u0000${g.role}`;
    return !seen.has(key) && !!seen.add(key);
  });
  const units = await resolveUnits(db, grants.flatMap((g) => (g.unit === null ? [] : [g.unit])), at);
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
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await inTransaction(db, async (trx) => {
      if (await accountIdByUsername(trx, username)) throw conflict('username_taken', { username });
      const id = await insertOfficial(trx, {
        username,
        passwordHash,
        name,
        agencyId,
        phone: contact?.phone ?? null,
        email: contact?.email ?? null,
        locale: input.locale ?? null,
        position: input.position?.trim() || null,
        at,
      });
      await insertGrants(trx, id, places, at);
      if (contact) {
        await issueSetupCode(trx, { id, username, locale: input.locale ?? null }, { channel: contact.channel, address: contact.address }, input.locale ?? 'vi', at);
      }
      await appendAudit(trx, {
        actor,
        action: 'official.created',
        subjectType: 'account',
        subjectId: id,
        unitId: places[0]?.unitId ?? null,
        changes: {
          username,
          name,
          agency: agencyId,
          ...(input.position?.trim() ? { position: input.position.trim() } : {}),
          grants: places.map((p) => ({ unit: p.code, role: p.role })),
          ...(contact ? { setupCodeSentBy: contact.channel } : {}),
        },
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
