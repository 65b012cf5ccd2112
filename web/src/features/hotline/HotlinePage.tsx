/**
 * Quick entry by officials for every channel but the web: the hotline (the caller's number
 * first, their earlier petitions appear as it is typed), the mailbox, a forum or reception
 * session, the counter, outreach. Then unit, kind and text, category and place; Ctrl+Enter
 * records. A question answered on the spot is recorded and answered in one go. At a gathering
 * (forum, reception, outreach) its details stay for the next question. The confirmation shows
 * the tracking code and access key large, to be read out or written down for the resident.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { SelectField, TextField, useSubmission } from '../../app/components.tsx';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { CreatedPetition, PetitionSummary, Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { channels, petitionKinds, type Channel, type PetitionKind } from '../../../../server/contract/domain.ts';
import { Alert, CategorySelect, Checkbox, CopyButton, Field, PageTitle, StatusBadge, UnitPicker, useDebounced } from '../../app/ui.tsx';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';

/** The channels officials record for residents (residents themselves use the web). */
const staffChannels = channels.filter((c) => c !== 'web' && c !== 'mobile');
/** Channels where questions come one after another at one gathering. */
const gatheringChannels: readonly Channel[] = ['forum', 'reception', 'outreach'];

/** The new petition's codes, and whether it was answered during the call. */
type Recorded = Pick<CreatedPetition, 'trackingCode' | 'accessKey' | 'id'> & { answered: boolean };

/** The codes the resident keeps, large enough to read out or copy onto a slip. */
function Receipt({ recorded }: { recorded: Recorded }) {
  const { t } = useI18n();
  return (
    <div class="receipt">
      <p>
        {t(recorded.answered ? 'hotline.recordedAnswered' : 'hotline.recorded', { code: recorded.trackingCode })}{' '}
        <a href={`/staff/petitions/${recorded.id}`}>{t('hotline.open')}</a>
      </p>
      <dl class="receipt-codes">
        <div>
          <dt>{t('record.trackingCode')}</dt>
          <dd class="big-code" lang="en">
            {recorded.trackingCode}
          </dd>
        </div>
        <div>
          <dt>{t('track.accessKey')}</dt>
          <dd class="big-code" lang="en">
            {recorded.accessKey}
          </dd>
        </div>
      </dl>
      <p class="hint">{t('record.handOver')}</p>
      <div class="button-row">
        <CopyButton text={`${recorded.trackingCode} ${recorded.accessKey}`} label={t('record.copy')} />
        <button type="button" class="button secondary" onClick={() => window.print()}>
          {t('record.print')}
        </button>
      </div>
    </div>
  );
}

