/**
 * Open311's rules, pure: what a status means, which requests a caller may read, the period a
 * list covers, and what a posted request must hold.
 */
import { openStatuses, type PetitionKind, type PetitionStatus, petitionStatuses } from '../../contract/domain.ts';
import type { ServiceAttribute } from './open311.tables.ts';
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { serviceManagers } from '../../contract/roleSets.ts';

export const canDefineService = (actor: Actor, unitPath: string) => hasRoleAt(actor, unitPath, serviceManagers);

/** GeoReport has two statuses: a case still to be resolved is open; anything else is closed. */
export function open311Status(status: PetitionStatus): 'open' | 'closed' {
  return openStatuses.includes(status) ? 'open' : 'closed';
}

export function statusesOf(status: 'open' | 'closed'): PetitionStatus[] {
  return petitionStatuses.filter((s) => open311Status(s) === status);
}

/** What a list covers when the caller gives no dates, and the most it answers. */
const defaultDays = 90;
export const maxRequests = 1000;

/** The pagination extension: at most this many requests a page, and this many pages. */
const maxPageSize = maxRequests;
const maxPage = 1_000_000;

type Page = { limit: number; offset: number } | { error: 'page_size' | 'page'; max: number };

/**
 * page_size (1–1000) and page (1 = the first) of the GeoReport v2 pagination extension, whole
 * numbers. Without page_size a page is the specification's default, 1,000 requests.
 */
export function requestPage(pageSize: string | undefined, page: string | undefined): Page {
  const whole = (v: string, max: number) => (/^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : undefined);
  const size = pageSize === undefined ? maxRequests : whole(pageSize, maxPageSize);
  if (size === undefined) return { error: 'page_size', max: maxPageSize };
  const n = page === undefined ? 1 : whole(page, maxPage);
  if (n === undefined) return { error: 'page', max: maxPage };
  return { limit: size, offset: (n - 1) * size };
}

type Range = { from: Date; to: Date } | { error: 'start_date' | 'end_date' | 'range' };

/** start_date / end_date (W3C date-times); by default the last 90 days. */
export function requestRange(start: string | undefined, end: string | undefined, now: Date): Range {
  const parse = (v: string) => (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(v) ? new Date(v.replace(' ', 'T')) : new Date(NaN));
  const to = end === undefined ? now : parse(end);
  if (Number.isNaN(to.getTime())) return { error: 'end_date' };
  const from = start === undefined ? new Date(to.getTime() - defaultDays * 86_400_000) : parse(start);
  if (Number.isNaN(from.getTime())) return { error: 'start_date' };
  if (from > to) return { error: 'range' };
  return { from, to };
}

/** A comma-separated list of a query parameter, trimmed, without empties. */
export const commaList = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

/** The fields of a request row that decide who may read it. */
export interface Readable {
  kind: PetitionKind;
  status: PetitionStatus;
  consent_to_publish: boolean;
  case_id: number | null;
  api_key_id: number | null;
}

/**
 * Anyone may read a request that is public (a public kind, published with the resident's
 * consent, neither merged nor rejected); the client that sent a request may read it with its key.
 */
export function canReadRequest(r: Readable, publicKinds: readonly PetitionKind[], keyId: number | undefined): boolean {
  const isPublic = r.consent_to_publish && publicKinds.includes(r.kind) && r.case_id === null && r.status !== 'rejected' && r.status !== 'merged';
  return isPublic || (keyId !== undefined && r.api_key_id === keyId);
}

/** A form field: one value, or the first of repeated ones. */
export type Form = Record<string, string | string[] | undefined>;
export const one = (form: Form, key: string): string | undefined => {
  const v = form[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
};

export interface ParsedRequest {
  description: string;
  lat?: number;
  lng?: number;
  address?: string;
  email?: string;
  phone?: string;
  name?: string;
  mediaUrl?: string;
  attributes: Record<string, string | string[]>;
}

type FieldError = { field: string; problem: 'required' | 'invalid' | 'too_long' };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const mediaPattern = /^https?:\/\/\S+$/i;

/** Checks a posted request against the specification and the service's attributes. */
export function parseRequest(form: Form, attributes: readonly ServiceAttribute[]): { request: ParsedRequest } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (key: string, max: number) => {
    const v = one(form, key);
    if (v !== undefined && v.length > max) errors.push({ field: key, problem: 'too_long' });
    return v;
  };
  const number = (key: string, min: number, max: number) => {
    const v = one(form, key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || n < min || n > max) errors.push({ field: key, problem: 'invalid' });
    return n;
  };
  const lat = number('lat', -90, 90);
  const lng = number('long', -180, 180);
  const address = text('address_string', 500);
  if ((lat === undefined) !== (lng === undefined)) errors.push({ field: lat === undefined ? 'lat' : 'long', problem: 'required' });
  if (lat === undefined && lng === undefined && address === undefined && !one(form, 'address_id')) {
    errors.push({ field: 'lat', problem: 'required' });
  }
  const email = text('email', 254);
  if (email !== undefined && !emailPattern.test(email)) errors.push({ field: 'email', problem: 'invalid' });
  const phone = text('phone', 40);
  const name = [text('first_name', 100), text('last_name', 100)].filter(Boolean).join(' ') || undefined;
  const mediaUrl = text('media_url', 2000);
  if (mediaUrl !== undefined && !mediaPattern.test(mediaUrl)) errors.push({ field: 'media_url', problem: 'invalid' });
  const description = text('description', 4000);

  const values: Record<string, string | string[]> = {};
  for (const a of attributes) {
    const raw = form[`attribute[${a.code}]`];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter(Boolean);
    const field = `attribute[${a.code}]`;
    if (!list.length) {
      if (a.required) errors.push({ field, problem: 'required' });
      continue;
    }
    if (list.some((v) => v.length > 1000)) errors.push({ field, problem: 'too_long' });
    if (a.datatype === 'number' && list.some((v) => !/^-?\d+(\.\d+)?$/.test(v))) errors.push({ field, problem: 'invalid' });
    if (a.datatype === 'datetime' && list.some((v) => Number.isNaN(Date.parse(v)))) errors.push({ field, problem: 'invalid' });
    if ((a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') && list.some((v) => !a.values?.some((x) => x.key === v))) {
      errors.push({ field, problem: 'invalid' });
    }
    if (a.datatype !== 'multivaluelist' && list.length > 1) errors.push({ field, problem: 'invalid' });
    values[a.code] = a.datatype === 'multivaluelist' ? list : list[0];
  }
  if (!description && !Object.keys(values).length) errors.push({ field: 'description', problem: 'required' });
  if (errors.length) return { errors };
  return {
    request: {
      description: description ?? '',
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
      ...(address ? { address } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(phone ? { phone } : {}),
      ...(name ? { name } : {}),
      ...(mediaUrl ? { mediaUrl } : {}),
      attributes: values,
    },
  };
}

/** FixMyStreet's update statuses, as Open311's two. */
const closedUpdateStatuses = ['CLOSED', 'FIXED', 'DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'INTERNAL_REFERRAL'];
const openUpdateStatuses = ['OPEN', 'IN_PROGRESS', 'ACTION_SCHEDULED', 'INVESTIGATING', 'REOPEN'];
export function updateStatus(v: string | undefined): 'open' | 'closed' | undefined {
  const s = v?.toUpperCase();
  if (s && closedUpdateStatuses.includes(s)) return 'closed';
  if (s && openUpdateStatuses.includes(s)) return 'open';
  return undefined;
}
