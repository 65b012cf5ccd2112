import { Type } from 'typebox';
import type { Module } from '../index.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, Official, Resident } from '../../platform/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { searchKey, segmentWords } from '../../platform/text.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { ActionBody, ActionOutcome, CandidateList, CandidatesQuery, AttachmentParams, AttachmentQuery, AttachmentView, checkActionFields, IdParams, IntakeBody, IntakeResult, ListQuery, MineQuery, MyPetitionList, PetitionList, PetitionView, PolicyBody, PolicyList, PolicyParams, PolicyQuery, PolicyView, ApprovalBody, ApprovalParams, ApprovalQuery, ApprovalView, RatingBody, TrackParams, TrackView, PublicListQuery, PublicPetitionList } from './petitions.schema.ts';
import { canAssign, canSee, canSeeIdentity } from './petitions.policy.ts';
import {
  allPoliciesFor,
  candidatesOnBranch,
  attachmentContent,
  attachmentsOf,
  eventsOf,
  accountNames,
  agencyNames,
  approvalSetAt,
  findAttachment,
  findPetition,
  findUnitById,
  findPetitionByCode,
  reportedReach,
  findTrackRow,
  findUnitByCode,
  listPetitions,
  mergedPetitions,
  namesFor,
  petitionersOfCase,
  publicPetitions,
  residentPetitions,
  type PetitionRow,
  type ListFilters,
} from './petitions.queries.ts';
import { presentCandidates, presentHandedOver, presentMine, presentOwn, presentPetition, presentPublic, presentSummary, presentTrack } from './petitions.presenter.ts';
import { keyHolder } from './petitions.keys.ts';
import { normalisePhone, normaliseTrackingCode } from './petitions.codes.ts';
import { pickPolicy, type DeadlinePolicy, type PolicyPlace } from './petitions.deadlines.ts';
import { submitPetition } from './commands/submitPetition.ts';
import { acceptPetition } from './commands/acceptPetition.ts';
import { rejectPetition } from './commands/rejectPetition.ts';
import { assignPetition } from './commands/assignPetition.ts';
import { startPetition } from './commands/startPetition.ts';
import { answerPetition } from './commands/answerPetition.ts';
import { escalatePetition } from './commands/escalatePetition.ts';
import { transferPetition } from './commands/transferPetition.ts';
import { mergePetition } from './commands/mergePetition.ts';
import { extendPetition } from './commands/extendPetition.ts';
import { notePetition } from './commands/notePetition.ts';
import { closePetition } from './commands/closePetition.ts';
import { reopenPetition } from './commands/reopenPetition.ts';
import { ratePetition } from './commands/ratePetition.ts';
import { approveAnswer } from './commands/approveAnswer.ts';
import { returnAnswer } from './commands/returnAnswer.ts';
import { attachFile, attachmentMaxBytes, isPetitioner } from './commands/attachFile.ts';
import { removeDeadlinePolicy, setDeadlinePolicy } from './commands/setDeadlinePolicy.ts';
import { reviewPetition } from './commands/reviewPetition.ts';
import { setAnswerApproval } from './commands/setAnswerApproval.ts';
import './petitions.messages.ts';
import './petitions.notify.ts';
import { channels, reviewStages, type PetitionKind, petitionKinds, petitionStatuses, type ReviewStage } from '../../contract/domain.ts';
import { policyAt } from './commands/shared.ts';

/** The tracking page: a merged petition shows its case's state, answer and, from the merge on, its history. */
/** The public tracking view; with the petition's access key, what the resident sent as well. */
export async function trackView(ctx: AppContext, rawCode: string, accessKey?: string) {
  const code = normaliseTrackingCode(rawCode);
  const row = code ? await findTrackRow(ctx.db, ctx.database, code) : undefined;
  if (!row) throw notFound();
  const view = presentTrack(row, ctx.clock.now());
  if (accessKey === undefined) return view;
  const p = await findPetitionByCode(ctx.db, code!);
  if (!p) throw notFound();
  await keyHolder(ctx.db, p.id, accessKey, ctx.clock.now());
  return { ...view, own: presentOwn(p, await attachmentsOf(ctx.db, p.id)) };
}

