/** Norms in force at a unit: the check every rating, report and finding makes on the norms it cites. */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { badRequest } from '../../platform/errors.ts';
import { normSetsInForce } from './conduct.queries.ts';

/** Answers the ids when every one is a norm in force at the unit at `at`; else 400 norm_not_in_force. */
export async function normsInForce(db: Kysely<DB>, unitPath: string, at: Date, ids: readonly number[] | undefined): Promise<number[]> {
  if (!ids?.length) return [];
  const inForce = new Set((await normSetsInForce(db, unitPath, at)).map((r) => r.norm_id));
  for (const id of ids) if (!inForce.has(id)) throw badRequest('norm_not_in_force', { id });
  return [...ids];
}
