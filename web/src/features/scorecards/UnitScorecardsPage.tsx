/** A leader's (or auditor's) view of a unit: its own scorecard and its officials' totals and grades. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { Alert, Empty, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { SelectField } from '../../app/components.tsx';
import type { Static } from 'typebox';
import type { UnitChoices, UnitOfficials } from '../../../../server/modules/scorecards/scorecards.schema.ts';
import { GradeBadge, PeriodControl, ScorecardTable, TableHead, periodChoices, validPeriod, type ScorecardView } from './shared.tsx';

type Officials = Static<typeof UnitOfficials>;

/**
 * The units whose scorecards the caller reads (their grants' units and every unit below, from the
 * server), narrowed by a search when there are many.
 */
function UnitPicker({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const choices = useAsync(async () => {
    const found = await api.get<UnitChoices>('/scorecards/units', search ? { q: search } : {});
    if (!value && found.items[0]) onChange(found.items[0].code);
    return found;
  }, [search]);
  const items = choices.value?.items ?? [];
  const nameOf = (u: UnitChoices['items'][number]) => u.names[serverLanguage(locale)] ?? u.name;
  if (choices.error) return <Alert>{choices.error}</Alert>;
  if (!choices.value) return choices.loading ? <Loading /> : null;
  if (!items.length && !search) return <Empty>{t('scorecards.noUnit')}</Empty>;
  // One unit and nothing below it: nothing to pick.
  if (items.length === 1 && !search && !choices.value.more) return null;
  return (
    <div class="unit-picker">
      <form
        class="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label>
          {t('scorecards.findUnit')}{' '}
          <input type="search" value={q} maxLength={100} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="btn btn-secondary">
          {t('scorecards.show')}
        </button>
      </form>
      <SelectField
        label={t('scorecards.unit')}
        hint={choices.value.more ? t('scorecards.moreUnits') : undefined}
        value={value}
        options={[
          // The unit asked for stays chosen while a search finds others.
          ...(items.some((u) => u.code === value) ? [] : [{ value, label: value || '—' }]),
          ...items.map((u) => ({ value: u.code, label: '\u00a0\u00a0'.repeat(Math.max(0, u.depth - items[0].depth)) + nameOf(u) })),
        ]}
        onChange={onChange}
      />
      {search && !items.length ? <Empty>{t('scorecards.noUnitFound')}</Empty> : null}
    </div>
  );
}

export default function UnitScorecardsPage({ query }: PageProps) {
  const { t, number } = useI18n();
  const [unit, setUnit] = useState(query.get('unit') ?? '');
  const initial = query.get('period');
  const [period, setPeriod] = useState(initial && validPeriod(initial) ? initial : periodChoices()[1]);
  const path = `/scorecards/units/${encodeURIComponent(unit)}`;
  const card = useAsync(() => (unit ? api.get<ScorecardView>(path, { period }) : Promise.resolve(undefined)), [unit, period]);
  const team = useAsync(() => (unit ? api.get<Officials>(`${path}/officials`, { period }) : Promise.resolve(undefined)), [unit, period]);
  return (
    <div class="page">
      <PageTitle>{t('scorecards.unitTitle')}</PageTitle>
      <UnitPicker value={unit} onChange={setUnit} />
      <PeriodControl value={period} onChange={setPeriod} />
      <h2>{t('scorecards.officials')}</h2>
      {team.loading ? <Loading /> : null}
      {team.error ? <Alert>{team.error}</Alert> : null}
      {team.value ? (
        team.value.items.length ? (
          <table class="table" aria-label={t('scorecards.officials')}>
            <TableHead labels={[t('scorecards.official'), t('scorecards.position'), t('scorecards.total'), t('scorecards.gradeLabel')]} />
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
