import { useEffect, useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { Form, TextField, useSubmission } from '../../app/components.tsx';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { refreshSession, setUpOfficialPassword, signInOfficial } from '../../app/session.ts';
import { Alert, Field, PageTitle } from '../../app/ui.tsx';
import { setCsrfToken } from '../../app/api.ts';

/** Only paths of this app, so a crafted link cannot send the browser elsewhere. */
function safeNext(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** The single sign-on provider, when the server has one (GET /api/v1/config), asked once per visit. */
let ssoSetting: Promise<{ name: string } | null> | null = null;
function useSso(): { name: string } | null {
  const [sso, setSso] = useState<{ name: string } | null>(null);
  useEffect(() => {
    ssoSetting ??= api.get<{ sso?: { name: string } | null }>('/config').then((c) => c.sso ?? null);
    ssoSetting.then(setSso, () => (ssoSetting = null));
  }, []);
  return sso;
}

const ssoReasons = ['sso_not_linked', 'account_disabled', 'sso_email_unverified', 'sso_ambiguous', 'sso_no_claim', 'sso_cancelled', 'sso_unavailable', 'sso_failed'] as const;

/**
 * Officials of a deployment with an OpenID Connect provider sign in there: a full page load to
 * the server, which sends the browser on and takes it back. A refusal comes back as ?sso=reason.
 */
function SingleSignOn({ next, refused }: { next: string | null; refused: string | null }) {
  const { t } = useI18n();
  const sso = useSso();
  const reason = ssoReasons.find((r) => r === refused);
  if (!sso) return reason ? <Alert>{t(`signIn.sso.refused.${reason}`, { name: t('signIn.officials') })}</Alert> : null;
  const href = `/api/v1/auth/oidc/start?next=${encodeURIComponent(safeNext(next, '/staff'))}`;
  return (
    <div class="sso">
      {reason ? <Alert>{t(`signIn.sso.refused.${reason}`, { name: sso.name })}</Alert> : null}
      <p>
        <a class="button primary" href={href}>
          {t('signIn.sso.button', { name: sso.name })}
        </a>
      </p>
      <p>{t('signIn.sso.orPassword')}</p>
    </div>
  );
}

/** Setup codes are 8 digits; people copy them with spaces or dashes. */
const setupCodeOf = (text: string) => text.replace(/[\s-]/g, '');
const minPasswordLength = 10;

/**
 * Officials sign in with their password, or, with the setup code sent to their own phone or
 * e-mail (a new account, a reset), choose their password and are signed in.
 */
function OfficialForm({ next, refused }: { next: string | null; refused: string | null }) {
  const { t } = useI18n();
  const [withCode, setWithCode] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; code?: string }>({});
  const { busy, error, setError, run } = useSubmission();
  return (
    <Form
      class="form"
      aria-labelledby="official-heading"
      onSend={async () => {
        const found: typeof errors = {};
        if (!username.trim()) found.username = t('signIn.errors.username');
        if (withCode) {
          if (!/^\d{8}$/.test(setupCodeOf(code))) found.code = t('signIn.errors.setupCode');
          if ([...password.trim()].length < minPasswordLength) found.password = t('signIn.errors.newPassword', { min: minPasswordLength });
        } else if (!password) {
          found.password = t('signIn.errors.password');
        }
        setErrors(found);
        if (Object.keys(found).length) return;
        await run(async () => {
          if (withCode) await setUpOfficialPassword(username.trim(), setupCodeOf(code), password);
          else await signInOfficial(username.trim(), password);
          navigate(safeNext(next, '/staff'));
        });
      }}
    >
      <h2 id="official-heading">{withCode ? t('signIn.setupTitle') : t('signIn.officials')}</h2>
      {withCode ? <p>{t('signIn.setupLead')}</p> : <SingleSignOn next={next} refused={refused} />}
      <Alert>{error}</Alert>
      <Field label={t('signIn.username')} error={errors.username} required>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="username" type="text" autoComplete="username" autoCapitalize="none" spellcheck={false} aria-describedby={describedBy} aria-invalid={invalid} value={username} onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)} />
        )}
      </Field>
      {withCode ? (
        <Field label={t('signIn.setupCode')} hint={t('signIn.setupCodeHint')} error={errors.code} required>
          {({ id, describedBy, invalid }) => (
            <input id={id} name="setup-code" type="text" inputMode="numeric" autoComplete="one-time-code" aria-describedby={describedBy} aria-invalid={invalid} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
          )}
        </Field>
      ) : null}
      <Field
        label={withCode ? t('signIn.newPassword') : t('signIn.password')}
        hint={withCode ? t('signIn.newPasswordHint', { min: minPasswordLength }) : undefined}
        error={errors.password}
        required
      >
        {({ id, describedBy, invalid }) => (
          <input id={id} name="password" type="password" autoComplete={withCode ? 'new-password' : 'current-password'} aria-describedby={describedBy} aria-invalid={invalid} value={password} onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
        )}
      </Field>
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.sending') : withCode ? t('signIn.setupSubmit') : t('signIn.submit')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setWithCode(!withCode);
            setPassword('');
            setErrors({});
            setError(null);
          }}
        >
          {withCode ? t('signIn.withPassword') : t('signIn.haveSetupCode')}
        </button>
      </div>
    </Form>
  );
}

function ResidentForm({ next }: { next: string | null }) {
  const { t } = useI18n();
  const [destination, setDestination] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmission();
  const { locale } = useI18n();
  return (
    <Form
      class="form"
      aria-labelledby="resident-heading"
      onSend={async () => {
        setError(null);
        if (!sent) {
          if (!/^(\+?[0-9 ().-]{6,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(destination.trim())) {
            return setFieldError(t('signIn.errors.destination'));
          }
          setFieldError(null);
          await run(async () => {
            await api.post('/auth/code', { destination: destination.trim(), locale: serverLanguage(locale) });
            setSent(true);
          });
          return;
        }
        if (!/^\d{6}$/.test(code.trim())) return setFieldError(t('signIn.errors.code'));
        setFieldError(null);
        await run(async () => {
          const answer = await api.post<{ csrfToken?: string }>('/auth/code/verify', { destination: destination.trim(), code: code.trim() });
          if (answer.csrfToken) setCsrfToken(answer.csrfToken);
          await refreshSession();
          navigate(safeNext(next, '/track'));
        });
      }}
    >
      <h2 id="resident-heading">{t('signIn.residents')}</h2>
      <p>{t('signIn.residentsLead')}</p>
      <Alert>{error}</Alert>
      {!sent ? (
        <TextField label={t('signIn.destination')} hint={t('signIn.destinationHint')} error={fieldError} required inputMode="email" autoComplete="tel" value={destination} onInput={setDestination} />
      ) : (
        <>
          <Alert kind="info">{t('signIn.codeSent', { destination })}</Alert>
          <Field label={t('signIn.code')} error={fieldError} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="text" inputMode="numeric" autoComplete="one-time-code" autoFocus aria-describedby={describedBy} aria-invalid={invalid} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
            )}
          </Field>
        </>
      )}
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.sending') : sent ? t('signIn.verify') : t('signIn.sendCode')}
        </button>
        {sent ? (
          <button type="button" class="button secondary" onClick={() => { setSent(false); setCode(''); }}>
            {t('signIn.changeDestination')}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

export function SignInPage({ query }: PageProps) {
  const { t } = useI18n();
  const next = query.get('next');
  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <p class="lead">{t('signIn.lead')}</p>
      <div class="two-columns">
        <OfficialForm next={next} refused={query.get('sso')} />
        <ResidentForm next={next} />
      </div>
    </>
  );
}
