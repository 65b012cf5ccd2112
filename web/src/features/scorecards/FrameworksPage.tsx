/** Administrators set a unit's scorecard frameworks: criteria per job position with weights and scales, the grades' thresholds, the ranking's minimum volume. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { useSession } from '../../app/session.ts';
import { Alert, Empty, Field, Loading, PageTitle, UnitPicker, useAsync } from '../../app/ui.tsx';
import { Options, SelectField, TextField, useSubmission, Form } from '../../app/components.tsx';
import type { Unit } from '../../app/apiTypes.ts';
import { scorecardMeasures, type ScorecardMeasure } from '../../../../server/contract/domain.ts';
import type { Static } from 'typebox';
import type { FrameworkList, FrameworkView } from '../../../../server/modules/scorecards/scorecards.schema.ts';
import { TableHead } from './shared.tsx';

type Frameworks = Static<typeof FrameworkList>;
/** What the editor changes: a framework of the list, or a new one (id 0). */
type Draft = Pick<FrameworkView, 'id' | 'position' | 'thresholds' | 'criteria'>;

const blank = (): Draft => ({ id: 0, position: null, thresholds: { excellent: 90, good: 75, completed: 50 }, criteria: [{ measure: 'on_time_rate', weight: 1, worst: 50, best: 100 }] });

