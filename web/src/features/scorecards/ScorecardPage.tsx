/** An official's scorecard: their own (/staff/scorecard) or, for a leader or auditor, one of their units' officials. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { useSession } from '../../app/session.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { useSubmission } from '../../app/components.tsx';
import { PeriodControl, ScorecardTable, periodChoices, validPeriod, type ScorecardView } from './shared.tsx';

function InspectionForm({ official, onDone }: { official: number; onDone(): void }) {
  const { t } = useI18n();
  const [foundOn, setFoundOn] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const sending = useSubmission();
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await sending.run(() => api.post('/inspection-findings', { official, foundOn, text }))) {
          setText('');
          setSaved(true);
          onDone();
        }
      }}
    >
      <h2>{t('scorecards.inspectionTitle')}</h2>
      <p class="hint">{t('scorecards.inspectionHint')}</p>
      <Field label={t('scorecards.foundOn')} required>
        {(f) => <input id={f.id} aria-describedby={f.describedBy} type="date" value={foundOn} required onInput={(e) => setFoundOn((e.target as HTMLInputElement).value)} />}
      </Field>
      <Field label={t('scorecards.finding')} required>
        {(f) => <textarea id={f.id} aria-describedby={f.describedBy} value={text} required maxLength={4000} rows={3} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      <Alert>{sending.error}</Alert>
      {saved ? <Alert kind="success">{t('scorecards.inspectionSaved')}</Alert> : null}
      <button type="submit" class="btn btn-primary">
        {t('scorecards.inspectionSubmit')}
      </button>
    </form>
  );
}

export default function ScorecardPage({ params, query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const id = params.id ? Number(params.id) : me?.id;
  const initial = query.get('period');
  const [period, setPeriod] = useState(initial && validPeriod(initial) ? initial : periodChoices()[1]);
  const path = `/scorecards/officials/${id}`;
  const state = useAsync(() => (id ? api.get<ScorecardView>(path, { period }) : Promise.resolve(undefined)), [id, period]);
  const change = (p: string) => {
    setPeriod(p);
    navigate(`${location.pathname}?period=${p}`, { replace: true });
  };
  const card = state.value;
  return (
    <div class="page scorecard-page">
      <PageTitle>{card && params.id ? t('scorecards.officialTitle', { name: card.subject.name }) : t('scorecards.ownTitle')}</PageTitle>
      <PeriodControl value={period} onChange={change} />
      {state.loading && !card ? <Loading /> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      {card ? (
        <>
          <p>
            {card.subject.name}
            {card.subject.position ? ` · ${card.subject.position}` : ''} · {card.subject.unit.name}
          </p>
          <ScorecardTable card={card} path={path} />
          <p>
            <a href={`/staff/scorecards/officials/${card.subject.id}/review/${period.slice(0, 4)}`}>{t('scorecards.reviewLink', { year: period.slice(0, 4) })}</a>
          </p>
          {card.can.enterFinding ? <InspectionForm official={card.subject.id!} onDone={state.reload} /> : null}
        </>
      ) : null}
    </div>
  );
}
