import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/types.ts';
import { petitionKinds } from '../../../../server/contract/domain.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';

interface Policy {
  kind: string;
  unit: string | null;
  ackWorkingDays: number;
  urgentAckWorkingHours: number | null;
  resolutionDays: number;
  urgentResolutionDays: number | null;
  dayType: 'working' | 'calendar';
  maxExtensions: number | null;
  extensionDays: number | null;
  anonymousAllowed: boolean;
  reopenDays: number;
  autoEscalate: boolean;
}

type Editable = 'ackWorkingDays' | 'resolutionDays' | 'reopenDays';
const editable: Editable[] = ['ackWorkingDays', 'resolutionDays', 'reopenDays'];

/** Deadline policies per kind (deployment-wide, or for one unit), in working days. */
export function DeadlinePolicies({ unit }: { unit: Unit | null }) {
  const { t } = useI18n();
  const list = useAsync(
    () =>
      api.get<{ items: Policy[] }>('/deadline-policies', { unit: unit?.code }).catch((e: unknown) => {
        if (e instanceof ApiError && e.missingRoute) return null;
        throw e;
      }),
    [unit?.code],
  );
  const [edits, setEdits] = useState<Record<string, Partial<Policy>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (list.loading) return <Loading />;
  if (list.error) return <Alert>{list.error}</Alert>;
  if (list.value === null || list.value === undefined) return <Alert kind="info">{t('admin.deadlinesUnavailable')}</Alert>;
  const byKind = new Map(list.value.items.map((p) => [p.kind, p]));
  const cell = (kind: string, field: Editable) => {
    const value = edits[kind]?.[field] ?? byKind.get(kind)?.[field] ?? '';
    return (
      <input
        type="number"
        min={0}
        max={365}
        aria-label={`${t(`kind.${kind}`)}: ${t(`admin.${field}`)}`}
        value={String(value)}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          setEdits((all) => ({ ...all, [kind]: { ...all[kind], [field]: v === '' ? undefined : Number(v) } }));
        }}
      />
    );
  };
  return (
    <form
      class="form wide"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        try {
          const saved = new Map<string, Policy>();
          for (const [kind, change] of Object.entries(edits)) {
            const current = byKind.get(kind);
            if (!current) continue;
            const { kind: _k, unit: _u, ...rest } = { ...current, ...change };
            saved.set(kind, await api.put<Policy>(`/deadline-policies/${encodeURIComponent(kind)}`, { ...rest, unit: unit?.code }));
          }
          // The server's answers replace the rows at once, so the old values never show again.
          list.set({ items: list.value!.items.map((p) => saved.get(p.kind) ?? p) });
          setEdits({});
          setMessage({ kind: 'success', text: t('admin.saved') });
        } catch (err) {
          setMessage({ kind: 'error', text: messageOf(err) });
        }
      }}
    >
      <h2>{unit ? t('admin.deadlinesFor', { unit: unit.name }) : t('admin.deadlinesDefault')}</h2>
      <p class="hint">{t('admin.deadlinesLead')}</p>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <table class="list-table">
        <caption class="sr-only">{t('admin.section.deadlines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('track.kind')}</th>
            {editable.map((f) => (
              <th scope="col" key={f}>
                {t(`admin.${f}`)}
              </th>
            ))}
            <th scope="col">{t('admin.dayType')}</th>
          </tr>
        </thead>
        <tbody>
          {petitionKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`kind.${kind}`)}</th>
              {editable.map((f) => (
                <td key={f} data-label={t(`admin.${f}`)}>
                  {cell(kind, f)}
                </td>
              ))}
              <td data-label={t('admin.dayType')}>{byKind.get(kind) ? t(`admin.days.${byKind.get(kind)!.dayType}`) : '—'}</td>
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
