/** The public ranking of the units below a unit, for residents on a phone: share satisfied with its interval, small units left out. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { Alert, Empty, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { Options } from '../../app/components.tsx';
import type { RankingView } from '../../../../server/modules/scorecards/scorecards.schema.ts';
import { periodChoices } from './shared.tsx';

/** Periods that have ended: last quarter, last year, and the months before this one. */
function endedPeriods(today = new Date()): string[] {
  const [, , lastQuarter, , lastYear] = periodChoices(today);
  const months: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return [lastQuarter, lastYear, ...months];
}

export default function RankingPage({ params, query }: PageProps) {
  const { t, locale, percent, number } = useI18n();
  const choices = endedPeriods();
  const [period, setPeriod] = useState(query.get('period') ?? choices[0]);
  const state = useAsync(() => api.get<RankingView>(`/rankings/${encodeURIComponent(params.code)}`, { period }), [params.code, period]);
  const lang = locale.startsWith('zh') ? 'zh' : locale;
  const r = state.value;
  return (
    <div class="page ranking-page">
      <PageTitle>{r ? t('scorecards.rankingOf', { unit: r.unit.names[lang] ?? r.unit.name }) : t('scorecards.rankingTitle')}</PageTitle>
      <label>
        {t('scorecards.period')}{' '}
        <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value)}>
          <Options choices={(choices.includes(period) ? choices : [period, ...choices]).map((p) => ({ value: p, label: p }))} />
        </select>
      </label>
      <p class="hint">{t('scorecards.rankingHint')}</p>
      {state.loading ? <Loading /> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      {r ? (
        <>
          {r.items.length ? (
            <ol class="ranking" aria-label={t('scorecards.rankingTitle')}>
              {r.items.map((u) => (
                <li key={u.unit.code} class="card ranking-item">
                  <strong>
                    {u.rank}. {u.unit.names[lang] ?? u.unit.name}
                  </strong>
                  <div class="ranking-bar" aria-hidden="true">
                    <span class="ranking-interval" style={{ left: `${u.low * 100}%`, width: `${(u.high - u.low) * 100}%` }} />
                    <span class="ranking-point" style={{ left: `${u.share * 100}%` }} />
                  </div>
                  <p class="small">{t('scorecards.rankingLine', { share: percent(u.share), low: percent(u.low), high: percent(u.high), n: number(u.n) })}</p>
                </li>
              ))}
            </ol>
          ) : (
            <Empty>{t('scorecards.rankingEmpty')}</Empty>
          )}
          <p class="hint">{t('scorecards.leftOut', { count: r.leftOut, min: r.minVolume })}</p>
        </>
      ) : null}
    </div>
  );
}
