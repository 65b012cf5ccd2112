import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { isoDate } from '../../app/stats.ts';
import type { Unit } from '../../app/types.ts';
import { Field, UnitPicker, useAsync } from '../../app/ui.tsx';

export interface Period {
  unit: string;
  from: string;
  to: string;
}

/** Unit and period of the figures, with the usual periods one click away. */
export function PeriodForm({ value, onChange }: { value: Partial<Period>; onChange(period: Period): void }) {
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
  ];
  const apply = (f: string, tt: string) => {
    if (!chosen) return setError(t('figures.errors.unit'));
    if (!f || !tt || f > tt) return setError(t('figures.errors.period'));
    setError(null);
    onChange({ unit: chosen.code, from: f, to: tt });
  };
  return (
    <form
      class="form period-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply(from, to);
      }}
    >
      <UnitPicker label={t('figures.unit')} value={chosen} onChange={setUnit} error={error === t('figures.errors.unit') ? error : null} required />
      <div class="row">
        <Field label={t('figures.from')} error={error === t('figures.errors.period') ? error : null}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
          )}
        </Field>
        <Field label={t('figures.to')}>
          {({ id }) => <input id={id} type="date" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />}
        </Field>
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
            {t(label)}
          </button>
        ))}
      </div>
    </form>
  );
}
