import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { defaultPeriod, fetchYears, isoDate, yearToDate } from '../../app/figures.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { UnitPicker, useAsync } from '../../app/ui.tsx';
import { TextField, Form } from '../../app/components.tsx';

export interface Period {
  unit: string;
  from: string;
  to: string;
}

/**
 * The unit's years with figures, and the period to show: the link's, or else this year so far,
 * or the latest year with figures when this year has none. `period` is null while it is found.
 */
export function useFiguresPeriod(unit: string, query: URLSearchParams): { period: { from: string; to: string } | null; years: number[] } {
  const years = useAsync(() => (unit ? fetchYears(unit).catch(() => []) : Promise.resolve([])), [unit]);
  const from = query.get('from');
  const to = query.get('to');
  if (from && to) return { period: { from, to }, years: years.value ?? [] };
  if (!unit) return { period: yearToDate(), years: [] };
  return { period: years.value ? defaultPeriod(years.value) : null, years: years.value ?? [] };
}

/** Unit and period of the figures, with the usual periods and every year with figures one click away. */
export function PeriodForm({ value, years = [], onChange }: { value: Partial<Period>; years?: number[]; onChange(period: Period): void }) {
  const { t } = useI18n();
  const initialUnit = useAsync(
    () => (value.unit ? api.get<Unit>(`/units/${encodeURIComponent(value.unit)}`).catch(() => null) : Promise.resolve(null)),
    [value.unit],
  );
  const [unit, setUnit] = useState<Unit | null>(null);
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const [error, setError] = useState<string | null>(null);
  const chosen = unit ?? initialUnit.value ?? null;
  const today = new Date();
  const presets: Array<[string, string, string]> = [
    ['figures.thisMonth', isoDate(new Date(today.getFullYear(), today.getMonth(), 1)), isoDate(today)],
    ['figures.thisYear', `${today.getFullYear()}-01-01`, isoDate(today)],
    ['figures.lastYear', `${today.getFullYear() - 1}-01-01`, `${today.getFullYear() - 1}-12-31`],
    // Earlier years with figures, by their number (a fresh demo's 2023).
    ...years
      .filter((y) => y < today.getFullYear() - 1)
      .slice(0, 6)
      .map((y): [string, string, string] => [String(y), `${y}-01-01`, `${y}-12-31`]),
  ];
  const apply = (f: string, tt: string) => {
    if (!chosen) return setError(t('figures.errors.unit'));
    if (!f || !tt || f > tt) return setError(t('figures.errors.period'));
    setError(null);
    onChange({ unit: chosen.code, from: f, to: tt });
  };
  return (
    <Form
      class="form period-form"
      onSend={() => {
        apply(from, to);
      }}
    >
      <UnitPicker label={t('figures.unit')} value={chosen} onChange={setUnit} error={error === t('figures.errors.unit') ? error : null} required />
      <div class="row">
        <TextField label={t('figures.from')} error={error === t('figures.errors.period') ? error : null} type="date" value={from} onInput={setFrom} />
        <TextField label={t('figures.to')} type="date" value={to} onInput={setTo} />
      </div>
      <div class="button-row">
        <button type="submit" class="button primary">
          {t('figures.show')}
        </button>
        {presets.map(([label, f, tt]) => (
          <button
            key={label}
            type="button"
            class="button secondary"
            onClick={() => {
              setFrom(f);
              setTo(tt);
              apply(f, tt);
            }}
          >
            {/^\d{4}$/.test(label) ? label : t(label)}
          </button>
        ))}
      </div>
    </Form>
  );
}
