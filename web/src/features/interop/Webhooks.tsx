/**
 * Webhook subscriptions: a URL told of chosen events of a unit's subtree, signed with a secret
 * shown once; each with its deliveries counted and the status of its last attempt.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import type { CreatedSubscription, DeliveryView, SubscriptionView } from '../../../../server/modules/webhooks/webhooks.schema.ts';
import { Alert, Checkbox, Empty, Loading, UnitPicker, useAsync } from '../../app/ui.tsx';
import { ShownOnce } from './ShownOnce.tsx';
import { EndButton } from './EndButton.tsx';
import { ListTable, TextField, useSubmission, type Column, Form } from '../../app/components.tsx';

function Deliveries({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.get<{ items: DeliveryView[] }>(`/webhooks/${id}/deliveries`), [id]);
  if (list.loading && !list.value) return <Loading />;
  if (list.error) return <Alert>{list.error}</Alert>;
  if (!list.value!.items.length) return <Empty>{t('interop.noDeliveries')}</Empty>;
  return (
    <ul class="plain-list">
      {list.value!.items.map((d) => (
        <li key={d.id}>
          <code>{d.event}</code> · {new Date(d.createdAt).toLocaleString(locale)} ·{' '}
          {d.deliveredAt ? t('interop.delivered') : d.failedAt ? t('interop.failed') : t('interop.pending')} ·{' '}
          {t('interop.attempts', { n: d.attempts })}
          {d.lastStatus !== null ? ` · HTTP ${d.lastStatus}` : d.lastError ? ` · ${d.lastError}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function Webhooks() {
  const { t, locale } = useI18n();
  const subs = useAsync(() => api.get<{ items: SubscriptionView[] }>('/webhooks'), []);
  const events = useAsync(() => api.get<{ items: string[] }>('/webhooks/events'), []);
  const [url, setUrl] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [made, setMade] = useState<CreatedSubscription | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sending = useSubmission();
  const eventName = (e: string) => t(`interop.event.${e.replace('.', '_')}`, { defaultValue: e });
  const columns: Column<SubscriptionView>[] = [
    {
      header: t('interop.url'),
      cell: (s) => (
        <>
          <code>{s.url}</code>
          {s.description ? <div class="muted small">{s.description}</div> : null}
        </>
      ),
    },
    { header: t('interop.unit'), cell: (s) => s.unit?.name ?? t('interop.everywhere') },
    { header: t('interop.events'), cell: (s) => s.events.map(eventName).join(', ') },
    {
      header: t('interop.deliveries'),
      cell: (s) => (
        <>
          {t('interop.deliveryCounts', s.deliveries)}{' '}
          <button type="button" class="button link" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? null : s.id)}>
            {t('interop.showDeliveries')}
          </button>
          {open === s.id ? <Deliveries id={s.id} /> : null}
        </>
      ),
    },
    {
      header: t('interop.lastAttempt'),
      cell: (s) => (s.lastAttemptAt ? `${new Date(s.lastAttemptAt).toLocaleString(locale)}${s.lastStatus !== null ? ` · HTTP ${s.lastStatus}` : ''}` : '—'),
    },
    {
      header: t('interop.state'),
      cell: (s) => (
        <EndButton
          ended={s.disabledAt && t('interop.stoppedAt', { at: new Date(s.disabledAt).toLocaleString(locale) })}
          label={t('interop.stop')}
          confirm={t('interop.stopConfirm', { url: s.url })}
          path={`/webhooks/${s.id}/stop`}
          sending={sending}
          reload={subs.reload}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t('interop.webhooks')}</h2>
      <p>{t('interop.webhooksLead')}</p>
      <ListTable list={subs} empty={t('interop.noWebhooks')} caption={t('interop.webhooks')} columns={columns} rowKey={(s) => s.id} />
      <Form
        class="form"
        onSend={async () => {
          const found: Record<string, string> = {};
          if (!/^https?:\/\/\S+$/.test(url.trim())) found.url = t('interop.errors.url');
          if (!chosen.length) found.events = t('interop.errors.events');
          setErrors(found);
          if (Object.keys(found).length) return;
          await sending.run(async () => {
            const answer = await api.post<CreatedSubscription>('/webhooks', { url: url.trim(), events: chosen, ...(unit ? { unit: unit.code } : {}) });
            setMade(answer);
            setUrl('');
            setChosen([]);
            subs.reload();
          });
        }}
      >
        <h3>{t('interop.subscribe')}</h3>
        <Alert>{sending.error}</Alert>
        {made ? <ShownOnce lead={t('interop.secretShownOnce', { url: made.url })} secret={made.secret} copyLabel={t('interop.copySecret')} testId="webhook-secret" /> : null}
        <TextField label={t('interop.url')} type="url" error={errors.url} hint={t('interop.urlHint')} required value={url} onInput={setUrl} />
        <UnitPicker label={t('interop.unit')} hint={t('interop.unitHint')} value={unit} onChange={setUnit} />
        <fieldset class="field">
          <legend>{t('interop.events')}</legend>
          {errors.events ? <p class="field-error">{errors.events}</p> : null}
          {(events.value?.items ?? []).map((ev) => (
            <Checkbox key={ev} label={eventName(ev)} checked={chosen.includes(ev)} onChange={(on) => setChosen((c) => (on ? [...c, ev] : c.filter((x) => x !== ev)))} />
          ))}
        </fieldset>
        <button type="submit" class="button primary" disabled={sending.busy}>
          {t('interop.subscribeButton')}
        </button>
      </Form>
    </section>
  );
}
