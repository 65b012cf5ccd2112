/**
 * The tablet at the one-stop counter. Enrolled once with the code an administrator hands out
 * (the server then knows it by its own cookie and binds it to a service point); after that a
 * resident taps a face, may say why, and the page resets for the next one.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { RatingForm } from './RatingForm.tsx';
import type { Place } from './types.ts';

function Enrol({ onEnrolled }: { onEnrolled(place: Place): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="form kiosk-enrol"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (code.trim().length < 4) return setError(t('conduct.enrolCodeMissing'));
        setBusy(true);
        setError(null);
        try {
          onEnrolled(await api.post<Place>('/kiosk/enrol', { code: code.trim() }));
        } catch (err) {
          setError(messageOf(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p class="lead">{t('conduct.enrolLead')}</p>
      <Alert>{error}</Alert>
      <Field label={t('conduct.enrolCode')}>
        {({ id }) => <input id={id} type="text" autoComplete="off" autoCapitalize="characters" spellcheck={false} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('common.sending') : t('conduct.enrol')}
      </button>
    </form>
  );
}

export function KioskPage() {
  const { t, locale } = useI18n();
  const place = useAsync(
    () => api.get<Place>('/kiosk').catch((e: unknown) => (e instanceof ApiError && e.code === 'device_not_enrolled' ? null : Promise.reject(e))),
    [],
  );
  const [round, setRound] = useState(0);
  if (place.loading && place.value === undefined) return <Loading />;
  if (place.error) return <Alert>{place.error}</Alert>;
  const p = place.value;
  if (!p) {
    return (
      <div class="kiosk">
        <PageTitle>{t('conduct.kioskTitle')}</PageTitle>
        <Enrol onEnrolled={(enrolled) => place.set(enrolled)} />
      </div>
    );
  }
  return (
    <div class="kiosk">
      <PageTitle>{t('conduct.rateTitle')}</PageTitle>
      <p class="muted">
        {p.servicePoint.name} · {unitName(p.unit, locale)}
      </p>
      {p.official ? (
        <p class="kiosk-serving lead" data-testid="kiosk-serving">
          {p.official.photo ? <img class="staff-photo" src={p.official.photo} alt="" width={96} height={96} /> : null}
          {t('conduct.servingNow', { name: p.official.name })}
        </p>
      ) : null}
      <RatingForm
        key={round}
        large
        place={{ ...p, official: null }}
        officialOnDuty={p.official?.id ?? null}
        send={(input) => api.post('/kiosk/ratings', input)}
        onDone={() => {
          // Who is on duty is the server's: read it again for the next resident.
          place.reload();
          setRound((n) => n + 1);
        }}
      />
    </div>
  );
}
