import { Type, type TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../index.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { sessionCookie, type NewSession } from '../../platform/sessions.ts';
import { setSessionCookie } from './sessionCookie.ts';
import {
  CodeBody,
  CodeSent,
  CreateOfficialBody,
  IdParams,
  LoginBody,
  Me,
  OfficialAction,
  OfficialList,
  OfficialsQuery,
  OfficialView,
  SessionAnswer,
  SetupBody,
  VerifyBody,
} from './people.schema.ts';
import { officialsScope } from './people.policy.ts';
import { accountProfile, listOfficials, officialInScope } from './people.queries.ts';
import { requireUnitIfSent } from '../units/index.ts';
import { presentMe, presentOfficial } from './people.presenter.ts';
import { createOfficial } from './commands/createOfficial.ts';
import { signInOfficial, type SignedIn } from './commands/signInOfficial.ts';
import { setUpPassword } from './commands/setUpPassword.ts';
import { signOut } from './commands/signOut.ts';
import { sendSignInCode } from './commands/sendSignInCode.ts';
import { verifySignInCode } from './commands/verifySignInCode.ts';
import { grantRole } from './commands/grantRole.ts';
import { revokeRole } from './commands/revokeRole.ts';
import { resetPassword } from './commands/resetPassword.ts';
import { disableOfficial } from './commands/disableOfficial.ts';
import { enableOfficial } from './commands/enableOfficial.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { peopleMessages } from './people.messages.ts';
import { peopleTemplates } from './people.templates.ts';
import { peopleJobs } from './people.jobs.ts';
import { routesOf } from '../../platform/routes.ts';
import { officialManagers, officialReaders } from '../../contract/roleSets.ts';

/** A new session goes back twice: in the answer (for API clients) and as the cookie (for the web app). */
function answerWithSession(reply: FastifyReply, ctx: AppContext, session: NewSession) {
  setSessionCookie(reply, ctx, session);
  return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

/** The device cookie lets this browser keep its own allowance of sign-in attempts (signInAttempts.ts). */
const deviceCookie = 'zd_device';
const deviceCookieDays = 180;

function answerOfficialSignIn(reply: FastifyReply, ctx: AppContext, signedIn: SignedIn) {
  reply.setCookie(deviceCookie, signedIn.deviceToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    path: '/api/v1/auth',
    maxAge: deviceCookieDays * 86_400,
  });
  return answerWithSession(reply, ctx, signedIn.session);
}

const signInRequest = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
  deviceToken: request.cookies?.[deviceCookie],
});

