/** The yearly review of an official: the computed scorecard, the self-assessment, the leader's grade; printable as the document. */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { Options, TextAreaField, useSubmission } from '../../app/components.tsx';
import type { ReviewView } from '../../../../server/modules/scorecards/scorecards.schema.ts';
import { GradeBadge, ScorecardTable } from './shared.tsx';
import { scorecardGrades } from '../../../../server/contract/domain.ts';

export default function ReviewPage({ params }: PageProps) {
  const { t, date, locale } = useI18n();
  const path = `/scorecards/officials/${params.id}/reviews/${params.year}`;
  const state = useAsync(() => api.get<ReviewView>(path), [path]);
  const [self, setSelf] = useState<string | null>(null);
  const [grade, setGrade] = useState('');
  const [reasons, setReasons] = useState('');
  const sending = useSubmission();
  const r = state.value;
  const send = (body: Record<string, unknown>) => sending.run(async () => state.set(await api.post<ReviewView>(`${path}/actions`, body)));
  if (state.loading && !r) return <Loading />;
  if (state.error) return <Alert>{state.error}</Alert>;
  if (!r) return null;
  return (
    <div class="page review-page">
      <PageTitle>{t('scorecards.reviewTitle', { name: r.official.name, year: r.year })}</PageTitle>
      <p>
        {r.official.name}
        {r.official.position ? ` · ${r.official.position}` : ''}
        {r.official.unit ? ` · ${r.official.unit.name}` : ''}
      </p>
      <p class="no-print">
        <button type="button" class="btn btn-secondary" onClick={() => window.print()}>
          {t('scorecards.print')}
        </button>{' '}
        <a class="button secondary" href={`/api/v1${path}/pdf?lang=${serverLanguage(locale)}`} download>
          {t('scorecards.downloadPdf')}
        </a>
      </p>
      <h2>{t('scorecards.computed')}</h2>
      {r.frozen ? <p class="hint">{t('scorecards.frozen', { at: date(r.gradedAt, true) })}</p> : null}
      <ScorecardTable card={r.scorecard} path={`/scorecards/officials/${r.official.id}`} drill={!r.frozen} />
      <h2>{t('scorecards.selfAssessment')}</h2>
      {r.can.selfAssess ? (
        <form
          class="no-print-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: 'self_assess', text: self ?? r.selfAssessment ?? '' });
          }}
        >
          <Field label={t('scorecards.selfAssessment')} required>
            {(f) => (
              <textarea id={f.id} aria-describedby={f.describedBy} rows={6} required maxLength={8000} value={self ?? r.selfAssessment ?? ''} onInput={(e) => setSelf((e.target as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <button type="submit" class="btn btn-primary">
            {t('scorecards.saveSelf')}
          </button>
        </form>
      ) : (
        <p class="review-text">{r.selfAssessment ?? t('scorecards.noSelf')}</p>
      )}
      <h2>{t('scorecards.leaderGrade')}</h2>
      {r.leaderGrade ? (
        <p>
          <GradeBadge grade={r.leaderGrade} /> · {r.leaderName} · {date(r.gradedAt)}
          {r.leaderReasons ? <span class="review-text"><br />{t('scorecards.reasons')}: {r.leaderReasons}</span> : null}
        </p>
      ) : (
        <p class="muted">{t('scorecards.notGraded')}</p>
      )}
      {r.can.grade ? (
        <form
          class="card no-print"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: 'grade', grade, ...(reasons.trim() ? { reasons } : {}) });
          }}
        >
          <Field label={t('scorecards.gradeLabel')} required>
            {(f) => (
              <select id={f.id} aria-describedby={f.describedBy} required value={grade} onChange={(e) => setGrade((e.target as HTMLSelectElement).value)}>
                <Options choices={[{ value: '', label: '—' }, ...scorecardGrades.map((g) => ({ value: g, label: t(`scorecards.grade.${g}`) }))]} />
              </select>
            )}
          </Field>
          <TextAreaField label={t('scorecards.reasons')} hint={t('scorecards.reasonsHint')} rows={3} maxLength={4000} value={reasons} onInput={setReasons} />
          <button type="submit" class="btn btn-primary">
            {t('scorecards.saveGrade')}
          </button>
        </form>
      ) : null}
      <Alert>{sending.error}</Alert>
    </div>
  );
}
