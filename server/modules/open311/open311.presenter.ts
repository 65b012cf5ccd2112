/**
 * What leaves through Open311. A request carries no name, contact or address of the resident;
 * its text has phone and identity numbers masked; its place is rounded to about 100 m.
 */
import type { LocaleNames } from '../../schema.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { maskPersonalData } from '../../platform/personalData.ts';
import { open311Status } from './open311.policy.ts';
import type { RequestRow, ServiceRow, UpdateRow } from './open311.queries.ts';

export const nameIn = (names: LocaleNames | null | undefined, locale: Locale, fallback = ''): string =>
  names?.[locale] || names?.en || names?.vi || names?.zh || fallback;

export function presentService(s: ServiceRow, locale: Locale) {
  return {
    service_code: s.code,
    service_name: nameIn(s.names, locale, s.code),
    description: nameIn(s.descriptions, locale, nameIn(s.names, locale, s.code)),
    metadata: s.attributes.length > 0,
    type: 'realtime',
    keywords: s.keywords,
    group: s.service_group ?? '',
  };
}

export function presentDefinition(s: ServiceRow, locale: Locale) {
  return {
    service_code: s.code,
    attributes: [...s.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: '',
        order: a.order,
        description: nameIn(a.descriptions, locale, a.code),
        ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: nameIn(v.names, locale, v.key) })) } : {}),
      })),
  };
}

/** Rounded to 0.001° (about 100 m): a public request must not point at one house. */
const roundPlace = (v: number) => Math.round(v * 1000) / 1000;

export function presentRequest(r: RequestRow) {
  const status = open311Status(r.status);
  const answered = r.answer_publish && r.answer_text;
  return {
    service_request_id: r.tracking_code,
    status,
    status_notes: answered ? maskPersonalData(r.answer_text!) : '',
    service_name: r.service_name,
    service_code: r.service_code ?? '',
    description: maskPersonalData(r.title ? `${r.title}\n${r.body}` : r.body),
    agency_responsible: r.responsible_name,
    service_notice: '',
    requested_datetime: r.submitted_at,
    updated_datetime: r.updated_at,
    expected_datetime: status === 'open' ? r.due_at : '',
    address: '',
    address_id: '',
    zipcode: '',
    lat: r.location_lat === null ? '' : roundPlace(r.location_lat),
    long: r.location_lng === null ? '' : roundPlace(r.location_lng),
    media_url: r.media_url ?? '',
  };
}

/** A public timeline event as FixMyStreet's request_update. */
export function presentUpdate(u: UpdateRow, locale: Locale) {
  const showText = u.consent_to_publish && u.text && (u.type !== 'answered' || u.answer_publish);
  return {
    update_id: `e${u.id}`,
    service_request_id: u.tracking_code,
    status: open311Status(u.to_status ?? u.status),
    updated_datetime: u.at.toISOString(),
    description: showText ? maskPersonalData(u.text!) : translate('open311_update_happened', locale, { type: u.type }),
    media_url: '',
  };
}
