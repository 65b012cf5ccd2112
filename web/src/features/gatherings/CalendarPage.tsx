import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { Alert, Empty, Loading, PageTitle, UnitPicker, useAsync } from '../../app/ui.tsx';
import { addMonths, gatheringTime, lastDay, monthHeading, thisMonth } from './format.ts';
import type { GatheringItem } from './types.ts';

/** The public calendar of a unit and the units below it, three months at a time, for residents on a phone. */
export default function CalendarPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const unit = query.get('unit') ?? '';
  const month = /^\d{4}-\d{2}$/.test(query.get('month') ?? '') ? query.get('month')! : thisMonth();
  const [picked, setPicked] = useState<Unit | null>(null);
  const list = useAsync(
    async () => (unit ? api.get<List<GatheringItem>>('/gatherings/public', { unit, from: `${month}-01`, to: lastDay(addMonths(month, 2)) }) : null),
    [unit, month],
  );
  const go = (u: string, m: string) => navigate(`/gatherings?unit=${encodeURIComponent(u)}&month=${m}`);
  const byMonth = new Map<string, GatheringItem[]>();
  for (const g of list.value?.items ?? []) {
    const key = g.localStart.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), g]);
  }
  return (
    <>
      <PageTitle>{t('gatherings.title')}</PageTitle>
      <p class="muted">{t('gatherings.intro')}</p>
      <UnitPicker
        label={t('gatherings.unit')}
        value={picked}
        onChange={(u) => {
          setPicked(u);
          if (u) go(u.code, month);
        }}
      />
      {unit ? (
        <div class="button-row">
          <a class="button secondary" href={`/gatherings?unit=${encodeURIComponent(unit)}&month=${addMonths(month, -3)}`}>
            {t('gatherings.earlier')}
          </a>
          <a class="button secondary" href={`/gatherings?unit=${encodeURIComponent(unit)}&month=${addMonths(month, 3)}`}>
            {t('gatherings.later')}
          </a>
          <a class="button secondary" href={`/api/v1/units/${encodeURIComponent(unit)}/gatherings/calendar.ics`}>
            {t('gatherings.subscribe')}
          </a>
        </div>
      ) : null}
      {list.loading && unit ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value && list.value.items.length === 0 ? <Empty>{t('gatherings.none')}</Empty> : null}
      {[...byMonth].map(([m, items]) => (
        <section key={m} aria-labelledby={`month-${m}`}>
          <h2 id={`month-${m}`}>{monthHeading(m, locale)}</h2>
          <ul class="cards">
            {items.map((g) => (
              <li key={g.id} class="card" data-testid="gathering">
                <p class="small muted">
                  {t(`gatherings.kind.${g.kind}`)} · {g.unit.name}
                </p>
                <h3>
                  <a href={`/gatherings/${g.id}`}>{g.title}</a>
                </h3>
                <p>{gatheringTime(g, locale)}</p>
                {g.place ? <p class="muted">{g.place}</p> : null}
                <p>
                  <span class={`badge badge-gathering-${g.state}`}>{t(`gatherings.state.${g.state}`)}</span>
                  {g.capacity !== null && g.state === 'planned' ? <span class="small"> · {t('gatherings.placesLeft', { count: Math.max(0, g.capacity - g.booked) })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
