/** A unit's public staff directory: who works there and what they handle; a conduct report names one of them. */
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { Alert, Empty, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import type { StaffEntry } from './types.ts';

export function StaffDirectoryPage({ params }: PageProps) {
  const { t } = useI18n();
  const list = useAsync(() => api.get<{ unit: { code: string; name: string }; items: StaffEntry[] }>(`/units/${encodeURIComponent(params.code)}/staff`), [params.code]);
  const v = list.value;
  return (
    <>
      <PageTitle>{v ? t('conduct.directoryOf', { unit: v.unit.name }) : t('conduct.directoryTitle')}</PageTitle>
      <p class="lead">{t('conduct.directoryLead')}</p>
      {list.loading && !v ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {v && !v.items.length ? <Empty>{t('conduct.directoryEmpty')}</Empty> : null}
      {v?.items.length ? (
        <ul class="staff-directory">
          {v.items.map((e) => (
            <li key={e.id} class="staff-entry">
              {e.photo ? <img class="staff-photo" src={e.photo} alt={t('conduct.photoOf', { name: e.name })} width={96} height={96} loading="lazy" /> : null}
              <p class="staff-name">{e.name}</p>
              <p>{e.position ?? e.roles.map((r) => t(`role.${r}`)).join(', ')}</p>
              {e.agency ? <p class="muted">{e.agency.name}</p> : null}
              <p class="muted small">
                {t('conduct.handles')}: {e.roles.map((r) => t(`role.${r}`)).join(', ')}
              </p>
              <a href={`/petitions/new?unit=${encodeURIComponent(v.unit.code)}&kind=conduct_report&official=${e.id}`}>{t('conduct.reportThis', { name: e.name })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
