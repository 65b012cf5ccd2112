import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Unit } from '../../app/types.ts';
import { Alert, Empty, Loading, PageTitle, UnitPicker, useAsync } from '../../app/ui.tsx';
import type { Consultation, DeliberationFigures, MatterItem } from './types.ts';

/** A unit's matters and consultations, for residents on a phone. */
export default function DeliberationPage({ query }: PageProps) {
  const { t } = useI18n();
  const unit = query.get('unit') ?? '';
  const [picked, setPicked] = useState<Unit | null>(null);
  const data = useAsync(
    async () =>
      unit
        ? Promise.all([
            api.get<List<MatterItem>>('/matters', { unit, limit: 50 }),
            api.get<List<Consultation>>('/consultations', { unit }),
            api.get<DeliberationFigures>('/deliberation/figures', { unit }),
          ])
        : null,
    [unit],
  );
  return (
    <>
      <PageTitle>{t('delib.title')}</PageTitle>
      <p class="muted">{t('delib.intro')}</p>
      <UnitPicker label={t('delib.unit')} value={picked} onChange={(u) => { setPicked(u); if (u) navigate(`/deliberation?unit=${encodeURIComponent(u.code)}`); }} />
      {data.loading ? <Loading /> : null}
      <Alert>{data.error}</Alert>
      {data.value ? (
        <>
          <section aria-labelledby="consultations-heading">
            <h2 id="consultations-heading">{t('delib.consultations')}</h2>
            {data.value[1].items.length === 0 ? <Empty>{t('delib.none')}</Empty> : null}
            <ul class="cards">
              {data.value[1].items.map((k) => (
                <li key={k.id}>
                  <a href={`/deliberation/consultations/${k.id}`}>{k.title}</a> · {k.unitName} · {k.closed ? t('delib.closed') : t('delib.openUntil', { at: new Date(k.closesAt).toLocaleString() })}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="matters-heading">
            <h2 id="matters-heading">{t('delib.matters')}</h2>
            {data.value[0].items.length === 0 ? <Empty>{t('delib.none')}</Empty> : null}
            <ul class="cards">
              {data.value[0].items.map((m) => (
                <li key={m.id}>
                  <a href={`/deliberation/matters/${m.id}`}>{m.title}</a> · {t(`delib.content.${m.content}`)} · <strong>{t(`delib.stage.${m.stage}`)}</strong> · {m.unitName}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t('delib.figures')}</h2>
            <dl class="figures">
              <dt>{t('delib.councils')}</dt><dd>{data.value[2].councils}</dd>
              <dt>{t('delib.members')}</dt><dd>{data.value[2].members}</dd>
              {Object.entries(data.value[2].mattersByContent).map(([content, n]) => (
                <>
                  <dt>{t(`delib.content.${content}`)}</dt><dd>{n}</dd>
                </>
              ))}
              <dt>{t('delib.passed')}</dt><dd>{data.value[2].resolutionsPassed}</dd>
              <dt>{t('delib.accepted')}</dt><dd>{data.value[2].inspectionsAccepted}</dd>
            </dl>
          </section>
        </>
      ) : null}
    </>
  );
}
