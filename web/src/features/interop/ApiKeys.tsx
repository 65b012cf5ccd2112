/**
 * API keys of the systems that speak to this deployment (Open311 clients such as FixMyStreet):
 * issue one for a client and a unit's subtree, see it once, revoke it.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import type { ApiKeyView, IssuedApiKey } from '../../../../server/modules/api-keys/api-keys.schema.ts';
import { Alert, UnitPicker, useAsync } from '../../app/ui.tsx';
import { ShownOnce } from './ShownOnce.tsx';
import { EndButton } from './EndButton.tsx';
import { ListTable, TextField, useSubmission, type Column, Form } from '../../app/components.tsx';

export function ApiKeys() {
  const { t, locale } = useI18n();
  const keys = useAsync(() => api.get<{ items: ApiKeyView[] }>('/api-keys'), []);
  const [client, setClient] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [perMinute, setPerMinute] = useState('60');
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const sending = useSubmission();
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  const columns: Column<ApiKeyView>[] = [
    { header: t('interop.client'), cell: (k) => k.client },
    { header: t('interop.keyPrefix'), cell: (k) => <code>{k.prefix}…</code> },
    { header: t('interop.unit'), cell: (k) => k.unit?.name ?? t('interop.everywhere') },
    { header: t('interop.perMinute'), cell: (k) => k.perMinute },
    { header: t('interop.lastUsed'), cell: (k) => when(k.lastUsedAt) },
    {
      header: t('interop.state'),
      cell: (k) => (
        <EndButton
          ended={k.revokedAt && t('interop.revokedAt', { at: when(k.revokedAt) })}
          label={t('interop.revoke')}
          confirm={t('interop.revokeConfirm', { client: k.client })}
          path={`/api-keys/${k.id}/revoke`}
          sending={sending}
          reload={keys.reload}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('interop.apiKeys')}</h2>
      <p>{t('interop.apiKeysLead')}</p>
      <ListTable list={keys} empty={t('interop.noKeys')} caption={t('interop.apiKeys')} columns={columns} rowKey={(k) => k.id} />
      <Form
        class="form"
        onSend={async () => {
          setClientError(client.trim() ? null : t('case.errors.required'));
          if (!client.trim()) return;
          await sending.run(async () => {
            const answer = await api.post<IssuedApiKey>('/api-keys', { client: client.trim(), ...(unit ? { unit: unit.code } : {}), perMinute: Number(perMinute) || 60 });
            setIssued(answer);
            setClient('');
            keys.reload();
          });
        }}
      >
        <h3>{t('interop.issueKey')}</h3>
        <Alert>{sending.error}</Alert>
        {issued ? <ShownOnce lead={t('interop.keyShownOnce', { client: issued.client })} secret={issued.key} copyLabel={t('interop.copyKey')} testId="issued-key" /> : null}
        <TextField label={t('interop.client')} error={clientError} required value={client} onInput={setClient} />
        <UnitPicker label={t('interop.unit')} hint={t('interop.unitHint')} value={unit} onChange={setUnit} />
        <TextField label={t('interop.perMinute')} type="number" min={1} max={100000} value={perMinute} onInput={setPerMinute} />
        <button type="submit" class="button primary" disabled={sending.busy}>
          {t('interop.issue')}
        </button>
      </Form>
    </section>
  );
}
