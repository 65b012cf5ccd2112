/**
 * The units directly below a unit side by side: received, and the three rates (on time,
 * resolved, satisfied), each column sortable. One request answers every child
 * (GET /api/v1/figures/children): the same figures as each unit's own page.
 */
import { useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n.ts';
import { fetchChildFigures } from '../../app/figures.ts';
import type { UnitRef } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';
import { SortHeader } from '../../app/components.tsx';
import { roundRate } from './format.ts';

type Column = 'received' | 'onTimeRate' | 'resolutionRate' | 'satisfactionRate';
const columns: Column[] = ['received', 'onTimeRate', 'resolutionRate', 'satisfactionRate'];

interface Row {
  unit: UnitRef;
  values: Record<Column, number | null>;
}

async function childFigures(code: string, from: string, to: string): Promise<{ rows: Row[]; more: boolean }> {
  const answer = await fetchChildFigures(code, from, to);
  return {
    more: answer.more,
    rows: answer.items.map((item) => ({
      unit: item.unit,
      values: {
        received: item.received,
        onTimeRate: roundRate(item.onTimeRate),
        resolutionRate: roundRate(item.resolutionRate),
        satisfactionRate: roundRate(item.satisfactionRate),
      },
    })),
  };
}

export function ChildUnits({ unit, from, to }: { unit: string; from: string; to: string }) {
  const i = useI18n();
  const { t, locale } = i;
  const figures = useAsync(() => childFigures(unit, from, to), [unit, from, to]);
  const [sort, setSort] = useState<{ column: Column | 'unit'; descending: boolean }>({ column: 'onTimeRate', descending: true });
  if (figures.loading && !figures.value) return <Loading />;
  if (figures.error) return <Alert>{figures.error}</Alert>;
  const { rows, more } = figures.value!;
  if (!rows.length) return null;
  const collator = new Intl.Collator(locale);
  const sorted = [...rows].sort((a, b) => {
    if (sort.column === 'unit') return collator.compare(unitName(a.unit, locale), unitName(b.unit, locale)) * (sort.descending ? -1 : 1);
    const x = a.values[sort.column];
    const y = b.values[sort.column];
    // Units without a figure (nothing to divide) go last whichever the direction.
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return (x - y) * (sort.descending ? -1 : 1);
  });
  const header = (column: Column | 'unit', label: string) => {
    const current = sort.column === column;
    return (
      <SortHeader
        key={column}
        label={label}
        sort={current ? (sort.descending ? 'descending' : 'ascending') : 'none'}
        onSort={() => setSort({ column, descending: current ? !sort.descending : column !== 'unit' })}
        buttonClass="sort-button"
        marker
      />
    );
  };
  return (
    <section aria-labelledby="children-heading" class="child-units">
      <h3 id="children-heading">{t('figures.children')}</h3>
      <p class="hint">{t('figures.childrenHint')}</p>
      <div class="table-scroll">
        <table>
          <caption class="sr-only">{t('figures.children')}</caption>
          <thead>
            <tr>
              {header('unit', t('track.unit'))}
              {columns.map((c) => header(c, t(`figures.${c}`)))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.unit.code}>
                <th scope="row">{unitName(row.unit, locale)}</th>
                <td data-figure-of={`${row.unit.code}:received`}>{i.number(row.values.received)}</td>
                {columns.slice(1).map((c) => (
                  <td key={c}>{i.percent(row.values[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? <p class="muted">{t('figures.childrenMore', { count: rows.length })}</p> : null}
    </section>
  );
}
