/**
 * API keys of the systems that speak to this deployment (Open311 clients such as FixMyStreet):
 * issue one for a client and a unit's subtree, see it once, revoke it.
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import type { ApiKeyView, IssuedApiKey } from '../../../../server/modules/api-keys/api-keys.schema.ts';
import { Alert, CopyButton, Empty, Field, Loading, UnitPicker, useAsync } from '../../app/ui.tsx';

export function ApiKeys() {
  const { t, locale } = useI18n();
  const keys = useAsync(() => api.get<{ items: ApiKeyView[] }>('/api-keys'), []);
  const [client, setClient] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [perMinute, setPerMinute] = useState('60');
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('interop.apiKeys')}</h2>
      <p>{t('interop.apiKeysLead')}</p>
      {keys.loading && !keys.value ? <Loading /> : null}
      <Alert>{keys.error}</Alert>
      {keys.value && !keys.value.items.length ? <Empty>{t('interop.noKeys')}</Empty> : null}
      {keys.value?.items.length ? (
        <table class="list-table">
          <caption class="sr-only">{t('interop.apiKeys')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('interop.client')}</th>
              <th scope="col">{t('interop.keyPrefix')}</th>
              <th scope="col">{t('interop.unit')}</th>
              <th scope="col">{t('interop.perMinute')}</th>
              <th scope="col">{t('interop.lastUsed')}</th>
              <th scope="col">{t('interop.state')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.value.items.map((k) => (
              <tr key={k.id}>
                <td data-label={t('interop.client')}>{k.client}</td>
                <td data-label={t('interop.keyPrefix')}>
                  <code>{k.prefix}…</code>
                </td>
                <td data-label={t('interop.unit')}>{k.unit ?? t('interop.everywhere')}</td>
                <td data-label={t('interop.perMinute')}>{k.perMinute}</td>
                <td data-label={t('interop.lastUsed')}>{when(k.lastUsedAt)}</td>
                <td data-label={t('interop.state')}>
                  {k.revokedAt ? (
                    <span class="badge">{t('interop.revokedAt', { at: when(k.revokedAt) })}</span>
                  ) : (
                    <button
                      type="button"
                      class="button secondary"
                      onClick={async () => {
                        if (!window.confirm(t('interop.revokeConfirm', { client: k.client }))) return;
                        try {
                          await api.post(`/api-keys/${k.id}/revoke`);
                          keys.reload();
                        } catch (err) {
                          setError(messageOf(err));
                        }
                      }}
                    >
                      {t('interop.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setClientError(client.trim() ? null : t('case.errors.required'));
          if (!client.trim()) return;
          setError(null);
          try {
            const answer = await api.post<IssuedApiKey>('/api-keys', { client: client.trim(), ...(unit ? { unit: unit.code } : {}), perMinute: Number(perMinute) || 60 });
            setIssued(answer);
            setClient('');
            keys.reload();
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      >
        <h3>{t('interop.issueKey')}</h3>
        <Alert>{error}</Alert>
        {issued ? (
          <Alert kind="success">
            <p>{t('interop.keyShownOnce', { client: issued.client })}</p>
            <p>
              <code data-testid="issued-key">{issued.key}</code> <CopyButton text={issued.key} label={t('interop.copyKey')} />
            </p>
          </Alert>
        ) : null}
        <Field label={t('interop.client')} error={clientError} required>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} value={client} onInput={(e) => setClient(e.currentTarget.value)} />
          )}
        </Field>
        <UnitPicker label={t('interop.unit')} hint={t('interop.unitHint')} value={unit} onChange={setUnit} />
        <Field label={t('interop.perMinute')}>
          {({ id }) => <input id={id} type="number" min={1} max={100000} value={perMinute} onInput={(e) => setPerMinute(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button primary">
          {t('interop.issue')}
        </button>
      </form>
    </section>
  );
}
