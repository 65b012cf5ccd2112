/**
 * The tablet at the one-stop counter. Enrolled once with the code an administrator hands out
 * (the server then knows it by its own cookie and binds it to a service point); after that a
 * resident taps a face, may say why, and the page resets for the next one.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { unitName } from '../../app/types.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { RatingForm } from './RatingForm.tsx';
import type { Place, StaffEntry } from './types.ts';

const dutyKey = 'zd.kiosk.onDuty';

function readDuty(): number | null {
  try {
    const v = Number(localStorage.getItem(dutyKey));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

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

function OnDuty({ place, value, onChange }: { place: Place; value: number | null; onChange(id: number | null): void }) {
  const { t } = useI18n();
  const staff = useAsync(() => api.get<{ items: StaffEntry[] }>(`/units/${encodeURIComponent(place.unit.code)}/staff`), [place.unit.code]);
  return (
    <Field label={t('conduct.onDuty')} hint={t('conduct.onDutyHint')}>
      {({ id, describedBy }) => (
        <select id={id} aria-describedby={describedBy} value={value === null ? '' : String(value)} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value ? Number((e.currentTarget as HTMLSelectElement).value) : null)}>
          <option value="">{t('conduct.onDutyNone')}</option>
          {(staff.value?.items ?? []).map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function KioskPage() {
  const { t, locale } = useI18n();
  const place = useAsync(
    () => api.get<Place>('/kiosk').catch((e: unknown) => (e instanceof ApiError && e.code === 'device_not_enrolled' ? null : Promise.reject(e))),
    [],
  );
  const [duty, setDuty] = useState<number | null>(readDuty);
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
      <RatingForm
        key={round}
        large
        place={p}
        officialOnDuty={duty}
        send={(input) => api.post('/kiosk/ratings', input)}
        onDone={() => setRound((n) => n + 1)}
      />
      <details class="kiosk-settings">
        <summary>{t('conduct.counterSettings')}</summary>
        <OnDuty
          place={p}
          value={duty}
          onChange={(id) => {
            setDuty(id);
            try {
              if (id) localStorage.setItem(dutyKey, String(id));
              else localStorage.removeItem(dutyKey);
            } catch {
              /* kept for this page only */
            }
          }}
        />
      </details>
    </div>
  );
}
