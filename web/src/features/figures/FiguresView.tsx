/** The figures of a unit and period as numbers, charts and a table (public and staff pages). */
import { useState } from 'preact/hooks';
import { tOr, useI18n } from '../../app/i18n.ts';
import { fetchStats, rates } from '../../app/stats.ts';
import type { Stats } from '../../app/apiTypes.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';
import { Chart, type ChartOption } from './charts.tsx';
import { ChildUnits } from './ChildUnits.tsx';
import { hoursToAnswer, roundRate } from './format.ts';

/** A breakdown's count: a number, or the petitions received of an entry that has more figures. */
function countOf(value: number | { received?: number } | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.received ?? 0);
}

const palette = ['#0b4f8a', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#455a64'];

function breakdown(map: Stats['byChannel'], prefix: string): Array<{ key: string; label: string; value: number }> {
  return Object.entries(map ?? {})
    .map(([key, value]) => ({ key, label: tOr(`${prefix}.${key}`, key), value: countOf(value) }))
    .sort((a, b) => b.value - a.value);
}

function barOption(rows: Array<{ label: string; value: number }>, name: string): ChartOption {
  return {
    color: palette,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label).reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', name, data: rows.map((r) => r.value).reverse(), label: { show: true, position: 'right' } }],
  };
}

function Hours({ hours }: { hours: number }) {
  const { t, number } = useI18n();
  const shown = hoursToAnswer(hours);
  return <>{shown.underOne ? t('figures.underHour') : t('figures.hours', { count: shown.hours, hours: number(shown.hours) })}</>;
}

