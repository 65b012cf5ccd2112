/** The SQL of deadline policies. */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Channel, PetitionKind } from '../../../contract/domain.ts';
import type { DB } from '../../../schema.ts';
import type { DeadlinePolicy, PolicyPlace } from './petitions.deadlines.ts';

// ---- deadline policies ----

/**
 * The policies that may hold at a unit: the deployment's, its country's, and those of the unit
 * and its ancestors (pickPolicy chooses among them).
 */
function policiesAlong(eb: ExpressionBuilder<DB, 'deadline_policies'>, unit: PolicyPlace | null) {
  const chain = unit ? unit.path.split('/').filter(Boolean).map(Number) : [];
  const defaults = eb.and([
    eb('deadline_policies.unit_id', 'is', null),
    unit ? eb.or([eb('deadline_policies.country', 'is', null), eb('deadline_policies.country', '=', unit.country)]) : eb('deadline_policies.country', 'is', null),
  ]);
  return chain.length ? eb.or([defaults, eb('deadline_policies.unit_id', 'in', chain)]) : defaults;
}

/** The policies of a kind that may hold at a unit. */
export function policiesFor(db: Kysely<DB>, kind: PetitionKind, unit: PolicyPlace): Promise<DeadlinePolicy[]> {
  return db.selectFrom('deadline_policies').selectAll().where('kind', '=', kind).where((eb) => policiesAlong(eb, unit)).execute();
}

/** Every kind's policies that may hold at a unit (null: the deployment defaults), with the owning unit's code. */
export function allPoliciesFor(db: Kysely<DB>, unit: PolicyPlace | null) {
  return db
    .selectFrom('deadline_policies')
    .leftJoin('units as u', 'u.id', 'deadline_policies.unit_id')
    .selectAll('deadline_policies')
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .where((eb) => policiesAlong(eb, unit))
    .execute();
}

type PolicyValues = Omit<DeadlinePolicy, 'id' | 'updated_at' | 'kind' | 'unit_id' | 'country' | 'channel'>;

/** The owner of a policy: a unit, else a country (its default), else the deployment; for one channel or all. */
interface PolicyOwner {
  unitId: number | null;
  country: string | null;
  channel: Channel | null;
}

export async function upsertPolicy(
  trx: Kysely<DB>,
  kind: PetitionKind,
  owner: PolicyOwner,
  values: PolicyValues,
  at: Date,
): Promise<void> {
  const { unitId, country, channel } = owner;
  const existing = await trx
    .selectFrom('deadline_policies')
    .select('id')
    .where('kind', '=', kind)
    .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
    .where((eb) => (country === null ? eb('country', 'is', null) : eb('country', '=', country)))
    .where((eb) => (channel === null ? eb('channel', 'is', null) : eb('channel', '=', channel)))
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable('deadline_policies').set({ ...values, updated_at: at }).where('id', '=', existing.id).execute();
  } else {
    await trx.insertInto('deadline_policies').values({ ...values, kind, unit_id: unitId, country, channel, updated_at: at }).execute();
  }
}

export async function deletePolicy(trx: Kysely<DB>, kind: PetitionKind, unitId: number, channel: Channel | null): Promise<boolean> {
  const result = await trx
    .deleteFrom('deadline_policies')
    .where('kind', '=', kind)
    .where('unit_id', '=', unitId)
    .where((eb) => (channel === null ? eb('channel', 'is', null) : eb('channel', '=', channel)))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
