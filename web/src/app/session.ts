/**
 * Who is signed in. The session itself is an HttpOnly cookie; the interface keeps the account
 * and the CSRF token that must go with every write.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, setCsrfToken } from './api.ts';
import type { Role } from '../../../server/contract/domain.ts';

export interface GrantView {
  unit: string | null;
  unitName?: string | null;
  role: Role;
}

export interface Me {
  kind: 'official' | 'resident';
  id: number;
  name: string;
  username?: string;
  phone?: string | null;
  email?: string | null;
  agency?: { id: number; name: string } | number | null;
  grants: GrantView[];
}

interface RawMe {
  kind?: string;
  id?: number;
  name?: string;
  username?: string;
  phone?: string | null;
  email?: string | null;
  agency?: Me['agency'];
  agencyId?: number | null;
  grants?: Array<{ unit?: string | null; unitCode?: string | null; unitName?: string | null; role: Role }>;
  csrfToken?: string;
  account?: RawMe;
  actor?: RawMe;
}

let current: Me | null = null;
let loaded = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function normalise(raw: RawMe): Me | null {
  const who = raw.account ?? raw.actor ?? raw;
  if (!who.kind || who.kind === 'anonymous' || who.id === undefined) return null;
  return {
    kind: who.kind === 'resident' ? 'resident' : 'official',
    id: who.id,
    name: who.name ?? '',
    username: who.username,
    phone: who.phone,
    email: who.email,
    agency: who.agency ?? who.agencyId ?? null,
    grants: (who.grants ?? []).map((g) => ({ unit: g.unit ?? g.unitCode ?? null, unitName: g.unitName, role: g.role })),
  };
}

/** Asks the server who this browser is; a missing or expired session is simply nobody. */
export async function refreshSession(): Promise<Me | null> {
  try {
    const { me: raw } = await api.get<{ me: RawMe | null }>('/auth/session');
    if (raw?.csrfToken) setCsrfToken(raw.csrfToken);
    else if (!raw) setCsrfToken(null);
    current = raw ? normalise(raw) : null;
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
  const answer = await api.post<{ csrfToken: string } & RawMe>('/auth/login', { username, password });
  setCsrfToken(answer.csrfToken);
  return refreshSession();
}

/** An official sets their own password with the setup code sent to them, and is signed in. */
export async function setUpOfficialPassword(username: string, code: string, password: string): Promise<Me | null> {
  const answer = await api.post<{ csrfToken: string }>('/auth/setup', { username, code, password });
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
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { me: current, loaded };
}

export function hasRole(me: Me | null, anyOf: readonly string[]): boolean {
  return !!me && me.kind === 'official' && me.grants.some((g) => anyOf.includes(g.role));
}

/** The units the official works in (codes), first grant first. */
export function myUnits(me: Me | null): string[] {
  if (!me) return [];
  return [...new Set(me.grants.map((g) => g.unit).filter((u): u is string => !!u))];
}
