/**
 * The units directly below a unit side by side: received, and the three rates (on time,
 * resolved, satisfied), each column sortable. Each unit's figures are the public ones.
 */
import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { fetchStats, rates } from '../../app/stats.ts';
import { unitName, type Unit } from '../../app/types.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';
import { roundRate } from './format.ts';

type Column = 'received' | 'onTimeRate' | 'resolutionRate' | 'satisfactionRate';
const columns: Column[] = ['received', 'onTimeRate', 'resolutionRate', 'satisfactionRate'];
/** More units than this are not compared on one page (a province's communes: pick a district). */
const maxUnits = 60;

interface Row {
  unit: Unit;
  values: Record<Column, number | null>;
}

async function childFigures(code: string, from: string, to: string): Promise<{ rows: Row[]; more: boolean }> {
  const children = await api.get<List<Unit>>('/units', { parent: code, limit: maxUnits });
  const rows: Row[] = [];
  // A few at a time: the server answers each from its rollups, but a district has dozens of communes.
  for (let i = 0; i < children.items.length; i += 4) {
    const batch = children.items.slice(i, i + 4);
    const stats = await Promise.all(batch.map((u) => fetchStats(u.code, from, to)));
    batch.forEach((unit, j) => {
      const r = rates(stats[j]);
      rows.push({
        unit,
        values: {
          received: stats[j].received,
          onTimeRate: roundRate(r.onTimeRate),
          resolutionRate: roundRate(r.resolutionRate),
          satisfactionRate: roundRate(r.satisfactionRate),
        },
      });
    });
  }
  return { rows, more: !!children.next };
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
      <th scope="col" aria-sort={current ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          class="sort-button"
          onClick={() => setSort({ column, descending: current ? !sort.descending : column !== 'unit' })}
        >
          {label}
          <span aria-hidden="true">{current ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
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
      {more ? <p class="muted">{t('figures.childrenMore', { count: maxUnits })}</p> : null}
    </section>
  );
}