export function FiguresView({ unit, from, to }: { unit: string; from: string; to: string }) {
  const i = useI18n();
  const { t } = i;
  const [view, setView] = useState<'charts' | 'table'>('charts');
  const stats = useAsync(() => fetchStats(unit, from, to, 'month'), [unit, from, to]);

  if (stats.loading && !stats.value) return <Loading />;
  if (stats.error) return <Alert>{stats.error}</Alert>;
  const s = stats.value!;
  const r = rates(s);
  const series = { value: (s.series?.items ?? []).map((m) => ({ month: m.period, stats: m })), error: null as string | null };
  const channels = breakdown(s.byChannel, 'channel');
  const kinds = breakdown(s.byKind, 'kind');
  const categories = breakdown(s.byCategory, 'category');
  const rateRows = (['resolutionRate', 'onTimeRate', 'satisfactionRate', 'responseRate'] as const).map((key) => ({
    key,
    label: t(`figures.${key}`),
    value: roundRate(r[key]),
  }));

  const counts: Array<[string, number | undefined]> = [
    ['received', s.received],
    ['accepted', s.accepted],
    ['answered', s.answered],
    ['resolved', s.resolved],
    ['resolvedOnTime', s.resolvedOnTime],
    ['overdue', s.overdue],
    ['escalated', s.escalated],
    ['transferred', s.transferred],
    ['rated', s.rated],
    ['satisfied', s.satisfied],
    ['acceptable', s.acceptable],
    ['unsatisfied', s.unsatisfied],
  ];

  return (
    <div class="figures" data-testid="figures">
      <dl class="numbers">
        {counts
          .filter(([, v]) => v !== undefined)
          .map(([key, v]) => (
            <div key={key}>
              <dt>{t(`figures.${key}`)}</dt>
              <dd data-figure={key}>{i.number(v)}</dd>
              <dd class="definition">{t(`figures.def.${key}`)}</dd>
            </div>
          ))}
        {rateRows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd data-figure={row.key}>
              {i.percent(row.value)}
            </dd>
            <dd class="definition">{t(`figures.def.${row.key}`)}</dd>
          </div>
        ))}
        {s.medianHoursToAnswer !== undefined ? (
          <div>
            <dt>{t('figures.medianHoursToAnswer')}</dt>
            <dd data-figure="medianHoursToAnswer">
              {s.medianHoursToAnswer === null ? '—' : <Hours hours={s.medianHoursToAnswer} />}
            </dd>
            <dd class="definition">{t('figures.def.medianHoursToAnswer')}</dd>
          </div>
        ) : null}
      </dl>

      <div class="segmented" role="group" aria-label={t('figures.viewAs')}>
        <button type="button" aria-pressed={view === 'charts'} onClick={() => setView('charts')}>
          {t('figures.charts')}
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
          {t('figures.table')}
        </button>
      </div>

      {view === 'charts' ? (
        <div class="chart-grid">
          <section aria-labelledby="chart-time">
            <h3 id="chart-time">{t('figures.overTime')}</h3>
            {series.value ? (
              <Chart
                label={t('figures.overTimeSummary', {
                  received: i.number(s.received),
                  resolved: i.number(s.resolved),
                  months: series.value.length,
                })}
                option={{
                  color: palette,
                  tooltip: { trigger: 'axis' },
                  // Legend above the plot: on a phone it wraps to two lines, which below the
                  // axis ran into the month labels.
                  legend: { top: 0 },
                  grid: { left: 8, right: 16, top: 60, bottom: 8, containLabel: true },
                  xAxis: { type: 'category', data: series.value.map((m) => m.month) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: (['received', 'resolved', 'escalated'] as const).map((key) => ({
                    type: key === 'received' ? 'bar' : 'line',
                    name: t(`figures.${key}`),
                    data: series.value!.map((m) => m.stats[key] ?? 0),
                  })),
                }}
              />
            ) : series.error ? (
              <Alert>{series.error}</Alert>
            ) : (
              <Loading />
            )}
          </section>
          {[
            ['chart-channel', 'figures.byChannel', channels],
            ['chart-kind', 'figures.byKind', kinds],
            ['chart-category', 'figures.byCategory', categories],
          ].map(([id, title, rows]) => {
            const list = rows as ReturnType<typeof breakdown>;
            return (
              <section key={id as string} aria-labelledby={id as string}>
                <h3 id={id as string}>{t(title as string)}</h3>
                {list.length ? (
                  <Chart
                    label={list.map((row) => `${row.label}: ${i.number(row.value)}`).join('; ')}
                    option={barOption(list, t('figures.received'))}
                    height={Math.max(160, list.length * 36 + 40)}
                  />
                ) : (
                  <p class="muted">{t('figures.none')}</p>
                )}
              </section>
            );
          })}
          <section aria-labelledby="chart-rates">
            <h3 id="chart-rates">{t('figures.rates')}</h3>
            <Chart
              label={rateRows.map((row) => `${row.label}: ${i.percent(row.value)}`).join('; ')}
              height={220}
              option={{
                color: palette,
                tooltip: { trigger: 'axis' },
                grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
                xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                yAxis: { type: 'category', data: rateRows.map((row) => row.label).reverse() },
                series: [
                  {
                    type: 'bar',
                    name: t('figures.actual'),
                    // The rounded rate, labelled as the tiles write it.
                    data: rateRows.map((row) => (row.value === null ? 0 : row.value * 100)).reverse(),
                    label: { show: true, position: 'right', formatter: (p: { value: unknown }) => i.percent(Number(p.value) / 100) },
                  },
                ],
              }}
            />
          </section>
        </div>
      ) : (
        <div class="tables">
          <table>
            <caption>{t('figures.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.measure')}</th>
                <th scope="col">{t('figures.value')}</th>
              </tr>
            </thead>
            <tbody>
              {counts
                .filter(([, v]) => v !== undefined)
                .map(([key, v]) => (
                  <tr key={key}>
                    <th scope="row">{t(`figures.${key}`)}</th>
                    <td>{i.number(v)}</td>
                  </tr>
                ))}
              {rateRows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{i.percent(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {series.value ? (
            <table>
              <caption>{t('figures.overTime')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.month')}</th>
                  <th scope="col">{t('figures.received')}</th>
                  <th scope="col">{t('figures.resolved')}</th>
                  <th scope="col">{t('figures.escalated')}</th>
                </tr>
              </thead>
              <tbody>
                {series.value.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>{i.number(m.stats.received)}</td>
                    <td>{i.number(m.stats.resolved)}</td>
                    <td>{i.number(m.stats.escalated ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {[
            ['figures.byChannel', channels],
            ['figures.byKind', kinds],
            ['figures.byCategory', categories],
          ].map(([title, rows]) => (
            <table key={title as string}>
              <caption>{t(title as string)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.group')}</th>
                  <th scope="col">{t('figures.received')}</th>
                </tr>
              </thead>
              <tbody>
                {(rows as ReturnType<typeof breakdown>).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{i.number(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
      {unit ? <ChildUnits unit={unit} from={from} to={to} /> : null}
      {s.auditCheckpoint ? (
        <p class="muted audit-checkpoint" data-testid="audit-checkpoint">
          {t('figures.auditCheckpoint', { at: i.date(s.auditCheckpoint.at, true), id: s.auditCheckpoint.id, hash: s.auditCheckpoint.hash })}
        </p>
      ) : null}
    </div>
  );
}
