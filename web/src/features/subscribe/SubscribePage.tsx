/**
 * Residents follow a unit's or a topic's announcements by SMS or e-mail, without an account;
 * every message carries the code that stops them (the unsubscribe page takes it).
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { Form } from '../../app/components.tsx';
import { Alert, CategorySelect, Field, PageTitle, RadioGroup, UnitPicker } from '../../app/ui.tsx';
import type { SubscriptionView } from '../../../../server/modules/knowledge/knowledge.schema.ts';

export function SubscribePage(_props: PageProps) {
  const { t, locale } = useI18n();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [category, setCategory] = useState('');
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SubscriptionView | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    if (!unit && !category) return setError(t('subscribe.needSubject'));
    if (!address.trim()) return setError(t(channel === 'sms' ? 'subscribe.needPhone' : 'subscribe.needEmail'));
    setBusy(true);
    try {
      const body = {
        ...(unit ? { unit: unit.code } : {}),
        ...(category ? { category } : {}),
        channel,
        ...(channel === 'sms' ? { phone: address.trim() } : { email: address.trim() }),
        language: serverLanguage(locale),
      };
      setDone(await api.post<SubscriptionView>('/subscriptions', body));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <>
        <PageTitle>{t('subscribe.title')}</PageTitle>
        <Alert kind="success">{t(channel === 'sms' ? 'subscribe.doneSms' : 'subscribe.doneEmail')}</Alert>
        <p>
          <a href="/knowledge">{t('subscribe.toKnowledge')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('subscribe.title')}</PageTitle>
      <p class="lead">{t('subscribe.lead')}</p>
      <Form onSend={submit} class="form" data-testid="subscribe-form">
        <UnitPicker label={t('subscribe.unit')} hint={t('subscribe.unitHint')} value={unit} onChange={setUnit} />
        <CategorySelect value={category} onChange={setCategory} />
        <RadioGroup
          legend={t('subscribe.channel')}
          name="channel"
          value={channel}
          onChange={(c) => {
            setChannel(c);
            setAddress('');
          }}
          options={[
            { value: 'sms', label: t('subscribe.sms') },
            { value: 'email', label: t('subscribe.email') },
          ]}
        />
        <Field label={t(channel === 'sms' ? 'raise.phone' : 'raise.email')} required>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type={channel === 'sms' ? 'tel' : 'email'}
              autoComplete={channel === 'sms' ? 'tel' : 'email'}
              value={address}
              onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
        <Alert>{error}</Alert>
        <button type="submit" class="button primary" disabled={busy}>
          {t('subscribe.submit')}
        </button>
      </Form>
      <p class="muted small">{t('subscribe.privacy')}</p>
    </>
  );
}

export function UnsubscribePage({ query }: PageProps) {
  const { t } = useI18n();
  const [code, setCode] = useState(query.get('code') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<SubscriptionView | null>(null);
  const submit = async () => {
    setError(null);
    try {
      setEnded(await api.post<SubscriptionView>('/subscriptions/unsubscribe', { code: code.trim() }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <>
      <PageTitle>{t('unsubscribe.title')}</PageTitle>
      {ended ? (
        <Alert kind="success">
          {t('unsubscribe.done', { followed: [ended.unit?.name, ended.category ? t(`category.${ended.category}`) : null].filter(Boolean).join(' · ') })}
        </Alert>
      ) : (
        <Form onSend={submit} class="form">
          <Field label={t('unsubscribe.code')} hint={t('unsubscribe.codeHint')} required>
            {({ id, describedBy }) => (
              <input id={id} aria-describedby={describedBy} value={code} autoComplete="off" onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
            )}
          </Field>
          <Alert>{error}</Alert>
          <button type="submit" class="button primary">
            {t('unsubscribe.submit')}
          </button>
        </Form>
      )}
    </>
  );
}
