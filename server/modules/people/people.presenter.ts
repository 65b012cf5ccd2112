/** The fields of accounts that leave the server. Never a password hash, a code or a lock. */
import type { Static } from 'typebox';
import type { Locale } from '../../platform/i18n.ts';
import type { GrantRow, OfficialRow } from './people.queries.ts';
import type { GrantView, Me, OfficialView } from './people.schema.ts';

function presentGrant(g: GrantRow, locale: Locale): Static<typeof GrantView> {
  return {
    unit: g.unitCode === null ? null : { code: g.unitCode, name: g.unitNames?.[locale] ?? g.unitName ?? g.unitCode },
    role: g.role,
  };
}

/** Enough of an address to recognise it, not enough to use it: +84•••••5678, n•••@example.vn. */
function maskContact(phone: string | null, email: string | null): string | null {
  if (phone) return `${phone.slice(0, 3)}${'•'.repeat(Math.max(1, phone.length - 7))}${phone.slice(-4)}`;
  if (email) {
    const at = email.lastIndexOf('@');
    return `${email.slice(0, 1)}•••${email.slice(at)}`;
  }
  return null;
}

export function presentOfficial(row: OfficialRow, locale: Locale): OfficialView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    agency: row.agency_id,
    agencyName: row.agency_name,
    grants: row.grants.map((g) => presentGrant(g, locale)),
    disabled: row.disabled_at !== null,
    awaitingSetup: row.awaiting_setup,
    contact: maskContact(row.phone, row.email),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentMe(
  profile: {
    id: number;
    kind: 'official' | 'resident';
    name: string;
    username: string | null;
    phone: string | null;
    email: string | null;
    agency_id: number | null;
    agency_name: string | null;
    grants: GrantRow[];
  },
  session: { csrfToken: string; expiresAt: Date },
  locale: Locale,
): Static<typeof Me> {
  const common = { id: profile.id, name: profile.name, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  if (profile.kind === 'official') {
    return {
      kind: 'official',
      ...common,
      username: profile.username ?? '',
      agency: profile.agency_id,
      agencyName: profile.agency_name,
      grants: profile.grants.map((g) => presentGrant(g, locale)),
    };
  }
  return { kind: 'resident', ...common, phone: profile.phone, email: profile.email, grants: [] };
}
