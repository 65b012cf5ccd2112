/**
 * The face scale with optional reasons tied to the codes of conduct: at the counter's tablet and
 * on the resident's own phone. Nobody signs in; the server limits how often one device rates.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, Field, useAsync } from '../../app/ui.tsx';
import { NormPicker } from './NormPicker.tsx';
import { faces, type Place, type StaffEntry } from './types.ts';

export interface RatingInput {
  score: number;
  official?: number;
  procedure?: string;
  norms?: number[];
  comment?: string;
}

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
 * One rating. `official` fixed: the QR code names them; else the resident may say who served
 * them (the kiosk passes the official on duty as the default). After sending: thanks, then
 * `onDone` (the kiosk resets for the next resident).
 */
export function RatingForm(props: {
  place: Place;
  officialOnDuty?: number | null;
  send(input: RatingInput): Promise<unknown>;
  onDone?(): void;
  large?: boolean;
}) {
  const { t } = useI18n();
  const fixed = props.place.official;
  const staff = useAsync(
    () => (fixed ? Promise.resolve({ items: [] as StaffEntry[] }) : api.get<{ items: StaffEntry[] }>(`/units/${encodeURIComponent(props.place.unit.code)}/staff`)),
    [props.place.unit.code, fixed?.id],
  );
  const [score, setScore] = useState<number | null>(null);
  const [official, setOfficial] = useState<number | null>(props.officialOnDuty ?? null);
  const [procedure, setProcedure] = useState('');
  const [norms, setNorms] = useState<number[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [limited, setLimited] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => setOfficial(props.officialOnDuty ?? null), [props.officialOnDuty]);
  useEffect(() => {
    if (!sent || !props.onDone) return;
    const timer = setTimeout(() => {
      setSent(false);
      setScore(null);
      setProcedure('');
      setNorms([]);
      setComment('');
      props.onDone!();
    }, 5000);
    return () => clearTimeout(timer);
  }, [sent]);

  if (sent) {
    return (
      <div class="rating-thanks" role="status">
        <p class="rating-thanks-face" aria-hidden="true">
          🙏
        </p>
        <p class="lead">{t('conduct.thanks')}</p>
        {props.onDone ? <p class="muted">{t('conduct.nextSoon')}</p> : null}
      </div>
    );
  }
  return (
    <form
      class={`form rating-form${props.large ? ' rating-large' : ''}`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (score === null) return setError(t('conduct.pickFace'));
        setBusy(true);
        setError(null);
        setLimited(null);
        try {
          await props.send({
            score,
            official: fixed ? undefined : (official ?? undefined),
            procedure: procedure.trim() || undefined,
            norms: norms.length ? norms : undefined,
            comment: comment.trim() || undefined,
          });
          setSent(true);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'rating_flood') setLimited(err.message);
          else setError(messageOf(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {fixed ? <p class="lead">{t('conduct.servedBy', { name: fixed.name })}</p> : null}
      <FaceScale value={score} onPick={(s) => { setScore(s); setError(null); }} />
      {limited ? (
        <div class="alert alert-info rating-limited" role="alert" data-testid="rating-limited">
          {limited}
        </div>
      ) : null}
      <Alert>{error}</Alert>
      {score !== null ? (
        <>
          {!fixed && staff.value?.items.length ? (
            <Field label={t('conduct.whoServed')}>
              {({ id }) => (
                <select id={id} value={official === null ? '' : String(official)} onChange={(e) => setOfficial((e.currentTarget as HTMLSelectElement).value ? Number((e.currentTarget as HTMLSelectElement).value) : null)}>
                  <option value="">{t('conduct.dontKnow')}</option>
                  {staff.value!.items.map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      {s.position ? `${s.name} — ${s.position}` : s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field label={t('conduct.procedure')} hint={t('conduct.procedureHint')}>
            {({ id, describedBy }) => <input id={id} type="text" maxLength={200} aria-describedby={describedBy} value={procedure} onInput={(e) => setProcedure((e.currentTarget as HTMLInputElement).value)} />}
          </Field>
          <NormPicker legend={t(score >= 4 ? 'conduct.reasonsGood' : 'conduct.reasonsBad')} hint={t('conduct.reasonsHint')} sets={props.place.normSets} value={norms} onChange={setNorms} />
          <Field label={t('conduct.comment')}>
            {({ id }) => <textarea id={id} rows={2} maxLength={1000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />}
          </Field>
          <button type="submit" class="button primary rating-send" disabled={busy}>
            {busy ? t('common.sending') : t('conduct.send')}
          </button>
        </>
      ) : null}
    </form>
  );
}
