/** The web app's session cookie, set the same way by every sign-in (password, one-time code, single sign-on). */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { sessionCookie } from '../../platform/sessions.ts';

/** Not readable by scripts, sent with same-site requests and top-level navigations, until the session expires. */
export function setSessionCookie(reply: FastifyReply, ctx: Pick<AppContext, 'config'>, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}
