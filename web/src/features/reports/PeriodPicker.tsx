/**
 * A month, quarter, year or range of days, named as the server names it (2026-03, 2026-Q1,
 * 2026, 2026-01-05..2026-02-10): the reports' period picker, also the hotspots page's.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Field } from '../../app/ui.tsx';
import { SelectField, TextField } from '../../app/components.tsx';
import { kindOf, lastClosed, type PeriodKind } from './periods.ts';

const kinds: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

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
      <SelectField label={t('reports.periodKind')} value={kind} options={kinds.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))} onChange={change} />
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
      {kind === 'year' ? <TextField label={t('reports.kinds.year')} type="number" min="1990" max="2999" value={value} onInput={onChange} /> : null}
      {kind === 'custom' ? (
        <>
          <TextField label={t('reports.from')} type="date" value={from} onInput={(day) => onChange(`${day}..${to}`)} />
          <TextField label={t('reports.to')} type="date" value={to} onInput={(day) => onChange(`${from}..${day}`)} />
        </>
      ) : null}
    </>
  );
}

/**
 * The picker in a form that shows the period chosen (with what comes before it, such as a unit,
 * and after its button): `check` answers what is wrong, or null, before `onShow` gets it.
 */
export function PeriodPickerForm(props: {
  period: string;
  check(period: string): string | null;
  onShow(period: string): void;
  testId?: string;
  children?: ComponentChildren;
  after?: ComponentChildren;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(props.period);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="form report-form"
      noValidate
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        const problem = props.check(value);
        setError(problem);
        if (!problem) props.onShow(value);
      }}
    >
      {props.children}
      <PeriodPicker value={value} onChange={setValue} />
      <Alert>{error}</Alert>
      <button type="submit" class="button">
        {t('reports.show')}
      </button>
      {props.after}
    </form>
  );
}
