import type { Locale } from '../../platform/i18n.ts';
import { renderTemplate } from '../../platform/notify/templates.ts';
import type { NoticeView } from './notices.schema.ts';
import type { NoticeRow } from './notices.queries.ts';

/** The notice in the reader's language; a template no longer defined still shows its name. */
export function presentNotice(row: NoticeRow, locale: Locale): NoticeView {
  let rendered: { subject: string; text: string };
  try {
    rendered = renderTemplate(row.template, locale, row.params);
  } catch {
    rendered = { subject: row.template, text: '' };
  }
  return {
    id: row.id,
    kind: row.template,
    title: rendered.subject,
    text: rendered.text,
    subject: row.subject_type && row.subject_id !== null ? { type: row.subject_type, id: row.subject_id } : null,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
