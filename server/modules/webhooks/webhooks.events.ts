/**
 * The events subscribers may choose. Each is an audit action that says it happened, and a
 * function that says what subscribers receive about its subjects: never personal data, and
 * nothing at all (null) for a subject the subscribers may not know of, such as a confidential
 * kind of petition. Other modules list theirs in their module object's `webhookEvents`, which
 * registerModules() registers with `registerWebhookEvent`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';

export interface WebhookEventSource {
  /** The name subscribers choose, e.g. 'petition.assigned'. */
  name: string;
  /** The audit action (platform/audit.ts) recorded when it happens, e.g. 'petition.assign'. */
  auditAction: string;
  /** What goes out about each subject id of these events; null: nothing goes out about it. */
  describe(db: Kysely<DB>, subjectIds: string[]): Promise<Map<string, Record<string, unknown> | null>>;
}

const sources = new Map<string, WebhookEventSource>();

export function registerWebhookEvent(source: WebhookEventSource): void {
  const existing = sources.get(source.name);
  if (existing && existing !== source) throw new Error(`webhook event ${source.name} registered twice`);
  sources.set(source.name, source);
}

export const webhookEventNames = (): string[] => [...sources.keys()].sort();
export const webhookEventSources = (): WebhookEventSource[] => [...sources.values()];
export const isWebhookEvent = (name: string): boolean => sources.has(name);
