import { useState } from 'preact/hooks';
import { api, ApiError, messageOf, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { petitionKinds, type Unit } from '../../app/types.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';

interface Policy {
  id?: number;
  kind: string;
  unit?: string | null;
  acknowledgeDays?: number | null;
  resolveDays?: number | null;
  urgentResolveHours?: number | null;
  [field: string]: unknown;
}

/** Deadline policies per kind (deployment-wide, or for one unit), in working days. */
export function DeadlinePolicies({ unit }: { unit: Unit | null }) {
  const { t } = useI18n();
  const list = useAsync(
    () =>
      api.get<List<Policy>>('/deadline-policies', { unit: unit?.code }).catch((e: unknown) => {
        if (e instanceof ApiError && e.missingRoute) return null;
        throw e;
      }),
    [unit?.code],
  );
  const [edits, setEdits] = useState<Record<string, Partial<Policy>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (list.loading) return <Loading />;
  if (list.error) return <Alert>{list.error}</Alert>;
  if (list.value === null) return <Alert kind="info">{t('admin.deadlinesUnavailable')}</Alert>;
  const byKind = new Map((list.value?.items ?? []).map((p) => [p.kind, p]));
  const numberField = (kind: string, field: 'acknowledgeDays' | 'resolveDays', label: string) => {
    const value = edits[kind]?.[field] ?? byKind.get(kind)?.[field] ?? '';
    return (
      <input
        type="number"
        min={0}
        max={365}
        aria-label={`${t(`kind.${kind}`)}: ${label}`}
        value={value === null ? '' : String(value)}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          setEdits((all) => ({ ...all, [kind]: { ...all[kind], [field]: v === '' ? null : Number(v) } }));
        }}
      />
    );
  };
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        try {
          for (const [kind, change] of Object.entries(edits)) {
            await api.put(`/deadline-policies/${encodeURIComponent(kind)}`, { ...change, unit: unit?.code });
          }
          setEdits({});
          setMessage({ kind: 'success', text: t('admin.saved') });
          list.reload();
        } catch (err) {
          setMessage({ kind: 'error', text: messageOf(err) });
        }
      }}
    >
      <h2>{unit ? t('admin.deadlinesFor', { unit: unit.name }) : t('admin.deadlinesDefault')}</h2>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <table class="list-table">
        <caption class="sr-only">{t('admin.section.deadlines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('track.kind')}</th>
            <th scope="col">{t('admin.acknowledgeDays')}</th>
            <th scope="col">{t('admin.resolveDays')}</th>
          </tr>
        </thead>
        <tbody>
          {petitionKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`kind.${kind}`)}</th>
              <td data-label={t('admin.acknowledgeDays')}>{numberField(kind, 'acknowledgeDays', t('admin.acknowledgeDays'))}</td>
              <td data-label={t('admin.resolveDays')}>{numberField(kind, 'resolveDays', t('admin.resolveDays'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" class="button primary" disabled={!Object.keys(edits).length}>
        {t('admin.save')}
      </button>
    </form>
  );
}
