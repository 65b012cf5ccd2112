/**
 * The tablet at the one-stop counter. Enrolled once with the code an administrator hands out
 * (the server then knows it by its own cookie and binds it to a service point); after that a
 * resident taps a face, may say why, and the page resets for the next one.
 *
 * Kiosk mode: the route is bare (no header, navigation or footer), the page offers full screen
 * and keeps the screen awake where the browser can. Leaving it takes an official's sign-in on
 * the tablet itself; an un-enrolled tablet (never enrolled, or revoked) links back to the site.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../app/api.ts';
import { TextField, useSubmission, Form } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import { navigate } from '../../app/router.ts';
import { signInOfficial, signOut } from '../../app/session.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { RatingForm } from './RatingForm.tsx';
import type { Place } from './types.ts';

/** Keeps the screen on while the kiosk shows, taken again when the tablet wakes; nothing where unsupported. */
function useWakeLock(active: boolean): void {
  useEffect(() => {
    type Sentinel = { release(): Promise<void> };
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } }).wakeLock;
    if (!active || !wakeLock) return;
    let sentinel: Sentinel | null = null;
    let stopped = false;
    const acquire = () => {
      if (stopped || document.visibilityState !== 'visible') return;
      wakeLock.request('screen').then(
        (s) => {
          if (stopped) s.release().catch(() => undefined);
          else sentinel = s;
        },
        () => undefined,
      );
    };
    // The browser drops the lock when the page is hidden; take it again when it shows.
    const onVisibility = () => acquire();
    acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      sentinel?.release().catch(() => undefined);
    };
  }, [active]);
}

function FullScreenButton() {
  const { t } = useI18n();
  const [full, setFull] = useState(() => !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled || full) return null;
  return (
    <button type="button" class="button kiosk-fullscreen" onClick={() => document.documentElement.requestFullscreen?.().catch(() => undefined)}>
      {t('conduct.kioskFullScreen')}
    </button>
  );
}

/**
 * The discreet way out for staff: an official signs in on the tablet and is taken to the
 * counter's administration page. A resident's account or a wrong password leaves the kiosk as it is.
 */
function StaffExit() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useSubmission();
  const close = () => {
    setOpen(false);
    setUsername('');
    setPassword('');
    setError(null);
  };
  // Left open and forgotten, the panel closes itself for the next resident.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(close, 60_000);
    return () => clearTimeout(timer);
  }, [open, username, password]);
  if (!open) {
    return (
      <button type="button" class="link-button kiosk-staff" onClick={() => setOpen(true)}>
        {t('conduct.kioskStaff')}
      </button>
    );
  }
  return (
    <form
      class="form kiosk-leave"
      aria-labelledby="kiosk-leave-heading"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!username.trim() || !password) return setError(t('conduct.kioskStaffOnly'));
        await run(async () => {
          const me = await signInOfficial(username.trim(), password);
          if (me?.kind !== 'official') {
            await signOut().catch(() => undefined);
            return setError(t('conduct.kioskStaffOnly'));
          }
          if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
          navigate('/staff/conduct');
        });
      }}
    >
      <h2 id="kiosk-leave-heading">{t('conduct.kioskLeaveTitle')}</h2>
      <p class="hint">{t('conduct.kioskLeaveLead')}</p>
      <Alert>{error}</Alert>
      <Field label={t('signIn.username')}>
        {({ id }) => <input id={id} type="text" autoComplete="off" autoCapitalize="none" spellcheck={false} value={username} onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <TextField label={t('signIn.password')} type="password" autoComplete="off" value={password} onInput={setPassword} />
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.sending') : t('conduct.kioskLeave')}
        </button>
        <button type="button" class="button" onClick={close}>
          {t('conduct.kioskStay')}
        </button>
      </div>
    </form>
  );
}

function Enrol({ onEnrolled }: { onEnrolled(place: Place): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { busy, error, setError, run } = useSubmission();
  return (
    <Form
      class="form kiosk-enrol"
      onSend={async () => {
        if (code.trim().length < 4) return setError(t('conduct.enrolCodeMissing'));
        await run(async () => onEnrolled(await api.post<Place>('/kiosk/enrol', { code: code.trim() })));
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
    </Form>
  );
}

export function KioskPage() {
  const { t, locale } = useI18n();
  const place = useAsync(
    () => api.get<Place>('/kiosk').catch((e: unknown) => (e instanceof ApiError && e.code === 'device_not_enrolled' ? null : Promise.reject(e))),
    [],
  );
  const [round, setRound] = useState(0);
  useWakeLock(!!place.value);
  if (place.loading && place.value === undefined) return <Loading />;
  if (place.error) return <Alert>{place.error}</Alert>;
  const p = place.value;
  if (!p) {
    return (
      <div class="kiosk">
        <PageTitle>{t('conduct.kioskTitle')}</PageTitle>
        <Enrol onEnrolled={(enrolled) => place.set(enrolled)} />
        <p class="kiosk-out">
          <a href="/">{t('conduct.kioskToSite')}</a>
        </p>
      </div>
    );
  }
  return (
    <div class="kiosk kiosk-mode" data-testid="kiosk-mode">
      <div class="kiosk-bar">
        <p class="muted">
          {p.servicePoint.name} · {unitName(p.unit, locale)}
        </p>
        <FullScreenButton />
      </div>
      <PageTitle>{t('conduct.rateTitle')}</PageTitle>
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
      <StaffExit />
    </div>
  );
}
