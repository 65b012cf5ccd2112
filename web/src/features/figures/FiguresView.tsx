/** The figures of a unit and period as numbers, charts and a table (public and staff pages). */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { tOr, useI18n } from '../../app/i18n.ts';
import { fetchFigures, rates } from '../../app/figures.ts';
import type { UnitFigures } from '../../app/apiTypes.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';
import { RowTable } from '../../app/components.tsx';
import { Chart, type ChartOption } from './charts.tsx';
import { ChildUnits } from './ChildUnits.tsx';
import { hoursToAnswer, roundRate } from './format.ts';

/** A breakdown's count: a number, or the petitions received of an entry that has more figures. */
function countOf(value: number | { received?: number } | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.received ?? 0);
}

const palette = ['#0b4f8a', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#455a64'];

function breakdown(map: UnitFigures['byChannel'], prefix: string): Array<{ key: string; label: string; value: number }> {
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
  const loaded = useAsync(() => fetchFigures(unit, from, to, 'month'), [unit, from, to]);

  if (loaded.loading && !loaded.value) return <Loading />;
  if (loaded.error) return <Alert>{loaded.error}</Alert>;
  const s = loaded.value!;
  const r = rates(s);
  const series = { value: (s.series?.items ?? []).map((m) => ({ month: m.period, figures: m })), error: null as string | null };
  const channels = breakdown(s.byChannel, 'channel');
  const kinds = breakdown(s.byKind, 'kind');
  const categories = breakdown(s.byCategory, 'category');
  const rateRows = (['resolutionRate', 'onTimeRate', 'satisfactionRate', 'responseRate'] as const).map((key) => ({
    key,
    label: t(`figures.${key}`),
    value: roundRate(r[key]),
  }));

  const counts = ['received', 'accepted', 'answered', 'resolved', 'resolvedOnTime', 'overdue', 'escalated', 'transferred', 'rated', 'satisfied', 'acceptable', 'unsatisfied'] as const;
  // The counts the server gave and the rates, as tiles and as the first table.
  const figures: Array<{ key: string; label: string; value: ComponentChildren }> = [
    ...counts.filter((key) => s[key] !== undefined).map((key) => ({ key, label: t(`figures.${key}`), value: i.number(s[key]) })),
    ...rateRows.map((row) => ({ key: row.key, label: row.label, value: i.percent(row.value) })),
  ];
  const median = s.medianHoursToAnswer;
  const tiles =
    median === undefined
      ? figures
      : [...figures, { key: 'medianHoursToAnswer', label: t('figures.medianHoursToAnswer'), value: median === null ? '—' : <Hours hours={median} /> }];
  const breakdowns = [
    { id: 'chart-channel', title: t('figures.byChannel'), rows: channels },
    { id: 'chart-kind', title: t('figures.byKind'), rows: kinds },
    { id: 'chart-category', title: t('figures.byCategory'), rows: categories },
  ];

  return (
    <div class="figures" data-testid="figures">
      <dl class="numbers">
        {tiles.map((tile) => (
          <div key={tile.key}>
            <dt>{tile.label}</dt>
            <dd data-figure={tile.key}>{tile.value}</dd>
            <dd class="definition">{t(`figures.def.${tile.key}`)}</dd>
          </div>
        ))}
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
                    data: series.value!.map((m) => m.figures[key] ?? 0),
                  })),
                }}
              />
            ) : series.error ? (
              <Alert>{series.error}</Alert>
            ) : (
              <Loading />
            )}
          </section>
          {breakdowns.map(({ id, title, rows }) => (
            <section key={id} aria-labelledby={id}>
              <h3 id={id}>{title}</h3>
              {rows.length ? (
                <Chart label={rows.map((row) => `${row.label}: ${i.number(row.value)}`).join('; ')} option={barOption(rows, t('figures.received'))} height={Math.max(160, rows.length * 36 + 40)} />
              ) : (
                <p class="muted">{t('figures.none')}</p>
              )}
            </section>
          ))}
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
          <RowTable
            caption={t('figures.countsCaption')}
            headers={[t('figures.measure'), t('figures.value')]}
            rows={figures.map((f) => ({ key: f.key, name: f.label, cells: [f.value] }))}
          />
          {series.value ? (
            <RowTable
              caption={t('figures.overTime')}
              headers={[t('figures.month'), t('figures.received'), t('figures.resolved'), t('figures.escalated')]}
              rows={series.value.map((m) => ({ key: m.month, name: m.month, cells: [i.number(m.figures.received), i.number(m.figures.resolved), i.number(m.figures.escalated ?? 0)] }))}
            />
          ) : null}
          {breakdowns.map(({ title, rows }) => (
            <RowTable
              key={title}
              caption={title}
              headers={[t('figures.group'), t('figures.received')]}
              rows={rows.map((row) => ({ key: row.key, name: row.label, cells: [i.number(row.value)] }))}
            />
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
