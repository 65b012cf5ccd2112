/**
 * Who is calling, and what every route must declare about who may call it.
 * Unit-level rules (may this official act on this petition?) live in each module's policy;
 * this file only knows grants and subtrees.
 */
import { roles, type Role } from '../contract/domain.ts';

/** A role held in a unit and every unit below it. unitPath '/' is the whole deployment. */
export interface Grant {
  unitId: number | null;
  unitCode: string | null;
  unitPath: string;
  role: Role;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'resident'; id: number; name: string; phone: string | null; email: string | null }
  | {
      kind: 'official';
      id: number;
      name: string;
      username: string;
      agencyId: number | null;
      grants: Grant[];
    };

export type Official = Extract<Actor, { kind: 'official' }>;
export type Resident = Extract<Actor, { kind: 'resident' }>;
export const anonymous: Actor = { kind: 'anonymous' };

/**
 * Who may call a route, checked before the request body is even read:
 * - 'public': anyone, signed in or not;
 * - 'signed_in': any session; 'resident' / 'official': that kind of account;
 * - { roles }: an official holding one of these roles in some unit (the unit itself is
 *   checked by the module's policy against the subject).
 */
export type Access = 'public' | 'signed_in' | 'resident' | 'official' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function isOfficial(actor: Actor): actor is Official {
  return actor.kind === 'official';
}

/** Is this access satisfied by the actor's kind and roles (not yet by unit)? */
export function allows(access: Access, actor: Actor): boolean {
  if (access === 'public') return true;
  if (access === 'signed_in') return actor.kind !== 'anonymous';
  if (access === 'resident') return actor.kind === 'resident';
  if (access === 'official') return actor.kind === 'official';
  return actor.kind === 'official' && actor.grants.some((g) => access.roles.includes(g.role));
}

/** The subtrees (path prefixes) in which the actor holds any of these roles. */
export function unitScope(actor: Actor, anyOf: readonly Role[] = roles): string[] {
  if (actor.kind !== 'official') return [];
  const prefixes = actor.grants.filter((g) => anyOf.includes(g.role)).map((g) => g.unitPath);
  // Drop prefixes already covered by a shorter one, so SQL gets the fewest conditions.
  return prefixes
    .sort((a, b) => a.length - b.length)
    .filter((p, i, all) => !all.slice(0, i).some((q) => p.startsWith(q)));
}

/** Does the actor hold one of these roles at this unit (directly or above it)? */
export function hasRoleAt(actor: Actor, unitPath: string, anyOf: readonly Role[]): boolean {
  return actor.kind === 'official' && actor.grants.some((g) => anyOf.includes(g.role) && unitPath.startsWith(g.unitPath));
}
