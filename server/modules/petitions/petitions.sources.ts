/**
 * A petition as the source of a published answer (the knowledge module asks through the
 * module's index): its question and answer, whether its residents agreed to publication, and
 * every piece of personal data they gave, for the article to be scrubbed of it. Visibility is
 * checked here, where the view is built: an official who may not see the petition gets nothing.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Actor, Official } from '../../platform/access.ts';
import { maskPersonalData } from '../../platform/personalData.ts';
import { toTsquery } from './view/list.params.ts';
import type { PetitionKind } from '../../contract/domain.ts';
import { canSee, publicKinds } from './petitions.policy.ts';
import { findPetition, personalFactsOfCase } from './petitions.queries.ts';
import { listPetitions } from './view/list.queries.ts';

export interface PetitionSource {
  id: number;
  trackingCode: string;
  kind: PetitionKind;
  category: string | null;
  unitId: number;
  unitPath: string;
  language: string | null;
  title: string | null;
  body: string;
  answerText: string | null;
  /** The residents agreed (at intake or later with the access key), and the kind may ever be public. */
  publishable: boolean;
  personal: { names: string[]; phones: string[]; emails: string[]; addresses: string[] };
}

export async function petitionSource(ctx: Pick<AppContext, 'db'>, actor: Actor, petitionId: number): Promise<PetitionSource | undefined> {
  const p = await findPetition(ctx.db, petitionId);
  if (!p || actor.kind !== 'official' || !canSee(actor, p)) return undefined;
  const rows = await personalFactsOfCase(ctx.db, p.case_id ?? p.id);
  const present = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v && v.trim() !== ''))];
  return {
    id: p.id,
    trackingCode: p.tracking_code,
    kind: p.kind,
    category: p.category,
    unitId: p.unit_id,
    unitPath: p.unit_path,
    language: p.language,
    title: p.title,
    body: p.body,
    answerText: p.answer_text,
    publishable: p.consent_to_publish && publicKinds.includes(p.kind),
    personal: {
      names: present(rows.flatMap((r) => [r.name, r.account_name])),
      phones: present(rows.flatMap((r) => [r.phone, r.account_phone])),
      emails: present(rows.flatMap((r) => [r.email, r.account_email])),
      addresses: present(rows.flatMap((r) => [r.address, r.location_address])),
    },
  };
}

/** The petitions an official may see that match a question (their inbox's search), newest first. */
export async function searchPetitions(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, q: string, limit: number) {
  const tsquery = toTsquery(q, '|');
  if (!tsquery) return [];
  const rows = await listPetitions(ctx.db, actor, { tsquery, sort: 'newest', limit, now: ctx.clock.now() });
  return rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, kind: r.kind, status: r.status, unit: { code: r.unit_code, name: r.unit_name }, title: maskPersonalData(r.title ?? r.body.slice(0, 120)) }));
}
