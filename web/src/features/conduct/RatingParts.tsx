/**
 * What the two rating forms share, the counter's (RatingForm) and the gathering's
 * (RateGatheringPage): the face scale, the sending state, its notices, the details asked once a
 * face is picked, and the thanks.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../app/api.ts';
import { useSubmission } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Field } from '../../app/ui.tsx';
import { NormPicker } from './NormPicker.tsx';
import { faces, type NormSet } from './types.ts';

export function FaceScale({ value, onPick, legend }: { value: number | null; onPick(score: number): void; legend?: string }) {
  const { t } = useI18n();
  return (
    <fieldset class="face-scale">
      <legend>{legend ?? t('conduct.howServed')}</legend>
      <div class="faces">
        {faces.map((f) => (
          <button key={f.score} type="button" class={`face face-${f.score}`} aria-pressed={value === f.score} onClick={() => onPick(f.score)}>
            <span class="face-emoji" aria-hidden="true">
              {f.face}
            </span>
            <span class="face-label">{t(`conduct.face${f.score}`)}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Sending a rating. The server's refusal of one more rating from this device (rating_flood) is
 * kept apart as `limited`: the resident is told, as information rather than as a fault.
 */
export function useRatingSend() {
  const submission = useSubmission();
  const [limited, setLimited] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = (work: () => Promise<unknown>) => {
    setLimited(null);
    return submission.run(async () => {
      try {
        await work();
        setSent(true);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'rating_flood') setLimited(err.message);
        else throw err;
      }
    });
  };
  return { ...submission, limited, sent, setSent, send };
}

/** The refusal of one more rating from this device, then any other error. */
export function RatingNotices({ limited, error }: { limited: string | null; error: string | null }) {
  return (
    <>
      {limited ? (
        <div class="alert alert-info rating-limited" role="alert" data-testid="rating-limited">
          {limited}
        </div>
      ) : null}
      <Alert>{error}</Alert>
    </>
  );
}

/** Asked once a face is picked: reasons tied to the codes of conduct, a comment, and the send button. */
export function RatingDetails(props: {
  score: number;
  sets: NormSet[];
  norms: number[];
  onNorms(ids: number[]): void;
  comment: string;
  onComment(comment: string): void;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <NormPicker legend={t(props.score >= 4 ? 'conduct.reasonsGood' : 'conduct.reasonsBad')} hint={t('conduct.reasonsHint')} sets={props.sets} value={props.norms} onChange={props.onNorms} />
      <Field label={t('conduct.comment')}>
        {({ id }) => <textarea id={id} rows={2} maxLength={1000} value={props.comment} onInput={(e) => props.onComment((e.currentTarget as HTMLTextAreaElement).value)} />}
      </Field>
      <button type="submit" class="button primary rating-send" disabled={props.busy}>
        {props.busy ? t('common.sending') : t('conduct.send')}
      </button>
    </>
  );
}

/** The thanks once a rating is sent; `children` says what comes next. */
export function RatingThanks({ testId, children }: { testId?: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="rating-thanks" role="status" data-testid={testId}>
      <p class="rating-thanks-face" aria-hidden="true">
        🙏
      </p>
      <p class="lead">{t('conduct.thanks')}</p>
      {children}
    </div>
  );
}
