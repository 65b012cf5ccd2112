/**
 * A month, quarter, year or range of days, named as the server names it (2026-03, 2026-Q1,
 * 2026, 2026-01-05..2026-02-10): the reports' period picker, also the hotspots page's.
 */
import { useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n.ts';
import { Field } from '../../app/ui.tsx';
import { kindOf, lastClosed, type PeriodKind } from './periods.ts';

export function PeriodPicker({ value, onChange }: { value: string; onChange(period: string): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PeriodKind>(kindOf(value));
  const change = (k: PeriodKind) => {
    setKind(k);
    onChange(k === 'custom' ? `${lastClosed('month')}-01..${lastClosed('month')}-28` : lastClosed(k));
  };
  const [from, to] = value.includes('..') ? value.split('..') : ['', ''];
  return (
    <>
      <Field label={t('reports.periodKind')}>
        {(ids) => (
          <select id={ids.id} value={kind} onChange={(e) => change((e.target as HTMLSelectElement).value as PeriodKind)}>
            {(['month', 'quarter', 'year', 'custom'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`reports.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'month' ? (
        <Field label={t('reports.kinds.month')}>
          {(ids) => <input id={ids.id} type="month" value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />}
        </Field>
      ) : null}
      {kind === 'quarter' ? (
        <Field label={t('reports.kinds.quarter')}>
          {(ids) => <input id={ids.id} type="text" inputMode="text" pattern="\d{4}-Q[1-4]" value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />}
        </Field>
      ) : null}
      {kind === 'year' ? (
        <Field label={t('reports.kinds.year')}>
          {(ids) => <input id={ids.id} type="number" min="1990" max="2999" value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />}
        </Field>
      ) : null}
      {kind === 'custom' ? (
        <>
          <Field label={t('reports.from')}>
            {(ids) => <input id={ids.id} type="date" value={from} onInput={(e) => onChange(`${(e.target as HTMLInputElement).value}..${to}`)} />}
          </Field>
          <Field label={t('reports.to')}>
            {(ids) => <input id={ids.id} type="date" value={to} onInput={(e) => onChange(`${from}..${(e.target as HTMLInputElement).value}`)} />}
          </Field>
        </>
      ) : null}
    </>
  );
}
