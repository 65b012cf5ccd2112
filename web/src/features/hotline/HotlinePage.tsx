/**
 * Quick entry for an operator on the phone: the caller's number first (their earlier petitions
 * appear as it is typed), then unit, kind and text; Ctrl+Enter records. A question answered on
 * the spot is recorded and answered in one go.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import { unitName, type CreatedPetition, type PetitionSummary, type Unit } from '../../app/types.ts';
import { petitionKinds, type PetitionKind } from '../../../../server/contract/domain.ts';
import { Alert, Checkbox, Field, PageTitle, StatusBadge, UnitPicker, useDebounced } from '../../app/ui.tsx';

interface Recorded {
  trackingCode: string;
  id: number;
  answered: boolean;
}

function EarlierPetitions({ phone }: { phone: string }) {
  const { t, date, locale } = useI18n();
  const q = useDebounced(phone.replace(/[^\d+]/g, ''), 300);
  const [state, setState] = useState<{ items: PetitionSummary[] | null; error: string | null }>({ items: null, error: null });
  useEffect(() => {
    if (q.replace(/\D/g, '').length < 6) {
      setState({ items: null, error: null });
      return;
    }
    let live = true;
    api.get<List<PetitionSummary>>('/petitions', { phone: q, limit: 10 }).then(
      (list) => live && setState({ items: list.items, error: null }),
      (e: unknown) => live && setState({ items: null, error: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <section aria-labelledby="earlier-heading" class="earlier" aria-live="polite">
      <h2 id="earlier-heading">{t('hotline.earlier')}</h2>
      <Alert>{state.error}</Alert>
      {state.items === null ? <p class="muted">{t('hotline.earlierHint')}</p> : null}
      {state.items && state.items.length === 0 ? <p>{t('hotline.noEarlier')}</p> : null}
      {state.items && state.items.length > 0 ? (
        <>
          <p>{t('hotline.earlierCount', { count: state.items.length })}</p>
          <ul class="earlier-list">
            {state.items.map((p) => (
              <li key={p.id}>
                <a href={`/staff/petitions/${p.id}`} target="_blank" rel="noopener" class="code">
                  {p.trackingCode}
                </a>{' '}
                <StatusBadge status={p.status} /> <span class="muted small">{date(p.submittedAt)} · {unitName(p.unit, locale)}</span>
                <div class="small">{p.title || p.excerpt}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export default function HotlinePage(_: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const phoneRef = useRef<HTMLInputElement>(null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [kind, setKind] = useState<PetitionKind>('question');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [answerNow, setAnswerNow] = useState(false);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);

  // The operator's own unit is the usual one, unless the operator already chose another.
  const unitTouched = useRef(false);
  useEffect(() => {
    const code = myUnits(me)[0];
    if (code && !unit) {
      api.get<Unit>(`/units/${encodeURIComponent(code)}`).then((u) => !unitTouched.current && setUnit(u), () => undefined);
    }
  }, [me?.id]);

  const reset = () => {
    setPhone('');
    setName('');
    setBody('');
    setUrgent(false);
    setAnswerNow(false);
    setAnswer('');
    setKind('question');
    setErrors({});
    phoneRef.current?.focus();
  };

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!unit) found.unit = t('raise.errors.unit');
    if (body.trim().length < 3) found.body = t('hotline.errors.body');
    if (phone && !/^\+?[0-9 ().-]{6,20}$/.test(phone.trim())) found.phone = t('raise.errors.phone');
    if (answerNow && !answer.trim()) found.answer = t('hotline.errors.answer');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<CreatedPetition>('/petitions', {
        unit: unit!.code,
        kind,
        body: body.trim(),
        channel: 'hotline',
        urgent,
        anonymous: !phone.trim() && !name.trim(),
        resident: phone.trim() || name.trim() ? { phone: phone.trim() || undefined, name: name.trim() || undefined } : undefined,
        language: serverLanguage(locale),
        // Answered during the call: recorded and answered in one step, still counted in the figures.
        answerNow: answerNow ? { text: answer.trim(), publish: false } : undefined,
      });
      setRecorded({ trackingCode: created.trackingCode, id: created.id, answered: answerNow });
      reset();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('hotline.title')}</PageTitle>
      <p class="hint">{t('hotline.keys')}</p>
      {recorded ? (
        <Alert kind="success">
          {t(recorded.answered ? 'hotline.recordedAnswered' : 'hotline.recorded', { code: recorded.trackingCode })}{' '}
          <a href={`/staff/petitions/${recorded.id}`}>{t('hotline.open')}</a>
        </Alert>
      ) : null}
      <Alert>{error}</Alert>
      <div class="hotline-layout">
        <form
          class="form"
          noValidate
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        >
          <div class="row">
            <Field label={t('hotline.phone')} error={errors.phone}>
              {({ id, describedBy, invalid }) => (
                <input ref={phoneRef} id={id} type="tel" autoFocus autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} value={phone} onInput={(e) => setPhone((e.currentTarget as HTMLInputElement).value)} />
              )}
            </Field>
            <Field label={t('hotline.name')}>
              {({ id }) => <input id={id} type="text" autoComplete="off" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />}
            </Field>
          </div>
          <UnitPicker
            label={t('raise.unit')}
            value={unit}
            onChange={(u) => {
              unitTouched.current = true;
              setUnit(u);
            }}
            error={errors.unit}
            required
          />
          <Field label={t('raise.kind')}>
            {({ id }) => (
              <select id={id} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as PetitionKind)}>
                {petitionKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('hotline.body')} error={errors.body} required>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} rows={4} aria-describedby={describedBy} aria-invalid={invalid} value={body} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <Checkbox label={t('hotline.urgent')} checked={urgent} onChange={setUrgent} />
          <Checkbox label={t('hotline.answerNow')} hint={t('hotline.answerNowHint')} checked={answerNow} onChange={setAnswerNow} />
          {answerNow ? (
            <Field label={t('case.answerText')} error={errors.answer} required>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={invalid} value={answer} onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)} />
              )}
            </Field>
          ) : null}
          <div class="button-row">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? t('common.sending') : t('hotline.record')}
            </button>
            <button type="button" class="button secondary" onClick={reset}>
              {t('hotline.clear')}
            </button>
          </div>
        </form>
        <EarlierPetitions phone={phone} />
      </div>
    </>
  );
}
