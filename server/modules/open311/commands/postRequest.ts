/**
 * A request an Open311 client posts: a petition through the one intake (so it gets its
 * deadlines, routing and notices like any other), linked to the client's key, the service and
 * the attribute values, in one transaction with its audit event.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { anonymous } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { keyActor, type ApiClient } from '../../api-keys/index.ts';
import { publicKinds, submitPetition, type IntakeBody } from '../../petitions/index.ts';
import type { ParsedRequest } from '../open311.policy.ts';
import { insertRequestLink, type ServiceRow } from '../open311.queries.ts';
import { nameIn } from '../open311.presenter.ts';

/** The attribute values as lines of the petition's text, so that officials read them with it. */
function attributeLines(service: ServiceRow, values: ParsedRequest['attributes'], locale: Locale): string[] {
  return service.attributes
    .filter((a) => values[a.code] !== undefined)
    .map((a) => {
      const v = values[a.code];
      const shown = (Array.isArray(v) ? v : [v]).map((key) => nameIn(a.values?.find((x) => x.key === key)?.names, locale, key));
      return `${nameIn(a.descriptions, locale, a.code)}: ${shown.join(', ')}`;
    });
}

export async function postRequest(
  ctx: AppContext,
  client: ApiClient,
  unit: { id: number; code: string },
  service: ServiceRow,
  req: ParsedRequest,
  locale: Locale,
): Promise<{ trackingCode: string; token: string }> {
  const at = ctx.clock.now();
  const body = [req.description, ...attributeLines(service, req.attributes, locale)].filter(Boolean).join('\n');
  const resident = { ...(req.name ? { name: req.name } : {}), ...(req.phone ? { phone: req.phone } : {}), ...(req.email ? { email: req.email } : {}) };
  const input: IntakeBody = {
    unit: unit.code,
    kind: service.kind,
    body,
    ...(service.category ? { category: service.category } : {}),
    channel: 'web',
    ...(Object.keys(resident).length ? { resident } : {}),
    location: { ...(req.lat !== undefined ? { lat: req.lat, lng: req.lng } : {}), ...(req.address ? { address: req.address } : {}) },
    // Open311 clients publish what residents report; the kinds that are never public stay unpublished.
    consentToPublish: publicKinds.includes(service.kind),
    language: locale,
  };
  const token = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    const submitted = await submitPetition({ ...ctx, db: trx }, anonymous, input);
    await insertRequestLink(trx, {
      petitionId: submitted.id,
      token,
      serviceId: service.id,
      apiKeyId: client.keyId,
      attributes: req.attributes,
      mediaUrl: req.mediaUrl ?? null,
      at,
    });
    await appendAudit(trx, {
      actor: keyActor(client),
      action: 'open311.request_posted',
      subjectType: 'petition',
      subjectId: submitted.id,
      unitId: unit.id,
      changes: { service: service.code, client: client.client, token },
      at,
    });
    return { trackingCode: submitted.trackingCode, token };
  });
}
