/**
 * Routing: a dispatcher sets an open case's category and the agency that deals with it (the
 * routing suggestion applies its choice in one click). Neither is one of the five clear
 * items, so the state does not change; the timeline (internal) and the audit trail record it.
 */
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { openStatuses } from '../../../contract/domain.ts';
import { canAssign, canSee, sameBranch, type CommandActor } from '../petitions.policy.ts';
import { findAgency, findPetition, findPetitionLocked, updatePetition } from '../petitions.queries.ts';
import { auditPetition, recordEvent } from './shared.ts';
import { inTransaction } from '../../../platform/db.ts';

interface ClassifyInput {
  category?: string;
  agency?: number;
  version?: number;
}

/** What the routing suggestion needs of a case the actor may see, and whether they may route it. */
export interface RoutingSubject {
  id: number;
  title: string | null;
  body: string;
  kind: string;
  unitPath: string;
  category: string | null;
  agencyId: number | null;
  version: number;
  mayRoute: boolean;
}

export async function routingSubject(ctx: Pick<AppContext, 'db'>, actor: CommandActor, id: number): Promise<RoutingSubject | undefined> {
  const p = await findPetition(ctx.db, id);
  if (!p || !canSee(actor, p)) return undefined;
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    kind: p.kind,
    unitPath: p.unit_path,
    category: p.category,
    agencyId: p.agency_id,
    version: p.version,
    mayRoute: canAssign(actor, p) && openStatuses.includes(p.status),
  };
}

export async function classifyPetition(ctx: Pick<AppContext, 'db' | 'clock'>, actor: CommandActor, id: number, input: ClassifyInput): Promise<void> {
  if (input.category === undefined && input.agency === undefined) throw badRequest('routing_needs_choice');
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const p = await findPetitionLocked(trx, id);
    if (!p || !canSee(actor, p)) throw notFound();
    if (!canAssign(actor, p)) throw new AppError(403, 'forbidden');
    if (!openStatuses.includes(p.status)) throw conflict('routing_closed_case', { status: p.status });
    if (input.version !== undefined && input.version !== p.version) throw conflict('version_conflict');
    let agencyId = p.agency_id;
    if (input.agency !== undefined) {
      const agency = await findAgency(trx, input.agency);
      if (!agency || !sameBranch(p.unit_path, agency.unit_path)) throw badRequest('unknown_agency', { id: input.agency });
      agencyId = agency.id;
    }
    const category = input.category ?? p.category;
    if (category === p.category && agencyId === p.agency_id) return;
    await updatePetition(trx, p, { category, agency_id: agencyId }, now);
    await recordEvent(trx, p, actor, now, {
      type: 'routed',
      from_status: p.status,
      to_status: p.status,
      data: { category, agencyId, previousCategory: p.category, previousAgencyId: p.agency_id },
      visibility: 'internal',
    });
    await auditPetition(trx, actor, 'route', p, { category, agencyId, previousCategory: p.category, previousAgencyId: p.agency_id }, now);
  });
}
