/** Acting on a petition: the actions, the candidates for assignment, the answer approval setting. */
import type { App } from '../../../app.ts';
import type { Official } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { canAssign, canSee } from '../petitions.policy.ts';
import { approvalSetAt, candidatesOnBranch, findPetition, findUnitByCode, reportedReach } from '../petitions.queries.ts';
import { ActionBody, ActionOutcome, ApprovalBody, ApprovalParams, ApprovalQuery, ApprovalView, CandidateList, CandidatesQuery, IdParams, SimilarList, actionFieldError, type ActionOf } from '../petitions.schema.ts';
import type { ActionType } from '../../../contract/domain.ts';
import { similarOpenPetitions } from './similar.queries.ts';
import { toTsquery } from '../view/list.params.ts';
import { maskPersonalData } from '../../../platform/personalData.ts';
import { decide, inUnits } from '../petitions.policy.ts';
import { presentCandidates, presentHandedOver } from '../view/petitions.presenter.ts';
import { viewOf } from '../view/petitions.view.ts';
import { acceptPetition } from './acceptPetition.ts';
import { answerPetition } from './answerPetition.ts';
import { approveAnswer } from './approveAnswer.ts';
import { assignPetition } from './assignPetition.ts';
import { closePetition } from './closePetition.ts';
import { escalatePetition } from './escalatePetition.ts';
import { extendPetition } from './extendPetition.ts';
import { mergePetition } from './mergePetition.ts';
import { notePetition } from './notePetition.ts';
import { rejectPetition } from './rejectPetition.ts';
import { reopenPetition } from './reopenPetition.ts';
import { returnAnswer } from './returnAnswer.ts';
import { reviewPetition } from './reviewPetition.ts';
import { setAnswerApproval } from './setAnswerApproval.ts';
import { startPetition } from './startPetition.ts';
import { transferPetition } from './transferPetition.ts';
import { routesOf } from '../../../platform/routes.ts';
import { policyEditors } from '../../../contract/roleSets.ts';

async function approvalView(ctx: AppContext, code: string) {
  const unit = await findUnitByCode(ctx.db, code, ctx.clock.now());
  if (!unit) throw badRequest('unknown_unit', { code });
  const setAt = await approvalSetAt(ctx.db, unit.path);
  return { unit: { code: unit.code, name: unit.name }, required: !!setAt, setAt: setAt ? { code: setAt.code, name: setAt.name } : null };
}

type ActionCommand<T extends ActionType> = (ctx: AppContext, actor: Official, id: number, body: ActionOf<T>) => Promise<unknown>;

/** Each action type and the command that carries it out. */
const actionCommands: { [T in ActionType]: ActionCommand<T> } = {
  accept: acceptPetition,
  reject: rejectPetition,
  assign: assignPetition,
  start: startPetition,
  answer: answerPetition,
  escalate: escalatePetition,
  transfer: transferPetition,
  merge: mergePetition,
  extend: extendPetition,
  note: notePetition,
  close: closePetition,
  reopen: reopenPetition,
  review: (ctx, actor, id, body) => reviewPetition(ctx, actor, id, { stage: body.type, reason: body.reason, version: body.version }),
  re_review: (ctx, actor, id, body) => reviewPetition(ctx, actor, id, { stage: body.type, reason: body.reason, version: body.version }),
  approve: approveAnswer,
  return: returnAnswer,
};

function runAction(ctx: AppContext, actor: Official, id: number, body: ActionBody): Promise<unknown> {
  return (actionCommands[body.type] as ActionCommand<ActionType>)(ctx, actor, id, body);
}

const candidateLimit = 500;


