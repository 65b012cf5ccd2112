/** A unit's archived reports: each as it was produced, byte for byte. */
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import type { Static } from 'typebox';
import type { ArchiveList } from '../../../../server/modules/reports/reports.schema.ts';

export function Archive({ unit }: { unit: string }) {
  const { t, date } = useI18n();
  const list = useAsync(() => api.get<Static<typeof ArchiveList>>('/reports/archive', { unit }), [unit]);
  return (
    <section class="no-print" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('reports.archive')}</h2>
      <p class="hint">{t('reports.archiveLead')}</p>
      <Alert>{list.error}</Alert>
      {list.value && list.value.items.length === 0 ? <p class="muted">{t('reports.archiveEmpty')}</p> : null}
      {list.value && list.value.items.length ? (
        <ul class="archive-list" data-archive={unit}>
          {list.value.items.map((r) => (
            <li key={r.id}>
              <a href={`/api/v1/reports/archive/${r.id}/pdf`} download>
                {r.period}
              </a>{' '}
              · {r.audience === 'staff' ? t('reports.staffVersion') : t('reports.publicVersion')} · {r.locale} · {date(r.producedAt, true)}
              {r.mailedTo === null ? null : r.mailedTo ? ` · ${t('reports.archiveMailed', { count: r.mailedTo })}` : <span data-not-sent=""> · {t('reports.archiveNotSent')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
