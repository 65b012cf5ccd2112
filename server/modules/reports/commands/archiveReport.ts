/**
 * Produces a unit's report for a closed period, archives it (the figures as they are now and
 * the PDF in the unit's language, both versions) and e-mails the staff version to the unit's
 * leaders and its steering committee, if it has one, through the outbox (the archive notes how
 * many addresses it went to: none when nobody has one). An archived report is never produced
 * again nor changed (reports_frozen refuses updates): it states the figures as they were.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { loadCalendar, localDay, localDateTime } from '../../../platform/calendar.ts';
import { locales, type Locale } from '../../../platform/i18n.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import { attachmentParams, type AttachmentLoader } from '../../../platform/notify/attachments.ts';
import { resolveUnit, type UnitRecord } from '../../units/index.ts';
import { presentNames } from '../../../platform/i18n.ts';
import { buildReport } from '../reports.build.ts';
import { periodTitle, renderReportPdf, unitName } from '../reports.pdf.ts';
import { periodsClosedBefore, type Period } from '../reports.periods.ts';
import { findArchived, getArchived, insertArchived, unitById } from '../reports.queries.ts';
import { committeeOfUnit, leaderEmails, memberEmails, reportUnits } from '../committees.queries.ts';

const archiveActor = { kind: 'system' as const, label: 'reports-archive' };

/** The language a unit's archived reports are written in. */
function unitLocale(country: string): Locale {
  return country === 'VN' ? 'vi' : country === 'CN' ? 'zh' : 'en';
}

/** An archived report's PDF, attached to the e-mail that announces it. */
export const archivedReportFile: AttachmentLoader = async (ctx, id) => {
  const row = await getArchived(ctx.db, Number(id));
  if (!row) return undefined;
  const unit = await unitById(ctx.db, row.unit_id);
  return { filename: `report-${unit?.code ?? row.unit_id}-${row.period}-${row.audience}.pdf`.replace(/[^A-Za-z0-9_.-]/g, '_'), contentType: 'application/pdf', content: row.pdf };
};

export interface Archived {
  staff: number | undefined;
  public: number | undefined;
  mailed: number;
}

export async function archiveReport(ctx: AppContext, unit: UnitRecord, period: Period): Promise<Archived> {
  if (await findArchived(ctx.db, unit.id, period.key, 'staff')) return { staff: undefined, public: undefined, mailed: 0 };
  const at = ctx.clock.now();
  const locale = unitLocale(unit.country);
  const archivedAt = `${localDateTime(at, unit.timeZone)} (${unit.timeZone})`;
  const versions: Array<{ audience: 'staff' | 'public'; content: unknown; pdf: Buffer; sha256: string }> = [];
  for (const audience of ['staff', 'public'] as const) {
    const content = await buildReport(ctx, unit, period, audience);
    const pdf = await renderReportPdf(content, { locale, fontFile: ctx.config.reportFont, archivedAt });
    versions.push({ audience, content, pdf, sha256: crypto.createHash('sha256').update(pdf).digest('hex') });
  }
  const committee = await committeeOfUnit(ctx.db, unit.id);
  return ctx.db.transaction().execute(async (trx) => {
    // Its leaders and its committee's serving members, one mail per address; the archive notes
    // how many were sent (none when nobody has an address: the report is archived all the same).
    const recipients = new Map<string, string | null>();
    for (const r of [...(await leaderEmails(trx, unit.id)), ...(committee ? await memberEmails(trx, committee.id) : [])]) {
      if (!recipients.has(r.email.toLowerCase())) recipients.set(r.email.toLowerCase(), r.locale);
    }
    const ids: Record<'staff' | 'public', number | undefined> = { staff: undefined, public: undefined };
    for (const v of versions) {
      ids[v.audience] = await insertArchived(trx, {
        unitId: unit.id, period: period.key, from: period.from, to: period.to, audience: v.audience, locale, content: v.content, pdf: v.pdf, sha256: v.sha256, at, mailedTo: recipients.size,
      });
    }
    if (ids.staff === undefined) return { staff: undefined, public: undefined, mailed: 0 };
    let mailed = 0;
    for (const [email, own] of recipients) {
      const lang = own && (locales as readonly string[]).includes(own) ? (own as Locale) : locale;
      const ok = await enqueueNotification(trx, {
        channel: 'email',
        recipient: email,
        template: 'report_ready',
        locale: lang,
        params: { unit: unitName(lang, { name: unit.name, names: presentNames(unit.names) }), period: periodTitle(lang, period), ...attachmentParams([{ source: 'report', id: ids.staff }]) },
        dedupeKey: `report:${ids.staff}:mail:${email}`,
        at,
      });
      if (ok) mailed++;
    }
    await appendAudit(trx, {
      actor: archiveActor,
      action: 'report.archived',
      subjectType: 'report',
      subjectId: ids.staff,
      unitId: unit.id,
      changes: { period: period.key, public: ids.public, sha256: versions.map((v) => v.sha256), mailed, ...(recipients.size ? {} : { notSent: 'no recipient with an e-mail address' }) },
      at,
    });
    return { ...ids, mailed };
  });
}

/**
 * For every unit with a steering committee or a leader: on (or after) the first working day
 * after a month closes, the month's report — and the quarter's and the year's when they close
 * with it — archived, and sent to whoever of them has an e-mail address.
 */
export async function produceDueReports(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const calendar = await loadCalendar(ctx.db);
  let produced = 0;
  for (const c of await reportUnits(ctx.db)) {
    const today = localDay(now, c.time_zone);
    const closed = periodsClosedBefore(today);
    const place = { id: c.unit_id, path: c.unit_path, country: c.country, time_zone: c.time_zone };
    const firstWorkingDay = calendar.nextWorkingDay(closed[0].to, place);
    if (today < firstWorkingDay) continue;
    const unit = await resolveUnit(ctx.db, c.unit_code, now);
    // A retired unit's reports are its replacement's.
    if (!unit || unit.id !== c.unit_id) continue;
    for (const period of closed) {
      if ((await archiveReport(ctx, unit, period)).staff !== undefined) produced++;
    }
  }
  return produced;
}
