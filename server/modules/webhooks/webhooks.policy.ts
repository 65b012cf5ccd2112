/** Who manages webhooks, and which events a subscription receives. */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { webhookManagers } from '../../contract/roleSets.ts';

export const canManageWebhook = (actor: Actor, unitPath: string) => hasRoleAt(actor, unitPath, webhookManagers);
export const webhookScope = (actor: Actor) => unitScope(actor, webhookManagers);

/**
 * A subscription receives an event of its subtree that happened after it was made (an event
 * without a unit only when it covers the whole deployment).
 */
export function subscriptionWants(s: { unit_path: string; created_at: Date }, e: { unit_path: string; occurred_at: Date }): boolean {
  return e.unit_path.startsWith(s.unit_path) && e.occurred_at >= s.created_at;
}

/** Webhook URLs: http or https, with a host, no credentials in them. */
export function acceptableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}