function authRoutes(app: App, ctx: AppContext) {
  // Per address and per route, for signed-in callers too: a session must not buy more guesses.
  const signInLimit = { max: ctx.config.rateLimits.signInPerMinute, timeWindow: 60_000, allowList: () => false };
  const signInRoutes = routesOf(app, 'sign-in');
  /** The declaration of a sign-in step: open to anyone, and rate limited. */
  const signInStep = <B extends TSchema, R extends Record<number, TSchema>>(summary: string, body: B, response: R) => ({
    access: 'public' as const,
    rateLimit: signInLimit,
    summary,
    body,
    response,
  });

  signInRoutes.post(
    '/api/v1/auth/login',
    signInStep('An official signs in with username and password', LoginBody, { 200: SessionAnswer }),
    async (request, reply) => {
      const { username, password } = request.body;
      const signedIn = await signInOfficial(ctx, { username, password, ...signInRequest(request) });
      return answerOfficialSignIn(reply, ctx, signedIn);
    },
  );

  signInRoutes.post(
    '/api/v1/auth/setup',
    signInStep('An official sets their own password with the setup code sent to them, and is signed in', SetupBody, { 200: SessionAnswer }),
    async (request, reply) => {
      const { username, code, password } = request.body;
      const signedIn = await setUpPassword(ctx, { username, code, password, ...signInRequest(request) });
      return answerOfficialSignIn(reply, ctx, signedIn);
    },
  );

  signInRoutes.post(
    '/api/v1/auth/code',
    signInStep('A resident asks for a one-time sign-in code by SMS or e-mail', CodeBody, { 202: CodeSent }),
    async (request, reply) => {
      const sent = await sendSignInCode(ctx, { destination: request.body.destination, locale: request.body.locale ?? request.locale });
      reply.code(202);
      return { destination: sent.destination, channel: sent.channel, expiresAt: sent.expiresAt.toISOString() };
    },
  );

  signInRoutes.post(
    '/api/v1/auth/code/verify',
    signInStep('A resident signs in with the code; the first sign-in creates the account', VerifyBody, { 200: SessionAnswer }),
    async (request, reply) => {
      const { destination, code } = request.body;
      const session = await verifySignInCode(ctx, {
        destination,
        code,
        locale: request.locale,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return answerWithSession(reply, ctx, session);
    },
  );

  signInRoutes.post(
    '/api/v1/auth/logout',
    { access: 'signed_in', summary: 'Ends this session and clears the cookie', response: { 204: Type.Null() } },
    async (request, reply) => {
      if (request.session) await signOut(ctx, request.actor, request.session.token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  signInRoutes.get(
    '/api/v1/auth/me',
    { access: 'signed_in', summary: 'Who is signed in, with their roles and the CSRF token', response: { 200: Me } },
    async (request) => {
      const actor = request.actor;
      const profile = actor.kind === 'anonymous' ? undefined : await accountProfile(ctx.db, actor.id);
      if (!profile || !request.session) throw notFound();
      return presentMe(profile, request.session, request.locale);
    },
  );

  // The web app asks this on every first page: a visitor who is not signed in is an ordinary
  // answer (me: null), not a refusal that browsers log as an error.
  signInRoutes.get(
    '/api/v1/auth/session',
    {
      access: 'public',
      summary: 'The session of this browser, if any: who is signed in with the CSRF token, or null for a visitor',
      response: { 200: Type.Object({ me: Type.Union([Me, Type.Null()]) }) },
    },
    async (request) => {
      const actor = request.actor;
      const profile = actor.kind === 'anonymous' || !request.session ? undefined : await accountProfile(ctx.db, actor.id);
      return { me: profile && request.session ? presentMe(profile, request.session, request.locale) : null };
    },
  );
}

function officialRoutes(app: App, ctx: AppContext) {
  const officialsRoutes = routesOf(app, 'officials');

  officialsRoutes.post(
    '/api/v1/officials',
    {
      access: { roles: officialManagers },
      summary: 'Create an official with roles in units (administrators anywhere, leaders in their units)',
      body: CreateOfficialBody,
      response: { 201: OfficialView },
    },
    async (request, reply) => {
      const row = await createOfficial(ctx.db, request.actor, { ...request.body, locale: request.body.locale ?? request.locale }, ctx.clock.now());
      reply.code(201);
      return presentOfficial(row, request.locale);
    },
  );

  officialsRoutes.get(
    '/api/v1/officials',
    {
      access: { roles: officialReaders },
      summary: 'Officials holding a role in the caller’s units',
      querystring: OfficialsQuery,
      response: { 200: OfficialList },
    },
    async (request) => {
      const { unit, role, q, cursor, limit = 50 } = request.query;
      const unitPath = (await requireUnitIfSent(ctx.db, unit, ctx.clock.now()))?.path;
      const rows = await listOfficials(ctx.db, officialsScope(request.actor), {
        unitPath,
        role,
        q,
        afterId: idAfterCursor(cursor),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map((r) => presentOfficial(r, request.locale));
      return rows.length > limit ? { items, next: encodeCursor(rows[limit - 1].id) } : { items };
    },
  );

  officialsRoutes.get(
    '/api/v1/officials/:id',
    { access: { roles: officialReaders }, summary: 'One official', params: IdParams, response: { 200: OfficialView } },
    async (request) => {
      const row = await officialInScope(ctx.db, request.params.id, officialsScope(request.actor));
      if (!row) throw notFound();
      return presentOfficial(row, request.locale);
    },
  );

  officialsRoutes.post(
    '/api/v1/officials/:id/actions',
    {
      access: { roles: officialManagers },
      summary: 'grant, revoke, reset_password (a setup code goes to the official), disable or enable',
      params: IdParams,
      body: OfficialAction,
      response: { 200: OfficialView },
    },
    async (request) => {
      const { id } = request.params;
      const action = request.body;
      const actor = request.actor;
      const row = await (() => {
        switch (action.type) {
          case 'grant':
            return grantRole(ctx, actor, id, { unit: action.unit, role: action.role });
          case 'revoke':
            return revokeRole(ctx, actor, id, { unit: action.unit, role: action.role });
          case 'reset_password':
            return resetPassword(ctx, actor, id, request.locale);
          case 'disable':
            return disableOfficial(ctx, actor, id);
          case 'enable':
            return enableOfficial(ctx, actor, id);
        }
      })();
      return presentOfficial(row, request.locale);
    },
  );
}

export const peopleModule: Module = {
  name: 'people',
  messages: [peopleMessages],
  templates: [peopleTemplates],
  jobs: peopleJobs,
  routes(app, ctx) {
    authRoutes(app, ctx);
    oidcRoutes(app, ctx);
    officialRoutes(app, ctx);
  },
};
