import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { searchKey } from '../../../platform/text.ts';
import { subunitParentLevels } from '../units.policy.ts';
import type { SubunitLevel } from '../../../contract/domain.ts';
import { allocateUnitIds, childCodeState, insertUnits, lockUnit, type UnitRecord, type UnitWrite } from '../units.queries.ts';

const countryLanguage: Record<string, keyof LocaleNames> = { VN: 'vi', CN: 'zh' };

interface AddSubunitInput {
  parent: UnitRecord;
  name: string;
  level: SubunitLevel;
  names?: LocaleNames;
  code?: string;
}

/**
 * Adds a hamlet or a group below a commune, village or hamlet, in one transaction with its audit
 * event. Without a code, the unit gets its parent's code and the next free number ("18001-K10-03").
 * The caller has already checked that the actor may.
 */
export async function addSubunit(db: Kysely<DB>, actor: AuditInput['actor'], input: AddSubunitInput, now: Date): Promise<string> {
  const { parent } = input;
  if (!subunitParentLevels.includes(parent.level)) throw badRequest('subunit_parent_level', { level: parent.level });
  return db.transaction().execute(async (trx) => {
    await lockUnit(trx, parent.id);
    let code = input.code ?? null;
    let state = await childCodeState(trx, parent.id, code);
    if (code && state.taken) throw conflict('unit_code_taken', { code });
    for (let n = state.children + 1; !code; n++) {
      const candidate = `${parent.code}-${String(n).padStart(2, '0')}`;
      state = await childCodeState(trx, parent.id, candidate);
      if (!state.taken) code = candidate;
    }
    const [id] = await allocateUnitIds(trx, 1);
    const name = input.name.trim();
    const names: LocaleNames = { ...(input.names ?? {}) };
    const language = countryLanguage[parent.country];
    if (language) names[language] = names[language] ?? name;
    const write: UnitWrite = {
      id,
      code,
      name,
      names,
      level: input.level,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      country: parent.country,
      time_zone: parent.timeZone,
      valid_from: null,
      valid_to: null,
      replaced_by_id: null,
      search_key: searchKey(name, ...Object.values(names).filter((n): n is string => !!n)),
    };
    await insertUnits(trx, [write], now);
    await appendAudit(trx, {
      actor,
      action: 'unit.added',
      subjectType: 'unit',
      subjectId: id,
      unitId: id,
      changes: { code, name, names, level: input.level, parent: parent.code },
      at: now,
    });
    return code;
  });
}