function Editor({ unit, start, onSaved }: { unit: string; start: Draft; onSaved(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState(start);
  const sending = useSubmission();
  const [saved, setSaved] = useState(false);
  const num = (e: Event) => Number((e.target as HTMLInputElement).value);
  const setCriterion = (i: number, patch: Partial<Draft['criteria'][number]>) => setF({ ...f, criteria: f.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <Form
      class="card framework-editor"
      onSend={async () => {
        setSaved(false);
        if (await sending.run(() => api.put('/scorecard-frameworks', { unit, position: f.position?.trim() || null, thresholds: f.thresholds, criteria: f.criteria }))) {
          setSaved(true);
          onSaved();
        }
      }}
    >
      <Field label={t('scorecards.position')} hint={t('scorecards.positionHint')}>
        {(ids) => (
          <input id={ids.id} aria-describedby={ids.describedBy} value={f.position ?? ''} maxLength={200} onInput={(e) => setF({ ...f, position: (e.target as HTMLInputElement).value || null })} />
        )}
      </Field>
      <fieldset>
        <legend>{t('scorecards.thresholds')}</legend>
        {(['excellent', 'good', 'completed'] as const).map((g) => (
          <label key={g} class="inline-field">
            {t(`scorecards.grade.${g}`)}{' '}
            <input type="number" min={0} max={100} step="any" value={f.thresholds[g]} onInput={(e) => setF({ ...f, thresholds: { ...f.thresholds, [g]: num(e) } })} />
          </label>
        ))}
      </fieldset>
      <table class="table">
        <TableHead labels={[t('scorecards.criterion'), t('scorecards.weight'), t('scorecards.worst'), t('scorecards.best'), '']} />
        <tbody>
          {f.criteria.map((c, i) => (
            <tr key={i}>
              <td>
                <select aria-label={t('scorecards.criterion')} value={c.measure} onChange={(e) => setCriterion(i, { measure: (e.target as HTMLSelectElement).value as ScorecardMeasure })}>
                  <Options choices={scorecardMeasures.map((m) => ({ value: m, label: t(`scorecards.measure.${m}`) }))} />
                </select>
              </td>
              <td>
                <input aria-label={t('scorecards.weight')} type="number" step="any" value={c.weight} onInput={(e) => setCriterion(i, { weight: num(e) })} />
              </td>
              <td>
                <input aria-label={t('scorecards.worst')} type="number" step="any" value={c.worst} onInput={(e) => setCriterion(i, { worst: num(e) })} />
              </td>
              <td>
                <input aria-label={t('scorecards.best')} type="number" step="any" value={c.best} onInput={(e) => setCriterion(i, { best: num(e) })} />
              </td>
              <td>
                <button type="button" class="btn btn-secondary" onClick={() => setF({ ...f, criteria: f.criteria.filter((_, j) => j !== i) })} disabled={f.criteria.length === 1}>
                  {t('scorecards.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{t('scorecards.scaleHint')}</p>
      <button
        type="button"
        class="btn btn-secondary"
        disabled={f.criteria.length >= scorecardMeasures.length}
        onClick={() => setF({ ...f, criteria: [...f.criteria, { measure: scorecardMeasures.find((m) => !f.criteria.some((c) => c.measure === m))!, weight: 1, worst: 0, best: 100 }] })}
      >
        {t('scorecards.addCriterion')}
      </button>{' '}
      <button type="submit" class="btn btn-primary">
        {t('scorecards.saveFramework')}
      </button>
      <Alert>{sending.error}</Alert>
      {saved ? <Alert kind="success">{t('scorecards.saved')}</Alert> : null}
    </Form>
  );
}

function MinVolume({ unit, value, onSaved }: { unit: string; value: number; onSaved(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState(value);
  const sending = useSubmission();
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await sending.run(() => api.put(`/units/${encodeURIComponent(unit)}/ranking-settings`, { minVolume: v }))) onSaved();
      }}
    >
      <TextField label={t('scorecards.minVolume')} hint={t('scorecards.minVolumeHint')} type="number" min={1} value={String(v)} onInput={(x) => setV(Number(x))} />
      <button type="submit" class="btn btn-secondary">
        {t('scorecards.save')}
      </button>
      <Alert>{sending.error}</Alert>
    </form>
  );
}

export default function FrameworksPage({ query }: PageProps) {
  const { t, number } = useI18n();
  const { me } = useSession();
  const units = [...new Map((me?.grants ?? []).flatMap((g) => (g.unit ? [[g.unit.code, g.unit.name] as const] : []))).entries()];
  const [unit, setUnit] = useState(query.get('unit') ?? units[0]?.[0] ?? '');
  const [picked, setPicked] = useState<Unit | null>(null);
  const [editing, setEditing] = useState<Draft | null>(null);
  const state = useAsync(() => (unit ? api.get<Frameworks>('/scorecard-frameworks', { unit }) : Promise.resolve(undefined)), [unit]);
  const list = state.value;
  return (
    <div class="page">
      <PageTitle>{t('scorecards.frameworksTitle')}</PageTitle>
      <p class="hint">{t('scorecards.frameworksHint')}</p>
      {units.length > 1 ? (
        <SelectField label={t('scorecards.unit')} value={unit} options={units.map(([code, name]) => ({ value: code, label: name }))} onChange={setUnit} />
      ) : units.length === 0 ? (
        <UnitPicker
          label={t('scorecards.unit')}
          value={picked}
          onChange={(u) => {
            setPicked(u);
            if (u) setUnit(u.code);
          }}
        />
      ) : null}
      {state.loading ? <Loading /> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      {list ? (
        <>
          {list.items.length ? (
            list.items.map((f) => (
              <section class="card" key={f.id} aria-label={f.position ?? t('scorecards.everyPosition')}>
                <h2>
                  {f.position ?? t('scorecards.everyPosition')} <span class="muted small">({f.unit.name})</span>
                </h2>
                <p class="small">{t('scorecards.thresholdsLine', { excellent: f.thresholds.excellent, good: f.thresholds.good, completed: f.thresholds.completed })}</p>
                <ul>
                  {f.criteria.map((c) => (
                    <li key={c.measure}>
                      {t(`scorecards.measure.${c.measure}`)} — {t('scorecards.weight')} {number(c.weight)} · {number(c.worst)} → {number(c.best)}
                    </li>
                  ))}
                </ul>
                {list.canEdit && f.own ? (
                  <button type="button" class="btn btn-secondary" onClick={() => setEditing(f)}>
                    {t('scorecards.edit')}
                  </button>
                ) : null}
              </section>
            ))
          ) : (
            <Empty>{t('scorecards.noFrameworks')}</Empty>
          )}
          {list.canEdit ? (
            <>
              <h2>{editing ? t('scorecards.editFramework') : t('scorecards.newFramework')}</h2>
              {!editing ? (
                <button type="button" class="btn btn-secondary" onClick={() => setEditing(blank())}>
                  {t('scorecards.newFramework')}
                </button>
              ) : (
                <Editor key={editing.id} unit={unit} start={editing} onSaved={state.reload} />
              )}
              <MinVolume unit={unit} value={list.minVolume} onSaved={state.reload} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
