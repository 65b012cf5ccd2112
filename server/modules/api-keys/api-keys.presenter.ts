import type { ApiKeyRow } from './api-keys.queries.ts';
import type { ApiKeyView } from './api-keys.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A key as administrators see it: never the key, never its hash. */
export function presentApiKey(k: ApiKeyRow): ApiKeyView {
  return {
    id: Number(k.id),
    client: k.client,
    prefix: k.prefix,
    unit: k.unit_code === null ? null : { code: k.unit_code, name: k.unit_name ?? k.unit_code },
    perMinute: k.per_minute,
    createdAt: k.created_at.toISOString(),
    revokedAt: iso(k.revoked_at),
    lastUsedAt: iso(k.last_used_at),
  };
}
