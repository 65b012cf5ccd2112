/** A leader's (or auditor's) view of a unit: its own scorecard and its officials' totals and grades. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { useSession } from '../../app/session.ts';
import { Alert, Empty, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { GradeBadge, PeriodControl, ScorecardTable, periodChoices, validPeriod, type ScorecardView } from './shared.tsx';

interface Officials {
  items: { id: number; name: string; position: string | null; total: number | null; grade: string | null }[];
}

export default function UnitScorecardsPage({ query }: PageProps) {
  const { t, number } = useI18n();
  const { me } = useSession();
  const units = (me?.grants ?? []).filter((g) => (g.role === 'leader' || g.role === 'auditor') && g.unit).map((g) => ({ code: g.unit!, name: g.unitName ?? g.unit! }));
  const [unit, setUnit] = useState(query.get('unit') ?? units[0]?.code ?? '');
  const initial = query.get('period');
  const [period, setPeriod] = useState(initial && validPeriod(initial) ? initial : periodChoices()[1]);
  const path = `/scorecards/units/${encodeURIComponent(unit)}`;
  const card = useAsync(() => (unit ? api.get<ScorecardView>(path, { period }) : Promise.resolve(undefined)), [unit, period]);
  const team = useAsync(() => (unit ? api.get<Officials>(`${path}/officials`, { period }) : Promise.resolve(undefined)), [unit, period]);
  return (
    <div class="page">
      <PageTitle>{t('scorecards.unitTitle')}</PageTitle>
      {units.length > 1 ? (
        <Field label={t('scorecards.unit')}>
{(f) => (
<select id={f.id} aria-describedby={f.describedBy} value={unit} onChange={(e) => setUnit((e.target as HTMLSelectElement).value)}>
            {units.map((u) => (
              <option value={u.code} key={u.code}>
                {u.name}
              </option>
            ))}
          </select>
)}
</Field>
      ) : null}
      {!unit ? <Empty>{t('scorecards.noUnit')}</Empty> : null}
      <PeriodControl value={period} onChange={setPeriod} />
      <h2>{t('scorecards.officials')}</h2>
      {team.loading ? <Loading /> : null}
      {team.error ? <Alert>{team.error}</Alert> : null}
      {team.value ? (
        team.value.items.length ? (
          <table class="table" aria-label={t('scorecards.officials')}>
            <thead>
              <tr>
                <th>{t('scorecards.official')}</th>
                <th>{t('scorecards.position')}</th>
                <th>{t('scorecards.total')}</th>
                <th>{t('scorecards.gradeLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {team.value.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={`/staff/scorecards/officials/${o.id}?period=${period}`}>{o.name}</a>
                  </td>
                  <td>{o.position ?? '—'}</td>
                  <td>{number(o.total)}</td>
                  <td>
                    <GradeBadge grade={o.grade} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>{t('scorecards.noOfficials')}</Empty>
        )
      ) : null}
      <h2>{t('scorecards.unitCard')}</h2>
      {card.loading ? <Loading /> : null}
      {card.error ? <Alert>{card.error}</Alert> : null}
      {card.value ? <ScorecardTable card={card.value} path={path} /> : null}
    </div>
  );
}
