import { DataTable, type Column } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { PetitionSummary } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Empty, StatusBadge } from '../../app/ui.tsx';

/** Petitions as a table that turns into stacked rows on a phone. */
export function PetitionTable({ items, caption }: { items: PetitionSummary[]; caption: string }) {
  const { t, date, locale } = useI18n();
  if (!items.length) return <Empty>{t('inbox.empty')}</Empty>;
  const columns: Column<PetitionSummary>[] = [
    {
      header: t('inbox.code'),
      cell: (p) => (
        <>
          <a href={`/staff/petitions/${p.id}`} class="code">
            {p.trackingCode}
          </a>
          {p.urgent ? <span class="badge badge-urgent">{t('case.urgent')}</span> : null}
        </>
      ),
    },
    { header: t('inbox.subject'), cell: (p) => p.title || p.excerpt },
    { header: t('track.kind'), cell: (p) => t(`kind.${p.kind}`) },
    {
      header: t('track.status'),
      cell: (p) => (
        <>
          <StatusBadge status={p.status} />
          {p.awaitingApproval ? <span class="badge badge-pending"> {t('inbox.awaitingApproval')}</span> : null}
        </>
      ),
    },
    { header: t('track.unit'), cell: (p) => unitName(p.unit, locale) },
    {
      header: t('track.due'),
      cell: (p) => (
        <>
          {date(p.dueAt)} {p.overdue ? <span class="badge badge-overdue">{t('track.overdue')}</span> : null}
        </>
      ),
    },
    { header: t('case.handler'), cell: (p) => p.handler?.name ?? '—' },
  ];
  return <DataTable caption={caption} columns={columns} rows={items} rowKey={(p) => p.id} rowClass={(p) => (p.overdue ? 'row-overdue' : undefined)} />;
}
