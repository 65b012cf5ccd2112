/** What the scorecard pages share: the period control, the scorecard table with its drill-down. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Empty, Loading, useAsync } from '../../app/ui.tsx';
import type { Static } from 'typebox';
import type { CaseList, ScorecardView } from '../../../../server/modules/scorecards/scorecards.schema.ts';

export type { ScorecardView };
export type Criterion = ScorecardView['criteria'][number];

const pad = (n: number) => String(n).padStart(2, '0');

/** This month, this quarter, this year, last quarter and last year, as period keys. */
export function periodChoices(today = new Date()): string[] {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const q = Math.ceil(m / 3);
  const lastQ = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  return [`${y}-${pad(m)}`, `${y}-Q${q}`, lastQ, `${y}`, `${y - 1}`];
}

export const validPeriod = (p: string) => /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(p);

export function PeriodControl({ value, onChange }: { value: string; onChange(period: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  return (
    <div class="period-control" role="group" aria-label={t('scorecards.period')}>
      {periodChoices().map((p) => (
        <button type="button" class={`btn ${p === value ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={p === value} onClick={() => onChange(p)} key={p}>
          {p}
        </button>
      ))}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (validPeriod(text)) onChange(text);
        }}
      >
        <label>
          {t('scorecards.period')}{' '}
          <input value={text} size={9} pattern="\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?" onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="btn btn-secondary">
          {t('scorecards.show')}
        </button>
      </form>
    </div>
  );
}

/** The column headings of a scorecard table. */
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={i}>{label}</th>
        ))}
      </tr>
    </thead>
  );
}

export function GradeBadge({ grade }: { grade: string | null }) {
  const { t } = useI18n();
  return <span class={`badge grade grade-${grade ?? 'none'}`}>{grade ? t(`scorecards.grade.${grade}`) : t('scorecards.noGrade')}</span>;
}

const rateMeasures = ['on_time_rate', 'reopen_rate', 'online_share', 'gatherings_held'];

export function MeasureValue({ c }: { c: Pick<Criterion, 'measure' | 'value' | 'numerator' | 'denominator'> }) {
  const { number } = useI18n();
  if (c.value === null) return <span class="muted">—</span>;
  if (rateMeasures.includes(c.measure)) return <span>{`${number(c.value)} % (${number(c.numerator)}/${number(c.denominator)})`}</span>;
  if (c.measure === 'satisfaction') return <span>{`${number(c.value)} / 100 (${number(c.denominator)})`}</span>;
  return <span>{number(c.value)}</span>;
}

function Cases({ path, period, measure }: { path: string; period: string; measure: string }) {
  const { t, date } = useI18n();
  const state = useAsync(() => api.get<Static<typeof CaseList>>(`${path}/cases`, { period, measure }), [path, period, measure]);
  if (state.loading) return <Loading />;
  if (state.error) return <Alert>{state.error}</Alert>;
  const items = state.value!.items;
  if (!items.length) return <Empty>{t('scorecards.noCases')}</Empty>;
  return (
    <table class="table cases" aria-label={t(`scorecards.measure.${measure}`)}>
      <TableHead labels={[t('scorecards.case'), t('scorecards.when'), t('scorecards.counts'), t('scorecards.detail')]} />
      <tbody>
        {items.map((c, i) => (
          <tr key={i}>
            <td>{c.petition !== null ? <a href={`/staff/petitions/${c.petition}`}>{c.ref}</a> : c.ref}</td>
            <td>{date(c.at, c.at.length > 10)}</td>
            <td>{c.counts === null ? '—' : c.counts ? t('scorecards.yes') : t('scorecards.no')}</td>
            <td>{c.detail ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The scorecard: each criterion's value, scale, score and weight, the total and the grade; a criterion opens its cases. */
export function ScorecardTable({ card, path, drill = true }: { card: ScorecardView; path: string; drill?: boolean }) {
  const { t, number } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const weighted = card.criteria.filter((c) => c.weight !== null);
  const others = card.criteria.filter((c) => c.weight === null);
  const row = (c: Criterion) => (
    <>
      <tr key={c.measure}>
        <th scope="row">
          {drill ? (
            <button type="button" class="link-button" aria-expanded={open === c.measure} onClick={() => setOpen(open === c.measure ? null : c.measure)}>
              {t(`scorecards.measure.${c.measure}`)}
            </button>
          ) : (
            t(`scorecards.measure.${c.measure}`)
          )}
        </th>
        <td>
          <MeasureValue c={c} />
        </td>
        <td>{c.worst === null ? '—' : `${number(c.worst)} → ${number(c.best)}`}</td>
        <td>{c.weight === null ? '—' : number(c.weight)}</td>
        <td class="score">{c.score === null ? '—' : number(c.score)}</td>
      </tr>
      {open === c.measure ? (
        <tr key={`${c.measure}-cases`}>
          <td colSpan={5}>
            <Cases path={path} period={card.period.key} measure={c.measure} />
          </td>
        </tr>
      ) : null}
    </>
  );
  return (
    <section class="scorecard" aria-label={t('scorecards.title')}>
      <p class="scorecard-total">
        <strong>{t('scorecards.total')}: </strong>
        <span data-testid="scorecard-total">{card.total === null ? '—' : number(card.total)}</span> <GradeBadge grade={card.grade} />
      </p>
      {card.framework ? (
        <p class="hint">
          {t('scorecards.frameworkOf', { unit: card.framework.unit.name, position: card.framework.position ?? t('scorecards.everyPosition') })} ·{' '}
          {t('scorecards.thresholdsLine', { excellent: card.framework.thresholds.excellent, good: card.framework.thresholds.good, completed: card.framework.thresholds.completed })}
        </p>
      ) : (
        <Alert kind="info">{t('scorecards.noFramework')}</Alert>
      )}
      <table class="table">
        <TableHead labels={[t('scorecards.criterion'), t('scorecards.value'), t('scorecards.scale'), t('scorecards.weight'), t('scorecards.score')]} />
        <tbody>{weighted.map(row)}</tbody>
        {others.length ? (
          <tbody>
            <tr>
              <th colSpan={5} class="muted">
                {t('scorecards.notWeighted')}
              </th>
            </tr>
            {others.map(row)}
          </tbody>
        ) : null}
      </table>
    </section>
  );
}
