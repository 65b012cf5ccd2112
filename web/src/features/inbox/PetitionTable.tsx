import { useI18n } from '../../app/i18n.ts';
import type { PetitionSummary } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Empty, StatusBadge } from '../../app/ui.tsx';

/** Petitions as a table that turns into stacked rows on a phone. */
export function PetitionTable({ items, caption }: { items: PetitionSummary[]; caption: string }) {
  const { t, date, locale } = useI18n();
  if (!items.length) return <Empty>{t('inbox.empty')}</Empty>;
  return (
    <table class="list-table">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inbox.code')}</th>
          <th scope="col">{t('inbox.subject')}</th>
          <th scope="col">{t('track.kind')}</th>
          <th scope="col">{t('track.status')}</th>
          <th scope="col">{t('track.unit')}</th>
          <th scope="col">{t('track.due')}</th>
          <th scope="col">{t('case.handler')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => {
          const overdue = p.overdue;
          return (
            <tr key={p.id} class={overdue ? 'row-overdue' : undefined}>
              <td data-label={t('inbox.code')}>
                <a href={`/staff/petitions/${p.id}`} class="code">
                  {p.trackingCode}
                </a>
                {p.urgent ? <span class="badge badge-urgent">{t('case.urgent')}</span> : null}
              </td>
              <td data-label={t('inbox.subject')} class="subject">
                {p.title || p.excerpt}
              </td>
              <td data-label={t('track.kind')}>{t(`kind.${p.kind}`)}</td>
              <td data-label={t('track.status')}>
                <StatusBadge status={p.status} />
                {p.awaitingApproval ? <span class="badge badge-pending"> {t('inbox.awaitingApproval')}</span> : null}
              </td>
              <td data-label={t('track.unit')}>{unitName(p.unit, locale)}</td>
              <td data-label={t('track.due')}>
                {date(p.dueAt)} {overdue ? <span class="badge badge-overdue">{t('track.overdue')}</span> : null}
              </td>
              <td data-label={t('case.handler')}>{p.handler?.name ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
