/**
 * The face scale with optional reasons tied to the codes of conduct: at the counter's tablet and
 * on the resident's own phone. Nobody signs in; the server limits how often one device rates.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { SelectField, TextField } from '../../app/components.tsx';
import { useAsync } from '../../app/ui.tsx';
import { FaceScale, RatingDetails, RatingNotices, RatingThanks, useRatingSend } from './RatingParts.tsx';
import type { Place, StaffEntry } from './types.ts';

export interface RatingInput {
  score: number;
  official?: number;
  procedure?: string;
  norms?: number[];
  comment?: string;
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
  const { busy, error, setError, limited, sent, setSent, send } = useRatingSend();

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
      <RatingThanks>{props.onDone ? <p class="muted">{t('conduct.nextSoon')}</p> : null}</RatingThanks>
    );
  }
  return (
    <form
      class={`form rating-form${props.large ? ' rating-large' : ''}`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (score === null) return setError(t('conduct.pickFace'));
        await send(() =>
          props.send({
            score,
            official: fixed ? undefined : (official ?? undefined),
            procedure: procedure.trim() || undefined,
            norms: norms.length ? norms : undefined,
            comment: comment.trim() || undefined,
          }),
        );
      }}
    >
      {fixed ? <p class="lead">{t('conduct.servedBy', { name: fixed.name })}</p> : null}
      <FaceScale value={score} onPick={(s) => { setScore(s); setError(null); }} />
      <RatingNotices limited={limited} error={error} />
      {score !== null ? (
        <>
          {!fixed && staff.value?.items.length ? (
            <SelectField
              label={t('conduct.whoServed')}
              value={official === null ? '' : String(official)}
              none={t('conduct.dontKnow')}
              options={staff.value.items.map((s) => ({ value: String(s.id), label: s.position ? `${s.name} — ${s.position}` : s.name }))}
              onChange={(id) => setOfficial(id ? Number(id) : null)}
            />
          ) : null}
          <TextField label={t('conduct.procedure')} hint={t('conduct.procedureHint')} maxLength={200} value={procedure} onInput={setProcedure} />
          <RatingDetails score={score} sets={props.place.normSets} norms={norms} onNorms={setNorms} comment={comment} onComment={setComment} busy={busy} />
        </>
      ) : null}
    </form>
  );
}