async function approvalView(ctx: AppContext, code: string) {
  const unit = await findUnitByCode(ctx.db, code, ctx.clock.now());
  if (!unit) throw badRequest('unknown_unit', { code });
  const setAt = await approvalSetAt(ctx.db, unit.path);
  return { unit: unit.code, required: !!setAt, setAt: setAt ? { code: setAt.code, name: setAt.name } : null };
}

/** The staff view of one petition, as this official may see it; 404 when they may not see it at all. */
export async function petitionView(ctx: AppContext, actor: Actor, id: number) {
  const p = await findPetition(ctx.db, id);
  if (!p || !canSee(actor, p)) throw notFound();
  return viewOf(ctx, actor, p);
}

async function viewOf(ctx: AppContext, actor: Actor, p: PetitionRow) {
  const [names, petitioners, events, attachments, merged] = [
    await namesFor(ctx.db, p),
    await petitionersOfCase(ctx.db, p.id),
    await eventsOf(ctx.db, p.id),
    await attachmentsOf(ctx.db, p.id),
    await mergedPetitions(ctx.db, p.id),
  ];
  // Who the case was given to and which agency it went to, named in the history.
  const ids = (key: string) => events.map((e) => (typeof e.data[key] === 'number' ? (e.data[key] as number) : null));
  const eventPeople = await accountNames(ctx.db, [...ids('handlerId'), ...ids('leaderId')]);
  const eventAgencies = await agencyNames(ctx.db, ids('agencyId'));
  const reviewSteps = await reviewStepsOf(ctx, p);
  const reported = await reportedReach(ctx.db, p);
  return presentPetition(actor, p, names, { petitioners, events, attachments, merged, eventPeople, eventAgencies, reviewSteps, reported }, ctx.clock.now());
}

/** The review steps the rules at an answered petition's unit provide; none before an answer. */
async function reviewStepsOf(ctx: AppContext, p: PetitionRow): Promise<ReviewStage[]> {
  if (p.status !== 'answered' && p.status !== 'closed') return [];
  const unit = await findUnitById(ctx.db, p.unit_id);
  if (!unit) return [];
  const rules = await policyAt(ctx.db, p, unit);
  return reviewStages.filter((stage) => (stage === 'review' ? rules.review_days : rules.re_review_days) !== null);
}

function splitList<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw badRequest('invalid_filter', { field, value: item, allowed: allowed.join(', ') });
  }
  return items as T[];
}

function parseWhen(field: string, value: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw badRequest('invalid_date', { field });
  return d;
}

/** Words for full-text search: split like the index (Chinese too), folded, each a prefix. */
export function toTsquery(q: string, join: '&' | '|' = '&'): string | undefined {
  const words = searchKey(segmentWords(q)).split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  return words.length ? words.map((w) => `'${w}':*`).join(` ${join} `) : undefined;
}

interface Cursor {
  id: number;
  dueAt?: string;
}

/** A list cursor's key: the last petition's id, and its due time when sorted by it. */
const readCursor = (sort: 'newest' | 'due') => (value: unknown): ListFilters['after'] => {
  const c = (value ?? {}) as Partial<Cursor>;
  if (!Number.isSafeInteger(c.id) || c.id! < 1) return undefined;
  if (sort === 'newest') return { id: c.id! };
  const dueAt = new Date(String(c.dueAt));
  return Number.isNaN(dueAt.getTime()) ? undefined : { id: c.id!, dueAt };
};

function presentPolicy(p: DeadlinePolicy & { unit_code: string | null }) {
  return {
    kind: p.kind,
    unit: p.unit_code,
    country: p.country,
    channel: p.channel,
    legalSource: p.legal_source,
    ackWorkingDays: p.ack_working_days,
    ackDayType: p.ack_day_type,
    urgentAckWorkingHours: p.urgent_ack_working_hours,
    resolutionDays: p.resolution_days,
    urgentResolutionDays: p.urgent_resolution_days,
    dayType: p.day_type,
    maxExtensions: p.max_extensions,
    extensionDays: p.extension_days,
    anonymousAllowed: p.anonymous_allowed,
    reopenDays: p.reopen_days,
    reviewRequestDays: p.review_request_days,
    reviewDays: p.review_days,
    reReviewDays: p.re_review_days,
    autoEscalate: p.auto_escalate,
  };
}