function EarlierPetitions({ phone, onPhone }: { phone: string; onPhone: boolean }) {
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
      <h2 id="earlier-heading">{t(onPhone ? 'hotline.earlier' : 'record.earlier')}</h2>
      <Alert>{state.error}</Alert>
      {state.items === null ? <p class="muted">{t(onPhone ? 'hotline.earlierHint' : 'record.earlierHint')}</p> : null}
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

export default function HotlinePage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const asked = query.get('channel') as Channel | null;
  const firstChannel: Channel =
    asked && (staffChannels as readonly Channel[]).includes(asked) ? asked : location.pathname.endsWith('/record') ? 'reception' : 'hotline';
  const [channel, setChannel] = useState<Channel>(firstChannel);
  // The hotline and the general form are one page under two addresses: moving between them switches the channel.
  useEffect(() => setChannel(firstChannel), [firstChannel]);
  const [category, setCategory] = useState('');
  const [place, setPlace] = useState('');
  /** The point the resident describes, picked on the map by the official. */
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const atGathering = gatheringChannels.includes(channel);
  // The hotline's words speak of a caller; the other channels of a resident in front of the official.
  const onPhone = channel === 'hotline';
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
  const { busy, error, run } = useSubmission();
  const [recorded, setRecorded] = useState<Recorded | null>(null);

  // The operator's own unit is the usual one, unless the operator already chose another.
  const unitTouched = useRef(false);
  useEffect(() => {
    const code = myUnits(me)[0];
    if (code && !unit) {
      api.get<Unit>(`/units/${encodeURIComponent(code)}`).then((u) => !unitTouched.current && setUnit(u), () => undefined);
    }
  }, [me?.id]);

  // The channel, unit and, at a gathering, its venue stay for the next question; the resident's details do not.
  const reset = () => {
    setPhone('');
    setName('');
    setBody('');
    setCategory('');
    if (!atGathering) {
      setPlace('');
      setPoint(null);
    }
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
    await run(async () => {
      const created = await api.post<CreatedPetition>('/petitions', {
        unit: unit!.code,
        kind,
        body: body.trim(),
        channel,
        category: category || undefined,
        location: place.trim() || point ? { address: place.trim() || undefined, lat: point?.lat, lng: point?.lng } : undefined,
        urgent,
        anonymous: !phone.trim() && !name.trim(),
        resident: phone.trim() || name.trim() ? { phone: phone.trim() || undefined, name: name.trim() || undefined } : undefined,
        language: serverLanguage(locale),
        // Answered during the call: recorded and answered in one step, still counted in the figures.
        answerNow: answerNow ? { text: answer.trim(), publish: false } : undefined,
      });
      setRecorded({ trackingCode: created.trackingCode, accessKey: created.accessKey, id: created.id, answered: answerNow });
      reset();
    });
  };

  return (
    <>
      <PageTitle>{t(channel === 'hotline' ? 'hotline.title' : 'record.title')}</PageTitle>
      <p class="hint">{t('hotline.keys')}</p>
      {recorded ? (
        <Alert kind="success">
          <Receipt recorded={recorded} />
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
            <SelectField<Channel> label={t('record.channel')} value={channel} options={staffChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} onChange={setChannel} />
          </div>
          <div class="row">
            <Field label={t(channel === 'hotline' ? 'hotline.phone' : 'record.phone')} error={errors.phone}>
              {({ id, describedBy, invalid }) => (
                <input ref={phoneRef} id={id} type="tel" autoFocus autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} value={phone} onInput={(e) => setPhone((e.currentTarget as HTMLInputElement).value)} />
              )}
            </Field>
            <TextField label={t(onPhone ? 'hotline.name' : 'record.name')} autoComplete="off" value={name} onInput={setName} />
          </div>
          <UnitPicker
            label={t('raise.unit')}
            value={unit}
            onChange={(u) => {
              unitTouched.current = true;
              setUnit(u);
            }}
            // Typing before the operator's own unit has loaded must not be overwritten by it.
            onTyping={() => (unitTouched.current = true)}
            error={errors.unit}
            required
          />
          <SelectField<PetitionKind> label={t('raise.kind')} value={kind} options={petitionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} onChange={setKind} />
          <Field label={t(onPhone ? 'hotline.body' : 'record.body')} error={errors.body} required>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} rows={4} aria-describedby={describedBy} aria-invalid={invalid} value={body} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <Checkbox label={t('hotline.urgent')} checked={urgent} onChange={setUrgent} />
          <Checkbox label={t(onPhone ? 'hotline.answerNow' : 'record.answerNow')} hint={t('hotline.answerNowHint')} checked={answerNow} onChange={setAnswerNow} />
          {answerNow ? (
            <Field label={t('case.answerText')} error={errors.answer} required>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={invalid} value={answer} onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)} />
              )}
            </Field>
          ) : null}
          <div class="row">
            <CategorySelect value={category} onChange={setCategory} />
            <TextField label={t(atGathering ? 'record.venue' : 'raise.place')} hint={atGathering ? t('record.venueHint') : undefined} value={place} onInput={setPlace} />
          </div>
          <PlaceMap label={t('raise.mapLabel')} place={point} country={unit?.country} onPick={setPoint} />
          {point ? (
            <p class="muted" role="status">
              {t('raise.locationSet', { lat: point.lat.toFixed(5), lon: point.lng.toFixed(5) })}{' '}
              <button type="button" class="link-button" onClick={() => setPoint(null)}>
                {t('common.remove')}
              </button>
            </p>
          ) : null}
          <div class="button-row">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? t('common.sending') : t(atGathering ? 'record.recordNext' : 'hotline.record')}
            </button>
            <button type="button" class="button secondary" onClick={reset}>
              {t('hotline.clear')}
            </button>
          </div>
        </form>
        <EarlierPetitions phone={phone} onPhone={onPhone} />
      </div>
    </>
  );
}
