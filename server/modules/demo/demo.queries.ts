/** All SQL of the demo module: what already exists, so that seeding only adds what is missing. */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';

/** Empty means no units yet: an administrator created at start does not make a deployment. */
export async function hasNoUnits(db: Kysely<DB>): Promise<boolean> {
  return !(await db.selectFrom('units').select('id').limit(1).executeTakeFirst());
}

export async function existingUnitCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.selectFrom('units').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function existingUsernames(db: Kysely<DB>, usernames: string[]): Promise<Set<string>> {
  if (!usernames.length) return new Set();
  const rows = await db.selectFrom('accounts').select('username').where('username', 'in', usernames).execute();
  return new Set(rows.map((r) => r.username).filter((u): u is string => u !== null));
}