/** The policies in force at a unit; without one, a country's defaults, or the deployment's. */
async function effectivePolicies(ctx: AppContext, where: { unit?: string; country?: string }) {
  let place: PolicyPlace | null = null;
  if (where.unit !== undefined) {
    const unit = await findUnitByCode(ctx.db, where.unit, ctx.clock.now());
    if (!unit) throw badRequest('unknown_unit', { code: where.unit });
    place = unit;
  } else if (where.country !== undefined) {
    place = { path: '/', country: where.country };
  }
  const all = await allPoliciesFor(ctx.db, place);
  // Per kind: the policy for every channel, then those in force for one channel (the hotline).
  return petitionKinds.flatMap((kind) => {
    const ofKind = all.filter((p) => p.kind === kind);
    const forChannels = [...new Set(ofKind.map((p) => p.channel).filter((c) => c !== null))]
      .map((c) => pickPolicy(ofKind, place, c))
      .filter((p) => p?.channel !== null && p?.channel !== undefined);
    return [pickPolicy(ofKind, place), ...forChannels]
      .filter((p): p is (typeof all)[number] => !!p)
      .map(presentPolicy);
  });
}

async function runAction(ctx: AppContext, actor: Official, id: number, body: ActionBody): Promise<void> {
  const v = body.version;
  switch (body.type) {
    case 'accept':
      await acceptPetition(ctx, actor, id, { version: v });
      return;
    case 'reject':
      await rejectPetition(ctx, actor, id, { reason: body.reason!, version: v });
      return;
    case 'assign':
      await assignPetition(ctx, actor, id, {
        agency: body.agency,
        handler: body.handler,
        leader: body.leader,
        content: body.content,
        expectedResult: body.expectedResult,
        dueAt: body.dueAt,
        version: v,
      });
      return;
    case 'start':
      await startPetition(ctx, actor, id, { version: v });
      return;
    case 'answer':
      await answerPetition(ctx, actor, id, { text: body.text!, publish: body.publish, version: v });
      return;
    case 'escalate':
      await escalatePetition(ctx, actor, id, { reason: body.reason!, cause: body.cause, version: v });
      return;
    case 'transfer':
      await transferPetition(ctx, actor, id, { toUnit: body.toUnit, toAgency: body.toAgency, reason: body.reason!, version: v });
      return;
    case 'merge':
      await mergePetition(ctx, actor, id, { into: body.into!, reason: body.reason, version: v });
      return;
    case 'extend':
      await extendPetition(ctx, actor, id, { dueAt: body.dueAt!, reason: body.reason!, version: v });
      return;
    case 'note':
      await notePetition(ctx, actor, id, { text: body.text! });
      return;
    case 'close':
      await closePetition(ctx, actor, id, { reason: body.reason, version: v });
      return;
    case 'reopen':
      await reopenPetition(ctx, actor, id, { reason: body.reason!, version: v });
      return;
    case 'review':
    case 're_review':
      await reviewPetition(ctx, actor, id, { stage: body.type, reason: body.reason!, version: v });
      return;
    case 'approve':
      await approveAnswer(ctx, actor, id, { version: v });
      return;
    case 'return':
      await returnAnswer(ctx, actor, id, { reason: body.reason!, version: v });
      return;
  }
}

const attachmentTypesIn = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/octet-stream'];
const AccessKeyHeaders = Type.Object({
  'x-access-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "the resident's access key" })),
});

