/**
 * The two legs of single sign-on in the browser: leaving for the provider, and coming back.
 * Both are page navigations, so both answer with redirects: to the provider, to the page the
 * official wanted, or to the sign-in page with the reason for a refusal (`/sign-in?sso=…`).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { setSessionCookie } from './sessionCookie.ts';
import { OidcCallbackQuery, OidcStartQuery } from './people.schema.ts';
import { decodePending, encodePending, oidcClient } from './oidc.ts';
import { SsoRefused, signInWithOidc } from './commands/signInWithOidc.ts';
import { routesOf } from '../../platform/routes.ts';

const pendingCookie = 'zd_oidc';
const pendingPath = '/api/v1/auth/oidc';
/** How long the browser may take at the provider. */
const pendingSeconds = 600;

/** Only paths of this app, so a crafted link cannot send the browser elsewhere after signing in. */
export const safeNext = (next: string | undefined) =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/staff';

const refusedPage = (reason: string) => `/sign-in?sso=${encodeURIComponent(reason)}`;

export function oidcRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'sign-in');
  const settings = ctx.config.oidc;
  const redirectUriOf = (request: FastifyRequest) =>
    settings?.redirectUri ?? `${request.protocol}://${request.host}${pendingPath}/callback`;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies, path: pendingPath };

  routes.get(
    `${pendingPath}/start`,
    {
      access: 'public',
      summary: 'An official leaves for the single sign-on provider (authorization code flow with PKCE); 404 when none is set',
      querystring: OidcStartQuery,
      response: { 302: Type.Null() },
    },
    async (request, reply) => {
      if (!settings) throw notFound();
      let begun;
      try {
        begun = await oidcClient(settings).begin(redirectUriOf(request), safeNext(request.query.next));
      } catch (err) {
        request.log.warn({ err }, 'the single sign-on provider cannot be reached');
        return reply.redirect(refusedPage('sso_unavailable'), 302);
      }
      reply.setCookie(pendingCookie, encodePending(begun.pending), { ...cookieOptions, maxAge: pendingSeconds });
      return reply.redirect(begun.url.href, 302);
    },
  );

  routes.get(
    `${pendingPath}/callback`,
    {
      access: 'public',
      summary: 'The provider sends the official back: the claims must name an existing, enabled official, who is then signed in',
      querystring: OidcCallbackQuery,
      response: { 302: Type.Null() },
    },
    async (request, reply) => {
      if (!settings) throw notFound();
      const pending = decodePending(request.cookies?.[pendingCookie]);
      reply.clearCookie(pendingCookie, { path: pendingPath });
      if (request.query.error) return reply.redirect(refusedPage(request.query.error === 'access_denied' ? 'sso_cancelled' : 'sso_failed'), 302);
      if (!pending) return reply.redirect(refusedPage('sso_failed'), 302);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      let claims;
      try {
        claims = await oidcClient(settings).complete(pending, query);
      } catch (err) {
        request.log.warn({ err }, 'a single sign-on answer was refused');
        return reply.redirect(refusedPage('sso_failed'), 302);
      }
      try {
        const { session } = await signInWithOidc(ctx, settings, claims, { ip: request.ip, userAgent: request.headers['user-agent'] });
        setSessionCookie(reply, ctx, session);
        return reply.redirect(pending.next, 302);
      } catch (err) {
        if (!(err instanceof SsoRefused)) throw err;
        request.log.info({ reason: err.reason, claim: settings.claim }, 'single sign-on refused');
        return reply.redirect(refusedPage(err.reason), 302);
      }
    },
  );
}
