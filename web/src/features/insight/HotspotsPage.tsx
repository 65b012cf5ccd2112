/**
 * Hotspots for the unit's leaders, dispatchers, administrators and auditors: each unusual
 * rise of a category (last week against the eight before) with the petitions behind it, in the
 * last eight weeks or in a month, quarter, year or range chosen with the reports' period
 * picker (?period=2026-03, the weeks that ended in it); and,
 * for administrators, how often the routing suggestion was right on held-out history.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { hasRole, useSession } from '../../app/session.ts';
import { Alert, Empty, Loading, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { RowTable, useSubmission } from '../../app/components.tsx';
import type { HotspotView, RoutingFigures } from '../../../../server/modules/insight/insight.schema.ts';
import { PeriodPickerForm } from '../reports/PeriodPicker.tsx';
import { lastClosed, periodRange } from '../reports/periods.ts';
import { modelKeepers } from '../../../../server/contract/roleSets.ts';

export default function HotspotsPage({ query }: PageProps) {
  const { t, date, number } = useI18n();
  const { me } = useSession();
  const period = query.get('period') ?? '';
  const range = period ? periodRange(period) : null;
  const hotspots = useAsync(() => api.get<{ items: HotspotView[] }>('/insight/hotspots', range ?? { weeks: 8 }), [period]);
  return (
    <>
      <PageTitle>{t('hotspots.title')}</PageTitle>
      <p class="lead">{t('hotspots.lead')}</p>
      <HotspotPeriod period={period} />
      {period && !range ? <Alert>{t('reports.errors.period')}</Alert> : null}
      {hotspots.loading && !hotspots.value ? <Loading /> : null}
      <Alert>{hotspots.error}</Alert>
      {hotspots.value && !hotspots.value.items.length ? <Empty>{range ? t('hotspots.noneInPeriod', range) : t('hotspots.none')}</Empty> : null}
      {hotspots.value?.items.map((h) => (
        <section key={h.id} class="hotspot card" aria-labelledby={`hotspot-${h.id}`} data-testid="hotspot">
          <h2 id={`hotspot-${h.id}`}>
            {h.unit.name}: {tOr(`category.${h.category}`, h.category)}
          </h2>
          <p>
            {t('hotspots.figure', { petitions: number(h.count), baseline: number(h.baseline), weekEnd: date(h.weekEnd) })}
          </p>
          {h.petitions.length ? (
            <ul class="unit-results">
              {h.petitions.map((p) => (
                <li key={p.id}>
                  <a href={`/staff/petitions/${p.id}`}>
                    <strong>{p.title}</strong> <StatusBadge status={p.status} />
                    <span class="muted small">{[p.trackingCode, t(`kind.${p.kind}`), date(p.submittedAt)].join(' · ')}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {hasRole(me, modelKeepers) ? <RoutingAccuracy /> : null}
    </>
  );
}

/** The period whose hotspots are shown: the reports' picker; the last eight weeks until one is chosen. */
function HotspotPeriod({ period }: { period: string }) {
  const { t } = useI18n();
  return (
    <PeriodPickerForm
      period={period || lastClosed('month')}
      testId="hotspot-period"
      check={(p) => (periodRange(p) ? null : t('reports.errors.period'))}
      onShow={(p) => navigate(`/staff/hotspots?period=${encodeURIComponent(p)}`)}
      after={
        period ? (
          <a class="button secondary" href="/staff/hotspots">
            {t('hotspots.lastWeeks')}
          </a>
        ) : null
      }
    />
  );
}

function RoutingAccuracy() {
  const { t, date, number, percent } = useI18n();
  const figures = useAsync(() => api.get<RoutingFigures>('/insight/routing'), []);
  const sending = useSubmission();
  const [queued, setQueued] = useState(false);
  const train = async () => setQueued(await sending.run(() => api.post('/insight/routing/train', {})));
  return (
    <section aria-labelledby="routing-accuracy" data-testid="routing-accuracy">
      <h2 id="routing-accuracy">{t('routing.accuracyHeading')}</h2>
      <p class="hint">{t('routing.accuracyLead')}</p>
      <Alert>{figures.error}</Alert>
      <Alert>{sending.error}</Alert>
      {queued ? <Alert kind="success">{t('routing.trainQueued')}</Alert> : null}
      {figures.value && !figures.value.models.length ? <Empty>{t('routing.noModel')}</Empty> : null}
      {figures.value?.models.length ? (
        <RowTable
          class="table"
          caption={t('routing.accuracyHeading')}
          captionClass="visually-hidden"
          headers={[t('routing.target'), t('routing.examples'), t('routing.heldOut'), t('routing.first'), t('routing.top3'), t('routing.baseline'), t('routing.trainedAt')]}
          rows={figures.value.models.map((m) => ({
            key: m.target,
            name: t(`routing.targets.${m.target}`),
            cells: [number(m.examples), number(m.heldOut), percent(m.accuracy), percent(m.top3Accuracy), percent(m.baseline), date(m.trainedAt, true)],
          }))}
        />
      ) : null}
      <button type="button" class="button secondary" onClick={train}>
        {t('routing.trainNow')}
      </button>
    </section>
  );
}
