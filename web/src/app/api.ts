/**
 * The typed client of the server's API. Every failure becomes an ApiError with a message a
 * person can read: the server's own (already in the interface's language) or ours.
 */
import { t } from './i18n.ts';
import type { ErrorCode } from '../../../server/contract/errorCodes.ts';

/**
 * A failure's code: one of the server's (server/contract/errorCodes.ts, so comparing with a code
 * the server does not answer fails the type check), or the client's own when no answer came.
 */
export type ApiErrorCode = ErrorCode | 'network' | `http_${number}`;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The server does not offer this route (a capability not installed yet). */
  get missingRoute(): boolean {
    return this.code === 'route_not_found';
  }
}

let language = 'vi';
let csrfToken: string | null = null;
try {
  csrfToken = sessionStorage.getItem('zd.csrf');
} catch {
  /* no storage: the token lives in memory only */
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** The CSRF token that goes with the session cookie (from the sign-in or "me" answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem('zd.csrf', token);
    else sessionStorage.removeItem('zd.csrf');
  } catch {
    /* kept in memory */
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface SendInit {
  query?: Query;
  body?: unknown;
  form?: FormData;
  file?: { data: Blob; type: string };
  headers?: Record<string, string>;
}

async function send<T>(method: string, path: string, init: SendInit): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...init.headers };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.file) {
    headers['content-type'] = init.file.type;
    body = init.file.data;
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${queryString(init.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | undefined)?.error;
    const message = error?.message || t(response.status >= 500 ? 'error.server' : 'error.http', { status: response.status });
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, message, error?.details);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, headers?: Record<string, string>) => send<T>('GET', path, { query, headers }),
  /** A file, for showing it in the page (an image behind the access key). */
  blob: async (path: string, headers?: Record<string, string>): Promise<Blob> => {
    const response = await fetch(`/api/v1${path}`, { headers, credentials: 'same-origin' });
    if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, t('error.http', { status: response.status }));
    return response.blob();
  },
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => send<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => send<T>('DELETE', path, {}),
  upload: <T>(path: string, form: FormData) => send<T>('POST', path, { form }),
  /** A file as the raw request body, its type as the Content-Type. */
  sendFile: <T>(path: string, file: File, query?: Query, headers?: Record<string, string>) =>
    send<T>('POST', path, { file: { data: file, type: file.type || 'application/octet-stream' }, query, headers }),
  /** A file that replaces the one at `path` (a directory photo). */
  putFile: <T>(path: string, file: File) => send<T>('PUT', path, { file: { data: file, type: file.type || 'application/octet-stream' } }),
};

/** A readable message for anything thrown, never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('error.unexpected');
}

export interface List<T> {
  items: T[];
  next?: string;
}
