/**
 * Who is signed in. The session itself is an HttpOnly cookie; the interface keeps the account
 * and the CSRF token that must go with every write.
 */
import { api, ApiError, setCsrfToken } from './api.ts';
import { changeSignal } from './changes.ts';
import type { Static } from 'typebox';
import type { Me as MeSchema, SessionAnswer } from '../../../server/modules/people/people.schema.ts';


/** The answer of GET /auth/session for a signed-in browser: the account with its CSRF token. */
type SignedIn = Static<typeof MeSchema>;

/** The account as the interface keeps it; its CSRF token goes to the API client. */
export type Me = Pick<SignedIn, 'kind' | 'id' | 'name' | 'username' | 'phone' | 'email' | 'agency' | 'grants'>;

let current: Me | null = null;
let loaded = false;
const { emit, useChanges } = changeSignal();

function accountOf(me: SignedIn): Me {
  return {
    kind: me.kind,
    id: me.id,
    name: me.name,
    username: me.username,
    phone: me.phone,
    email: me.email,
    agency: me.agency ?? null,
    grants: me.grants,
  };
}

/** Asks the server who this browser is; a missing or expired session is simply nobody. */
export async function refreshSession(): Promise<Me | null> {
  try {
    const { me } = await api.get<{ me: SignedIn | null }>('/auth/session');
    if (me?.csrfToken) setCsrfToken(me.csrfToken);
    else if (!me) setCsrfToken(null);
    current = me ? accountOf(me) : null;
  } catch (e) {
    current = null;
    // A refusal means no session; a network failure leaves the token for the next try.
    if (e instanceof ApiError && e.status !== 0) setCsrfToken(null);
  } finally {
    loaded = true;
    emit();
  }
  return current;
}

export async function signInOfficial(username: string, password: string): Promise<Me | null> {
  const answer = await api.post<Static<typeof SessionAnswer>>('/auth/login', { username, password });
  setCsrfToken(answer.csrfToken);
  return refreshSession();
}

/** An official sets their own password with the setup code sent to them, and is signed in. */
export async function setUpOfficialPassword(username: string, code: string, password: string): Promise<Me | null> {
  const answer = await api.post<Static<typeof SessionAnswer>>('/auth/setup', { username, code, password });
  setCsrfToken(answer.csrfToken);
  return refreshSession();
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } finally {
    setCsrfToken(null);
    current = null;
    emit();
  }
}

export function useSession(): { me: Me | null; loaded: boolean } {
  useChanges();
  return { me: current, loaded };
}

export function hasRole(me: Me | null, anyOf: readonly string[]): boolean {
  return !!me && me.kind === 'official' && me.grants.some((g) => anyOf.includes(g.role));
}

/** The units the official works in (codes), first grant first. */
export function myUnits(me: Me | null): string[] {
  if (!me) return [];
  return [...new Set(me.grants.flatMap((g) => (g.unit ? [g.unit.code] : [])))];
}