/** The actions on a petition and the settings that steer them. */
export function workflowRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  routes.post(
    '/api/v1/petitions/:id/actions',
    {
      access: 'official',
      summary: 'Act on a petition: accept, reject, assign, start, answer, escalate, transfer, merge, extend, note, close, reopen, review, re_review, approve, return',
      description:
        '409 when the petition\'s state does not allow the action, or when `version` is given and the petition changed since; 403 outside the caller\'s units or roles. ' +
        'The answer is the petition as the caller now sees it; when the action took it out of the caller\'s sight (an escalation or a transfer out of their units), ' +
        'only an acknowledgement: its id, its status and `visible: false`.',
      params: IdParams,
      body: ActionBody,
      response: { 200: ActionOutcome },
      // A field the action type needs or does not take is named in the error (field_required, field_not_allowed).
      attachValidation: true,
    },
    async (request) => {
      if (request.validationError) throw actionFieldError(request.body, request.validationError.validation ?? []) ?? request.validationError;
      const actor = request.actor as Official;
      await runAction(ctx, actor, request.params.id, request.body);
      const p = await findPetition(ctx.db, request.params.id);
      if (!p) throw notFound();
      return canSee(actor, p) ? viewOf(ctx, actor, p) : presentHandedOver(p, request.locale);
    },
  );

  routes.get(
    '/api/v1/petitions/:id/candidates',
    {
      access: 'official',
      summary: 'The officials the assign action takes as handler (role=handler) or responsible leader (role=leader), least loaded first',
      description: '404 when the caller may not see the petition; 403 when they may not assign it. At most 500 officials on the petition\'s branch are considered.',
      params: IdParams,
      querystring: CandidatesQuery,
      response: { 200: CandidateList },
    },
    async (request) => {
      const p = await findPetition(ctx.db, request.params.id);
      if (!p || !canSee(request.actor, p)) throw notFound();
      if (!canAssign(request.actor, p)) throw forbidden();
      const rows = await candidatesOnBranch(ctx.db, p.unit_path, candidateLimit);
      return { items: presentCandidates(p, rows, request.query.role, await reportedReach(ctx.db, p)) };
    },
  );

  routes.get(
    '/api/v1/petitions/:id/similar',
    {
      access: 'official',
      summary: 'Open petitions of the same unit that look like this one (shared words; near it when both have a place): candidates to merge it into',
      description: '404 when the caller may not see the petition. Denunciations and conduct reports have none (they merge only with their own kind). Each candidate is one the caller may see.',
      params: IdParams,
      response: { 200: SimilarList },
    },
    async (request) => {
      const p = await findPetition(ctx.db, request.params.id);
      if (!p || !canSee(request.actor, p)) throw notFound();
      const words = [...new Set(`${p.title ?? ''} ${p.body}`.split(/\s+/))].slice(0, 60).join(' ');
      // Only for officials of the unit: one who sees the case as its handler alone does not browse its unit's others.
      const rows = inUnits(request.actor, p) ? await similarOpenPetitions(ctx.db, p, toTsquery(words, '|'), 5) : [];
      const mayMerge = decide(request.actor, p, 'merge', await reportedReach(ctx.db, p)).ok;
      return {
        mayMerge,
        items: rows.map((r) => ({
          id: r.id,
          trackingCode: r.tracking_code,
          kind: r.kind,
          category: r.category,
          status: r.status,
          submittedAt: r.submitted_at.toISOString(),
          title: r.title === null ? null : maskPersonalData(r.title),
          excerpt: maskPersonalData(r.body.slice(0, 200)),
          similarity: Math.round(r.rank * 1000) / 1000,
          metres: r.metres === null ? null : Math.round(r.metres),
        })),
      };
    },
  );

  routes.get(
    '/api/v1/answer-approval',
    {
      access: 'official',
      summary: "Whether answers at a unit wait for the responsible leader's approval, and which unit's rule it is",
      querystring: ApprovalQuery,
      response: { 200: ApprovalView },
    },
    async (request) => approvalView(ctx, request.query.unit),
  );

  routes.put(
    '/api/v1/answer-approval/:unit',
    {
      access: { roles: policyEditors },
      summary: "Require (or stop requiring) the leader's approval of answers at a unit and the units below it",
      params: ApprovalParams,
      body: ApprovalBody,
      response: { 200: ApprovalView },
    },
    async (request) => {
      const unit = await setAnswerApproval(ctx, request.actor, request.params.unit, request.body.required);
      return approvalView(ctx, unit.code);
    },
  );
}
