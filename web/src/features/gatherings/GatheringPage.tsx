import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { rememberPetition } from '../../app/devicePetitions.ts';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { Alert, Checkbox, Empty, Loading, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { SelectField, TextAreaField, TextField } from '../../app/components.tsx';
import { ratedGatheringKinds } from '../../../../server/contract/domain.ts';
import { gatheringTime } from './format.ts';
import { MinutesFileLinks } from './MinutesFiles.tsx';
import { Fact } from './Fact.tsx';
import { FormEnd } from './FormEnd.tsx';
import { SubmitForm } from './SubmitForm.tsx';
import { useFormSubmission } from './submission.ts';
import type { AskResult, Booking, Gathering } from './types.ts';

/** A gathering as residents see it: when and where, booking a place, a question ahead, and afterwards its summary and the progress of what was raised. */
export default function GatheringPage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const g = useAsync(() => api.get<Gathering>(`/gatherings/${encodeURIComponent(params.id)}/public`), [params.id]);
  if (g.loading && !g.value) return <Loading />;
  if (!g.value) return <Alert>{g.error}</Alert>;
  const v = g.value;
  const upcoming = v.state === 'planned' && new Date(v.startsAt).getTime() > Date.now();
  return (
    <>
      <p class="small muted">
        <a href={`/gatherings?unit=${encodeURIComponent(v.unit.code)}`}>{v.unit.name}</a> · {t(`gatherings.kind.${v.kind}`)}
      </p>
      <PageTitle>{v.title}</PageTitle>
      <p>
        <span class={`badge badge-gathering-${v.state}`} data-testid="gathering-state">{t(`gatherings.state.${v.state}`)}</span>
      </p>
      {v.state === 'cancelled' ? <Alert kind="info">{t('gatherings.cancelledBecause', { reason: v.cancelReason ?? '' })}</Alert> : null}
      <dl class="facts">
        <Fact term={t('gatherings.when')}>{gatheringTime(v, locale)}</Fact>
        {v.place ? <Fact term={t('gatherings.place')}>{v.place}</Fact> : null}
        {v.host ? (
          <Fact term={t('gatherings.host')}>
            {v.host.name}
            {v.hostRole ? ` (${t(`gatherings.hostRole.${v.hostRole}`)})` : ''}
          </Fact>
        ) : null}
        {v.agencies.length ? <Fact term={t('gatherings.agencies')}>{v.agencies.map((a) => a.name).join(', ')}</Fact> : null}
        {v.topics.length ? <Fact term={t('gatherings.topics')}>{v.topics.join(' · ')}</Fact> : null}
        {v.capacity !== null ? <Fact term={t('gatherings.capacity')}>{t('gatherings.booked', { booked: v.booked, capacity: v.capacity })}</Fact> : null}
      </dl>
      {v.point ? <PlaceMap label={t('gatherings.mapLabel')} place={v.point} /> : null}
      {v.state === 'published' ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('gatherings.summary')}</h2>
          <p class="answer-text" data-testid="gathering-summary">{v.summary}</p>
          {v.attendance !== null ? <p>{t('gatherings.attended', { count: v.attendance })}</p> : null}
          {v.outcomes ? (
            <>
              <h3>{t('gatherings.outcomes')}</h3>
              <p class="answer-text">{v.outcomes}</p>
            </>
          ) : null}
          {v.attachments.length ? (
            <>
              <h3>{t('gatherings.files.publicTitle')}</h3>
              <MinutesFileLinks gathering={v.id} files={v.attachments} />
            </>
          ) : null}
        </section>
      ) : null}
      {v.petitions.length || v.state === 'published' ? (
        <section aria-labelledby="raised-heading">
          <h2 id="raised-heading">{t('gatherings.raised')}</h2>
          {v.petitions.length === 0 ? <Empty>{t('gatherings.noneRaised')}</Empty> : null}
          <ul class="cards">
            {v.petitions.map((p) => (
              <li key={p.trackingCode} class="card" data-testid="raised-petition">
                <a href={`/track/${encodeURIComponent(p.trackingCode)}`}>{p.title || p.trackingCode}</a>{' '}
                <StatusBadge status={p.status} />
                <span class="small muted">
                  {' '}
                  · {t(`kind.${p.kind}`)} · {t(p.via === 'question_ahead' ? 'gatherings.viaAhead' : 'gatherings.viaSession')}
                  {p.escalated && !p.resolved ? ` · ${t('gatherings.withHigher')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {(v.state === 'closed' || v.state === 'published') && ratedGatheringKinds.includes(v.kind) ? <RateForm /> : null}
      {upcoming ? <BookForm id={v.id} full={v.capacity !== null && v.booked >= v.capacity} onBooked={g.reload} /> : null}
      {upcoming ? <AskForm id={v.id} /> : null}
      {v.state === 'planned' ? <CancelForm id={v.id} onCancelled={g.reload} /> : null}
    </>
  );
}

/** The kinds of gathering where residents are served and rate them (as the server's conduct policy says). */

/** Once held: the resident types the booking code and goes to the rating page. */
function RateForm() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  return (
    <section aria-labelledby="rate-heading">
      <h2 id="rate-heading">{t('gatherings.rateHeading')}</h2>
      <SubmitForm
        label={t('gatherings.rateHeading')}
        onSend={() => {
          if (code.trim()) navigate(`/rate-gathering?code=${encodeURIComponent(code.trim())}`);
        }}
      >
        <p>{t('gatherings.rateLead')}</p>
        <TextField label={t('gatherings.bookingCode')} refuseEmpty minLength={4} maxLength={32} autoComplete="off" value={code} onInput={setCode} />
      </SubmitForm>
    </section>
  );
}

function BookForm({ id, full, onBooked }: { id: number; full: boolean; onBooked(): void }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const sending = useFormSubmission();
  const [booking, setBooking] = useState<Booking | null>(null);
  if (booking) {
    return (
      <section aria-labelledby="book-heading">
        <h2 id="book-heading">{t('gatherings.book')}</h2>
        <Alert kind="success">{t('gatherings.bookedOk')}</Alert>
        <p class="tracking-code-label">{t('gatherings.bookingCode')}</p>
        <p class="big-code" data-testid="booking-code">{booking.code}</p>
        <p class="hint">{t('gatherings.bookingCodeHint')}</p>
        <p class="hint">
          {t('gatherings.rateLater')}{' '}
          <a href={`/rate-gathering?code=${encodeURIComponent(booking.code)}`} data-testid="rate-link">
            {`${location.origin}/rate-gathering?code=${booking.code}`}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="book-heading">
      <h2 id="book-heading">{t('gatherings.book')}</h2>
      {full ? <Alert kind="info">{t('gatherings.full')}</Alert> : null}
      <form
        class="form"
        onSubmit={sending.submit(async () => {
          setBooking(await api.post<Booking>(`/gatherings/${id}/bookings`, { phone, ...(name.trim() ? { name: name.trim() } : {}) }));
          onBooked();
        })}
      >
        <TextField label={t('gatherings.phone')} hint={t('gatherings.phoneHint')} type="tel" autoComplete="tel" refuseEmpty value={phone} onInput={setPhone} />
        <TextField label={t('gatherings.name')} autoComplete="name" value={name} onInput={setName} />
        <FormEnd sending={sending} label={t('gatherings.bookButton')} disabled={full} />
      </form>
    </section>
  );
}

function CancelForm({ id, onCancelled }: { id: number; onCancelled(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const sending = useFormSubmission();
  const [done, setDone] = useState(false);
  return (
    <details class="card">
      <summary>{t('gatherings.cancelBooking')}</summary>
      {done ? <Alert kind="success">{t('gatherings.bookingCancelled')}</Alert> : null}
      <form
        class="form"
        onSubmit={sending.submit(async () => {
          await api.post(`/gatherings/${id}/bookings/${encodeURIComponent(code.trim())}/cancel`, { phone });
          setDone(true);
          setCode('');
          onCancelled();
        })}
      >
        <TextField label={t('gatherings.bookingCode')} refuseEmpty minLength={4} value={code} onInput={setCode} />
        <TextField label={t('gatherings.phone')} type="tel" refuseEmpty value={phone} onInput={setPhone} />
        <Alert>{sending.error}</Alert>
        <button type="submit" class="button secondary">
          {t('gatherings.cancelBookingButton')}
        </button>
      </form>
    </details>
  );
}

function AskForm({ id }: { id: number }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'question' | 'suggestion'>('question');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(true);
  const sending = useFormSubmission();
  const [sent, setSent] = useState<AskResult | null>(null);
  return (
    <section aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('gatherings.ask')}</h2>
      <p class="hint">{t('gatherings.askHint')}</p>
      {sent ? (
        <>
          <Alert kind="success">{t('gatherings.askSent')}</Alert>
          <p class="tracking-code-label">{t('gatherings.trackingCode')}</p>
          <p class="big-code" data-testid="question-code">
            <a href={`/track/${encodeURIComponent(sent.trackingCode)}`}>{sent.trackingCode}</a>
          </p>
        </>
      ) : (
        <form
          class="form"
          onSubmit={sending.submit(async () => {
            const answer = await api.post<AskResult>(`/gatherings/${id}/questions`, {
              body,
              kind,
              ...(name.trim() ? { name: name.trim() } : {}),
              ...(phone.trim() ? { phone: phone.trim() } : {}),
              consentToPublish: consent,
            });
            // Kept on the device like any petition raised here, so the tracking page opens it with its key.
            rememberPetition({ trackingCode: answer.trackingCode, accessKey: answer.accessKey, createdAt: new Date().toISOString(), kind });
            setSent(answer);
          })}
        >
          <SelectField<'question' | 'suggestion'>
            label={t('gatherings.askKind')}
            value={kind}
            options={[
              { value: 'question', label: t('kind.question') },
              { value: 'suggestion', label: t('kind.suggestion') },
            ]}
            onChange={setKind}
          />
          <TextAreaField label={t('gatherings.askBody')} rows={5} refuseEmpty value={body} onInput={setBody} />
          <TextField label={t('gatherings.name')} autoComplete="name" value={name} onInput={setName} />
          <TextField label={t('gatherings.phoneOptional')} type="tel" autoComplete="tel" value={phone} onInput={setPhone} />
          <Checkbox label={t('gatherings.consent')} checked={consent} onChange={setConsent} />
          <FormEnd sending={sending} label={t('gatherings.askButton')} />
        </form>
      )}
    </section>
  );
}
