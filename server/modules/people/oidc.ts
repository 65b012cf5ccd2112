/**
 * Single sign-on for officials through an OpenID Connect provider: the authorization code flow
 * with PKCE (S256), a state and a nonce, done by `openid-client`. The provider's metadata is read
 * once (and again after a failure). What comes back is the claims; which official they name is
 * the sign-in command's business (commands/signInWithOidc.ts).
 */
import * as client from 'openid-client';
import type { OidcSettings } from '../../platform/config.ts';

/** What the browser keeps between leaving for the provider and coming back (an HttpOnly cookie). */
interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  /** The page of this app to open after signing in. */
  next: string;
  /** The redirect URI sent to the provider; the token request must repeat it. */
  redirectUri: string;
}

export type OidcClaims = Record<string, unknown>;

const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** The provider's metadata and this client at it; plain http only for a provider on this machine. */
  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const insecure = loopback.test(issuer);
      this.configuration = client.discovery(
        new URL(issuer),
        clientId,
        clientSecret,
        clientSecret ? undefined : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.configuration.catch(() => (this.configuration = null));
    }
    return this.configuration;
  }

  /** The provider's authorization URL for a new sign-in, and what to keep until the browser returns. */
  async begin(redirectUri: string, next: string): Promise<{ url: URL; pending: OidcPending }> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const pending: OidcPending = { state: client.randomState(), nonce: client.randomNonce(), verifier, next, redirectUri };
    const scope = ['openid', 'email', 'profile'].join(' ');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * The browser came back with `query` (the callback's query string): the code is exchanged with
   * the verifier, the ID token checked (signature, issuer, audience, nonce, times), and the
   * claims answered, completed from the userinfo endpoint (providers put e-mail and username
   * there when the ID token carries only the subject).
   */
  async complete(pending: OidcPending, query: string): Promise<OidcClaims> {
    const config = await this.config();
    const current = new URL(pending.redirectUri);
    current.search = query;
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider sent no ID token');
    const claims: OidcClaims = { ...idClaims };
    if (claims[this.settings.claim] === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      for (const [k, v] of Object.entries(info)) if (claims[k] === undefined) claims[k] = v;
    }
    return claims;
  }
}

const clients = new WeakMap<OidcSettings, OidcClient>();

/** One client per settings object: its metadata is read once per process. */
export function oidcClient(settings: OidcSettings): OidcClient {
  let found = clients.get(settings);
  if (!found) clients.set(settings, (found = new OidcClient(settings)));
  return found;
}

/** The pending sign-in as the cookie carries it, and back; anything malformed is no pending sign-in. */
export const encodePending = (p: OidcPending) => Buffer.from(JSON.stringify(p)).toString('base64url');

export function decodePending(value: string | undefined): OidcPending | null {
  if (!value) return null;
  try {
    const p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcPending>;
    const fields = [p.state, p.nonce, p.verifier, p.next, p.redirectUri];
    return fields.every((f) => typeof f === 'string' && f.length > 0 && f.length < 2000) ? (p as OidcPending) : null;
  } catch {
    return null;
  }
}
