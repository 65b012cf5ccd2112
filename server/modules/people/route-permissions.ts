/**
 * Every /api route must say who may call it (config.access). The platform already refuses an
 * undeclared route at run time; this check finds one before it ships.
 */
import { type Access } from '../../platform/access.ts';
import { roles } from '../../contract/domain.ts';

export interface RouteDeclaration {
  method: string | string[];
  url: string;
  config?: unknown;
}

export function isAccess(value: unknown): value is Access {
  if (value === 'public' || value === 'signed_in' || value === 'resident' || value === 'official') return true;
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const list = (value as { roles?: unknown }).roles;
  return (
    keys.length === 1 &&
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((r) => (roles as readonly unknown[]).includes(r))
  );
}

/** "METHOD /url" of each /api route whose access is missing or not a valid Access value. */
export function undeclaredApiRoutes(routes: RouteDeclaration[]): string[] {
  return routes
    .filter((r) => r.url === '/api' || r.url.startsWith('/api/'))
    .filter((r) => !isAccess((r.config as { access?: unknown } | undefined)?.access))
    .map((r) => `${[r.method].flat().join(',')} ${r.url}`);
}
