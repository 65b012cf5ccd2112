import type { PetitionKind } from '../../contract/domain.ts';
/**
 * When the sweep acts and whom it tells: pure functions, documented in docs/PETITIONS.md
 * ("The deadline sweep").
 */

export type StageName = 'overdue' | 'reminder_final' | 'reminder_early';

export interface Stage {
  name: StageName;
  /** How long before the due time the stage acts. */
  leadMs: number;
}

const hourMs = 3_600_000;

/**
 * Shortest lead first. A due time is nearly always the end of a local day, so the final
 * reminder (24 hours before) reaches the workspace in the evening before the last day, and
 * is read on the morning of it, whatever weekends or holidays come between.
 */
export const stages: readonly Stage[] = [
  { name: 'overdue', leadMs: 0 },
  { name: 'reminder_final', leadMs: 24 * hourMs },
  { name: 'reminder_early', leadMs: 72 * hourMs },
];

/**
 * The due times a stage looks at now: those in (after, until]. A stage picks up where it
 * stopped (`doneUntil`); a reminder is for petitions not yet due, and only the latest reminder
 * whose time has come is sent (a petition due in 10 hours gets the final one, not both).
 */
export function stageWindow(index: number, now: Date, doneUntil: Date | null): { after: Date | null; until: Date } {
  const stage = stages[index];
  const until = new Date(now.getTime() + stage.leadMs);
  if (index === 0) return { after: doneUntil, until };
  const notBefore = new Date(now.getTime() + stages[index - 1].leadMs);
  return { after: doneUntil && doneUntil > notBefore ? doneUntil : notBefore, until };
}

interface Watched {
  kind: PetitionKind;
  handler_id: number | null;
  leader_id: number | null;
  reported_official_id: number | null;
}

/** Who routes a unit's petitions: dispatchers and leaders; for a conduct report, leaders only. */
export function routingRoles(kind: PetitionKind): Array<'dispatcher' | 'leader'> {
  return kind === 'conduct_report' ? ['leader'] : ['dispatcher', 'leader'];
}

/** Who at the parent unit hears of an overdue case: its dispatchers; for a conduct report, its leaders. */
export function parentRoles(kind: PetitionKind): Array<'dispatcher' | 'leader'> {
  return kind === 'conduct_report' ? ['leader'] : ['dispatcher'];
}

/**
 * Whom a stage tells: the case's handler and responsible leader, or — while nobody is
 * assigned — the unit's dispatchers and leaders; at the due time also the parent unit's
 * dispatchers (leaders, for a conduct report), unless the case is escalated to them (the escalation tells them). Never the
 * official a conduct report is about.
 */
export function recipients(
  p: Watched,
  stage: StageName,
  people: { unitRouters: readonly number[]; parentRouters: readonly number[] },
  escalating: boolean,
): number[] {
  const assigned = [p.handler_id, p.leader_id].filter((x): x is number => x !== null);
  const out = new Set(assigned.length ? assigned : people.unitRouters);
  if (stage === 'overdue' && !escalating) for (const id of people.parentRouters) out.add(id);
  if (p.reported_official_id !== null) out.delete(p.reported_official_id);
  return [...out];
}