async function attachmentRoutes(app: App, ctx: AppContext) {
  // Files arrive as the raw request body (Content-Type: the file's type, ?filename=…); any
  // other content type (JSON, text, forms) is refused here with 415 before it is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(attachmentTypesIn, { parseAs: 'buffer', bodyLimit: attachmentMaxBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/v1/petitions/:id/attachments',
    {
      config: { access: 'public' },
      bodyLimit: attachmentMaxBytes,
      schema: {
        tags: ['petitions'],
        summary: 'Attach a photo (JPEG, PNG, WebP) or a PDF: the raw file as the body, its name in ?filename=',
        description:
          'Officials who work on the case attach any time; the resident attaches with the X-Access-Key header until the petition is accepted or rejected. At most 10 MB.',
        params: IdParams,
        querystring: AttachmentQuery,
        headers: AccessKeyHeaders,
        response: { 201: AttachmentView },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'unsupported_media_type', { type: request.headers['content-type'] ?? '?' });
      const id = await attachFile(ctx, request.actor, request.params.id, {
        data: request.body,
        filename: request.query.filename,
        accessKey: request.headers['x-access-key'],
      });
      const saved = (await attachmentsOf(ctx.db, request.params.id)).find((a) => a.id === id)!;
      reply.status(201);
      return { id, filename: saved.filename, contentType: saved.content_type, size: saved.size, createdAt: saved.created_at.toISOString() };
    },
  );

  app.get(
    '/api/v1/petitions/:id/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['petitions'],
        summary: 'Download an attachment (officials who may see the petition; the resident with X-Access-Key)',
        params: AttachmentParams,
        headers: AccessKeyHeaders,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const p = await findPetition(ctx.db, request.params.id);
      if (!p) throw notFound();
      const actor = request.actor;
      const key = request.headers['x-access-key'];
      // Files of a denunciation or a conduct report may name the resident: only for those who may know who it is.
      const entitled = (actor.kind === 'official' && canSeeIdentity(actor, p)) || (await isPetitioner(ctx, actor, p, key));
      if (!entitled) throw notFound();
      const a = await findAttachment(ctx.db, p.id, request.params.attachmentId);
      if (!a) throw notFound();
      const data = await attachmentContent(ctx.db, a.sha256);
      if (!data) throw notFound();
      reply
        .header('content-type', a.content_type)
        .header('content-length', a.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return reply.send(data);
    },
  );
}

/** Officials on a petition's branch the candidates list considers (a province's case may have many). */
const candidateLimit = 500;

