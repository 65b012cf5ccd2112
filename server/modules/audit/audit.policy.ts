import { unitScope, type Actor } from '../../platform/access.ts';
import { auditReaders } from '../../contract/roleSets.ts';

/** The events an actor may read: all of them, or those of units inside these subtrees. */
export type AuditScope = { all: true } | { all: false; prefixes: string[] };

export function auditScope(actor: Actor): AuditScope {
  const prefixes = unitScope(actor, auditReaders);
  // A grant for the whole deployment also covers events recorded without a unit.
  return prefixes.includes('/') ? { all: true } : { all: false, prefixes };
}

/** May the actor ask for this unit's events: the unit is inside, or above, one of their subtrees. */
export function canFilterByUnit(scope: AuditScope, unitPath: string): boolean {
  return scope.all || scope.prefixes.some((p) => unitPath.startsWith(p) || p.startsWith(unitPath));
}
