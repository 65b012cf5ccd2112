import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { rememberPetition } from '../../app/devicePetitions.ts';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { Alert, Checkbox, Empty, Field, Loading, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { ratedGatheringKinds } from '../../../../server/contract/domain.ts';
import { gatheringTime } from './format.ts';
import { MinutesFileLinks } from './MinutesFiles.tsx';
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
        <dt>{t('gatherings.when')}</dt>
        <dd>{gatheringTime(v, locale)}</dd>
        {v.place ? (
          <>
            <dt>{t('gatherings.place')}</dt>
            <dd>{v.place}</dd>
          </>
        ) : null}
        {v.host ? (
          <>
            <dt>{t('gatherings.host')}</dt>
            <dd>
              {v.host.name}
              {v.hostRole ? ` (${t(`gatherings.hostRole.${v.hostRole}`)})` : ''}
            </dd>
          </>
        ) : null}
        {v.agencies.length ? (
          <>
            <dt>{t('gatherings.agencies')}</dt>
            <dd>{v.agencies.map((a) => a.name).join(', ')}</dd>
          </>
        ) : null}
        {v.topics.length ? (
          <>
            <dt>{t('gatherings.topics')}</dt>
            <dd>{v.topics.join(' · ')}</dd>
          </>
        ) : null}
        {v.capacity !== null ? (
          <>
            <dt>{t('gatherings.capacity')}</dt>
            <dd>{t('gatherings.booked', { booked: v.booked, capacity: v.capacity })}</dd>
          </>
        ) : null}
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
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) navigate(`/rate-gathering?code=${encodeURIComponent(code.trim())}`);
        }}
      >
        <p>{t('gatherings.rateLead')}</p>
        <Field label={t('gatherings.bookingCode')} required>
          {(f) => <input id={f.id} value={code} required minLength={4} maxLength={32} autoComplete="off" onInput={(e) => setCode(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button">
          {t('gatherings.rateHeading')}
        </button>
      </form>
    </section>
  );
}

function BookForm({ id, full, onBooked }: { id: number; full: boolean; onBooked(): void }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            setBooking(await api.post<Booking>(`/gatherings/${id}/bookings`, { phone, ...(name.trim() ? { name: name.trim() } : {}) }));
            onBooked();
          } catch (err) {
            setError(messageOf(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field label={t('gatherings.phone')} hint={t('gatherings.phoneHint')} required>
          {(f) => <input id={f.id} type="tel" autoComplete="tel" aria-describedby={f.describedBy} value={phone} required onInput={(e) => setPhone(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.name')}>
          {(f) => <input id={f.id} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Alert>{error}</Alert>
        <button type="submit" class="button" disabled={busy || full}>
          {busy ? t('common.sending') : t('gatherings.bookButton')}
        </button>
      </form>
    </section>
  );
}

function CancelForm({ id, onCancelled }: { id: number; onCancelled(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <details class="card">
      <summary>{t('gatherings.cancelBooking')}</summary>
      {done ? <Alert kind="success">{t('gatherings.bookingCancelled')}</Alert> : null}
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api.post(`/gatherings/${id}/bookings/${encodeURIComponent(code.trim())}/cancel`, { phone });
            setDone(true);
            setCode('');
            onCancelled();
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      >
        <Field label={t('gatherings.bookingCode')} required>
          {(f) => <input id={f.id} value={code} required minLength={4} onInput={(e) => setCode(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.phone')} required>
          {(f) => <input id={f.id} type="tel" value={phone} required onInput={(e) => setPhone(e.currentTarget.value)} />}
        </Field>
        <Alert>{error}</Alert>
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
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
            } catch (err) {
              setError(messageOf(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Field label={t('gatherings.askKind')}>
            {(f) => (
              <select id={f.id} value={kind} onChange={(e) => setKind(e.currentTarget.value as 'question' | 'suggestion')}>
                <option value="question">{t('kind.question')}</option>
                <option value="suggestion">{t('kind.suggestion')}</option>
              </select>
            )}
          </Field>
          <Field label={t('gatherings.askBody')} required>
            {(f) => <textarea id={f.id} rows={5} value={body} required onInput={(e) => setBody(e.currentTarget.value)} />}
          </Field>
          <Field label={t('gatherings.name')}>
            {(f) => <input id={f.id} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('gatherings.phoneOptional')}>
            {(f) => <input id={f.id} type="tel" autoComplete="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
          <Checkbox label={t('gatherings.consent')} checked={consent} onChange={setConsent} />
          <Alert>{error}</Alert>
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.sending') : t('gatherings.askButton')}
          </button>
        </form>
      )}
    </section>
  );
}
