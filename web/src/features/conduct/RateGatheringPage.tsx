/**
 * A resident who booked a place at a gathering rates it on their phone with the booking code
 * (`/rate-gathering?code=…`, the link on the booking confirmation and on the gathering's page once
 * it is held): the face scale, reasons tied to the codes of conduct, a comment, then thanks.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { Form } from '../../app/components.tsx';
import { FaceScale, RatingDetails, RatingNotices, RatingThanks, useRatingSend } from './RatingParts.tsx';
import type { GatheringToRate } from './types.ts';

export function RateGatheringPage({ query }: PageProps) {
  const { t } = useI18n();
  const [code, setCode] = useState((query.get('code') ?? '').trim());
  return (
    <div class="rate-gathering">
      <PageTitle>{t('conduct.rateGatheringTitle')}</PageTitle>
      {code ? <GatheringRating code={code} /> : <CodeForm onCode={setCode} />}
    </div>
  );
}

function CodeForm({ onCode }: { onCode(code: string): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        const code = value.trim();
        if (!code) return;
        navigate(`/rate-gathering?code=${encodeURIComponent(code)}`, { replace: true });
        onCode(code);
      }}
    >
      <p>{t('conduct.rateGatheringLead')}</p>
      <Field label={t('gatherings.bookingCode')} required>
        {(f) => <input id={f.id} value={value} required minLength={4} maxLength={32} autoComplete="off" onInput={(e) => setValue(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button primary">
        {t('conduct.rateGatheringOpen')}
      </button>
    </form>
  );
}

function GatheringRating({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const view = useAsync(() => api.get<GatheringToRate>(`/rate/gatherings/${encodeURIComponent(code)}`), [code]);
  const [score, setScore] = useState<number | null>(null);
  const [norms, setNorms] = useState<number[]>([]);
  const [comment, setComment] = useState('');
  const { busy, error, setError, limited, sent, send } = useRatingSend();

  if (view.loading && !view.value) return <Loading />;
  if (!view.value) return <Alert>{view.error}</Alert>;
  const v = view.value;
  const about = (
    <div class="rate-gathering-about">
      <p class="lead" data-testid="rated-gathering">
        {v.gathering.title}
      </p>
      <p class="muted small">
        {t(`gatherings.kind.${v.gathering.kind}`)} · {v.gathering.localStart} · {unitName(v.unit, locale)}
        {v.host ? ` · ${t('conduct.hostedBy', { name: v.host.name })}` : ''}
      </p>
    </div>
  );
  if (sent) {
    return (
      <>
        {about}
        <RatingThanks testId="rating-thanks">
          <p>
            <a href={`/gatherings/${v.gathering.id}`}>{t('conduct.backToGathering')}</a>
          </p>
        </RatingThanks>
      </>
    );
  }
  if (v.status !== 'open') {
    const key = v.status === 'rated' ? 'conduct.gatheringRated' : v.status === 'not_held' ? 'conduct.gatheringNotHeld' : 'conduct.gatheringNotRated';
    return (
      <>
        {about}
        <div class="alert alert-info" role="alert" data-testid="rating-refused">
          {t(key)}
        </div>
        <p>
          <a href={`/gatherings/${v.gathering.id}`}>{t('conduct.backToGathering')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      {about}
      <Form
        class="form rating-form"
        onSend={async () => {
          if (score === null) return setError(t('conduct.pickFace'));
          await send(() => api.post('/rate/gatherings', { code, score, norms: norms.length ? norms : undefined, comment: comment.trim() || undefined }));
        }}
      >
        <FaceScale legend={t('conduct.howWasGathering')} value={score} onPick={(s) => { setScore(s); setError(null); }} />
        <RatingNotices limited={limited} error={error} />
        {score !== null ? <RatingDetails score={score} sets={v.normSets} norms={norms} onNorms={setNorms} comment={comment} onComment={setComment} busy={busy} /> : null}
      </Form>
    </>
  );
}
