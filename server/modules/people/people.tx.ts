import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';

/** Runs fn in a transaction, or inside the caller's when it already is one (the demo seeder). */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';