export const petitionsModule: Module = {
  name: 'petitions',
  async routes(app, ctx) {
    // Per address, signed in or not: a code is 8 characters of 32 (about 2^40), yet guessing
    // at full speed must not find other people's cases.
    const trackingLimit = { max: ctx.config.rateLimits.trackingPerMinute, timeWindow: 60_000, allowList: () => false };

    app.post(
      '/api/v1/petitions',
      {
        config: { access: 'public' },
        schema: {
          tags: ['petitions'],
          summary: 'Submit a petition (anyone), or record one on a resident\'s behalf (officials, any channel)',
          description:
            'Residents and anonymous callers get the channel "web". An official may answer a question, suggestion or help request on the spot with `answerNow`: it goes received → answered in this call. Complaints and denunciations need the resident\'s name and a phone number, e-mail or address unless the unit\'s policy allows them anonymous.',
          body: IntakeBody,
          response: { 201: IntakeResult },
        },
      },
      async (request, reply) => {
        const r = await submitPetition(ctx, request.actor, request.body);
        reply.status(201);
        return { ...r, dueAt: r.dueAt.toISOString(), ackDueAt: r.ackDueAt.toISOString() };
      },
    );

    app.get(
      '/api/v1/petitions/public',
      {
        config: { access: 'public', rateLimit: trackingLimit },
        schema: {
          tags: ['petitions'],
          summary: "A unit's public petitions: questions, suggestions and requests for help whose residents agreed to publish them",
          description:
            'Never complaints, denunciations or conduct reports; no name or contact; numbers in the text masked; the place rounded to about 100 m. With `q`, the petitions sharing most of its words come first: the "is this already reported?" check before submitting.',
          querystring: PublicListQuery,
          response: { 200: PublicPetitionList },
        },
      },
      async (request) => {
        const unit = await findUnitByCode(ctx.db, request.query.unit, ctx.clock.now());
        if (!unit) throw badRequest('unknown_unit', { code: request.query.unit });
        const tsquery = request.query.q !== undefined ? toTsquery(request.query.q, '|') : undefined;
        if (request.query.q !== undefined && !tsquery) return { items: [] };
        const rows = await publicPetitions(ctx.db, unit.path, { tsquery, limit: request.query.limit ?? 20 });
        return { items: rows.map(presentPublic) };
      },
    );

    app.get(
      '/api/v1/petitions/track/:trackingCode',
      {
        config: { access: 'public', rateLimit: trackingLimit },
        schema: {
          tags: ['petitions'],
          summary: 'The public tracking page of a petition: state, due time, public timeline, the answer. No personal data.',
          description:
            'With the X-Access-Key header (the key given at intake) it adds `own`: the text, address and files the resident sent. A wrong key is 403 `invalid_access_key` and counts towards the petition\'s limit of wrong keys (429 `access_key_attempts`).',
          params: TrackParams,
          headers: AccessKeyHeaders,
          response: { 200: TrackView },
        },
      },
      async (request) => trackView(ctx, request.params.trackingCode, request.headers['x-access-key']),
    );

    app.post(
      '/api/v1/petitions/track/:trackingCode/rating',
      {
        config: { access: 'public', rateLimit: trackingLimit },
        schema: {
          tags: ['petitions'],
          summary: 'Rate the answer with the access key; an unsatisfied resident may reopen the case once',
          params: TrackParams,
          body: RatingBody,
          response: { 200: TrackView },
        },
      },
      async (request) => {
        const code = await ratePetition(ctx, request.actor, request.params.trackingCode, request.body);
        return trackView(ctx, code);
      },
    );

    app.get(
      '/api/v1/petitions',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: "The officials' inbox: the petitions of the caller's units they may see",
          querystring: ListQuery,
          response: { 200: PetitionList },
        },
      },
      async (request) => {
        const actor = request.actor as Official;
        const q = request.query;
        const now = ctx.clock.now();
        let unitPath: string | undefined;
        if (q.unit !== undefined) {
          const unit = await findUnitByCode(ctx.db, q.unit, now);
          if (!unit) throw badRequest('unknown_unit', { code: q.unit });
          unitPath = unit.path;
        }
        let phone: string | undefined;
        if (q.phone !== undefined) {
          phone = normalisePhone(q.phone) ?? undefined;
          if (!phone) throw badRequest('invalid_phone', { phone: q.phone });
        }
        const sort = q.sort ?? 'newest';
        const limit = q.limit ?? 20;
        const filters: ListFilters = {
          unitPath,
          statuses: splitList('status', q.status, petitionStatuses),
          kinds: splitList('kind', q.kind, petitionKinds),
          category: q.category,
          channels: splitList('channel', q.channel, channels),
          assignedToMe: q.assignedTo === 'me',
          leadByMe: q.leader === 'me',
          awaitingApproval: q.awaitingApproval,
          overdue: q.overdue,
          dueBefore: q.dueBefore !== undefined ? parseWhen('dueBefore', q.dueBefore) : undefined,
          phone,
          tsquery: q.q !== undefined ? toTsquery(q.q) : undefined,
          sort,
          after: q.cursor !== undefined ? decodeCursor(q.cursor, readCursor(sort)) : undefined,
          limit: limit + 1,
          now,
        };
        // Words that fold to nothing (only punctuation) match nothing.
        if (q.q !== undefined && !filters.tsquery) return { items: [] };
        const rows = await listPetitions(ctx.db, actor, filters, ctx.database);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          items: page.map((row) => presentSummary(actor, row, now)),
          ...(rows.length > limit
            ? { next: encodeCursor(sort === 'due' ? { id: last.id, dueAt: last.due_at.toISOString() } : { id: last.id }) }
            : {}),
        };
      },
    );

    // A static segment: find-my-way prefers it to '/:id' whatever the order; kept before it for the reader.
    app.get(
      '/api/v1/petitions/mine',
      {
        config: { access: 'resident' },
        schema: {
          tags: ['petitions'],
          summary: "The signed-in resident's own petitions (raised while signed in), newest first",
          description: 'A merged petition shows the state, due time and unit of the case it joined. No content, nobody else\'s data.',
          querystring: MineQuery,
          response: { 200: MyPetitionList },
        },
      },
      async (request) => {
        const actor = request.actor as Resident;
        const limit = request.query.limit ?? 20;
        const after = request.query.cursor !== undefined ? decodeCursor(request.query.cursor, readCursor('newest')) : undefined;
        const rows = await residentPetitions(ctx.db, actor.id, { afterId: after?.id, limit: limit + 1 });
        const page = rows.slice(0, limit);
        return {
          items: page.map(presentMine),
          ...(rows.length > limit ? { next: encodeCursor({ id: page[page.length - 1].id }) } : {}),
        };
      },
    );

    app.get(
      '/api/v1/petitions/:id',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: 'One petition with its five clear items, timeline, attachments and the caller\'s abilities',
          params: IdParams,
          response: { 200: PetitionView },
        },
      },
      async (request) => petitionView(ctx, request.actor, request.params.id),
    );

    app.post(
      '/api/v1/petitions/:id/actions',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: 'Act on a petition: accept, reject, assign, start, answer, escalate, transfer, merge, extend, note, close, reopen, approve, return',
          description:
            '409 when the petition\'s state does not allow the action, or when `version` is given and the petition changed since; 403 outside the caller\'s units or roles. ' +
            'The answer is the petition as the caller now sees it; when the action took it out of the caller\'s sight (an escalation or a transfer out of their units), ' +
            'only an acknowledgement: its id, its status and `visible: false`.',
          params: IdParams,
          body: ActionBody,
          response: { 200: ActionOutcome },
        },
      },
      async (request) => {
        checkActionFields(request.body);
        const actor = request.actor as Official;
        await runAction(ctx, actor, request.params.id, request.body);
        const p = await findPetition(ctx.db, request.params.id);
        if (!p) throw notFound();
        return canSee(actor, p) ? viewOf(ctx, actor, p) : presentHandedOver(p, request.locale);
      },
    );

    app.get(
      '/api/v1/petitions/:id/candidates',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: 'The officials the assign action takes as handler (role=handler) or responsible leader (role=leader), least loaded first',
          description: '404 when the caller may not see the petition; 403 when they may not assign it. At most 500 officials on the petition\'s branch are considered.',
          params: IdParams,
          querystring: CandidatesQuery,
          response: { 200: CandidateList },
        },
      },
      async (request) => {
        const p = await findPetition(ctx.db, request.params.id);
        if (!p || !canSee(request.actor, p)) throw notFound();
        if (!canAssign(request.actor, p)) throw forbidden();
        const rows = await candidatesOnBranch(ctx.db, p.unit_path, candidateLimit);
        return { items: presentCandidates(p, rows, request.query.role, await reportedReach(ctx.db, p)) };
      },
    );

    await app.register(async (scope) => attachmentRoutes(scope as unknown as App, ctx));

    app.get(
      '/api/v1/deadline-policies',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: 'The deadline policy of each kind that holds at a unit (or the deployment defaults)',
          querystring: PolicyQuery,
          response: { 200: PolicyList },
        },
      },
      async (request) => ({ items: await effectivePolicies(ctx, request.query) }),
    );

    app.put(
      '/api/v1/deadline-policies/:kind',
      {
        config: { access: { roles: ['administrator', 'leader'] } },
        schema: {
          tags: ['petitions'],
          summary: 'Set the deadline policy of a kind for a unit and its subtree, or the deployment default (no unit)',
          params: PolicyParams,
          body: PolicyBody,
          response: { 200: PolicyView },
        },
      },
      async (request) => {
        const kind = request.params.kind as PetitionKind;
        await setDeadlinePolicy(ctx, request.actor, kind, request.body);
        const items = await effectivePolicies(ctx, { unit: request.body.unit, country: request.body.country });
        return items.find((p) => p.kind === kind && p.channel === (request.body.channel ?? null))!;
      },
    );

    app.get(
      '/api/v1/answer-approval',
      {
        config: { access: 'official' },
        schema: {
          tags: ['petitions'],
          summary: "Whether answers at a unit wait for the responsible leader's approval, and which unit's rule it is",
          querystring: ApprovalQuery,
          response: { 200: ApprovalView },
        },
      },
      async (request) => approvalView(ctx, request.query.unit),
    );

    app.put(
      '/api/v1/answer-approval/:unit',
      {
        config: { access: { roles: ['administrator', 'leader'] } },
        schema: {
          tags: ['petitions'],
          summary: "Require (or stop requiring) the leader's approval of answers at a unit and the units below it",
          params: ApprovalParams,
          body: ApprovalBody,
          response: { 200: ApprovalView },
        },
      },
      async (request) => {
        const unit = await setAnswerApproval(ctx, request.actor, request.params.unit, request.body.required);
        return approvalView(ctx, unit.code);
      },
    );

    app.delete(
      '/api/v1/deadline-policies/:kind',
      {
        config: { access: { roles: ['administrator', 'leader'] } },
        schema: {
          tags: ['petitions'],
          summary: "Remove a unit's own policy of a kind: the one above it holds again",
          params: PolicyParams,
          querystring: Type.Object(
            { unit: Type.String({ minLength: 1, maxLength: 64 }), channel: Type.Optional(Type.Enum([...channels])) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await removeDeadlinePolicy(ctx, request.actor, request.params.kind as PetitionKind, request.query.unit, request.query.channel ?? null);
        return reply.status(204).send(null);
      },
    );

  },
};
