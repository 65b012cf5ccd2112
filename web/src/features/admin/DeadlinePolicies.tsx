import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../../app/api.ts';
import { ColumnHeads } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { petitionKinds } from '../../../../server/contract/domain.ts';
import type { PolicyView } from '../../../../server/modules/petitions/petitions.schema.ts';
import { Alert, Loading, useAsync } from '../../app/ui.tsx';

/** A policy as the server presents it (GET /api/v1/deadline-policies). */
type Policy = PolicyView;

type Editable = 'ackWorkingDays' | 'resolutionDays' | 'reopenDays' | 'reviewDays' | 'reReviewDays';
const editable: Editable[] = ['ackWorkingDays', 'resolutionDays', 'reopenDays', 'reviewDays', 'reReviewDays'];
/** Left empty, these mean "no such step". */
const optional = new Set<Editable>(['reviewDays', 'reReviewDays']);

/** What the server takes back: the policy's values, without who owns it. */
function policyBody(p: Policy, unit: Unit | null) {
  const { kind: _kind, unit: _owner, country: _country, channel: _channel, ...values } = p;
  return { ...values, unit: unit?.code };
}

/**
 * Deadline policies per kind (deployment-wide, or in force at one unit), each with its legal
 * source and where it comes from. A unit's change is a local decision: it names no statute.
 */
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
  // The table edits each kind's policy for every channel; those for one channel (a hotline's
  // local time limits) are listed below it.
  const byKind = new Map<string, Policy>(list.value.items.filter((p) => p.channel === null).map((p) => [p.kind, p]));
  const forChannels = list.value.items.filter((p) => p.channel !== null);
  const cell = (kind: string, field: Editable) => {
    const edited = edits[kind] && field in edits[kind] ? edits[kind][field] : undefined;
    const value = (edited === undefined ? byKind.get(kind)?.[field] : edited) ?? '';
    return (
      <input
        type="number"
        min={0}
        max={365}
        aria-label={`${t(`kind.${kind}`)}: ${t(`admin.${field}`)}`}
        value={String(value)}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          const empty = optional.has(field) ? null : undefined;
          setEdits((all) => ({ ...all, [kind]: { ...all[kind], [field]: v === '' ? empty : Number(v) } }));
        }}
      />
    );
  };
  const dayTypes = (p: Policy) =>
    p.ackDayType === p.dayType ? t(`admin.days.${p.dayType}`) : `${t(`admin.days.${p.ackDayType}`)} / ${t(`admin.days.${p.dayType}`)}`;
  const extensions = (p: Policy) => {
    if (p.maxExtensions === 0) return t('admin.none');
    if (p.maxExtensions === null && p.extensionDays === null) return t('admin.extensionsAny');
    return t('admin.extensionsValue', { times: p.maxExtensions ?? '∞', days: p.extensionDays ?? '∞' });
  };
  const source = (p: Policy) => (
    <>
      <span>{p.legalSource ?? t('admin.localDecision')}</span>
      <br />
      <small class="hint">
        {p.unit !== null
          ? p.unit.code === unit?.code
            ? t('admin.policyOwn')
            : t('admin.policyFrom', { unit: p.unit.name })
          : p.country !== null
            ? t('admin.policyCountry', { country: t(`admin.country.${p.country}`) })
            : t('admin.policyDeployment')}
      </small>
    </>
  );
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
            const merged: Policy = { ...current, ...change };
            // An inherited policy changed for this unit becomes the unit's own: the law it came from no longer speaks for it.
            const own = unit ? current.unit?.code === unit.code : current.unit === null && current.country === null;
            const body = { ...policyBody(merged, unit), legalSource: own ? current.legalSource : null };
            saved.set(kind, await api.put<Policy>(`/deadline-policies/${encodeURIComponent(kind)}`, body));
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
        <ColumnHeads labels={[t('track.kind'), ...editable.map((f) => t(`admin.${f}`)), t('admin.dayType'), t('admin.extensions'), t('admin.legalSource')]} />
        <tbody>
          {petitionKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`kind.${kind}`)}</th>
              {editable.map((f) => (
                <td key={f} data-label={t(`admin.${f}`)}>
                  {cell(kind, f)}
                </td>
              ))}
              <td data-label={t('admin.dayType')}>{byKind.get(kind) ? dayTypes(byKind.get(kind)!) : '—'}</td>
              <td data-label={t('admin.extensions')}>{byKind.get(kind) ? extensions(byKind.get(kind)!) : '—'}</td>
              <td data-label={t('admin.legalSource')}>{byKind.get(kind) ? source(byKind.get(kind)!) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {forChannels.length ? (
        <>
          <h3>{t('admin.channelPolicies')}</h3>
          <ul class="plain-list">
            {forChannels.map((p) => (
              <li key={`${p.kind}:${p.channel}`}>
                {t('admin.channelPolicy', {
                  channel: t(`channel.${p.channel}`),
                  kind: t(`kind.${p.kind}`),
                  ack: p.ackWorkingDays,
                  ackDays: t(`admin.days.${p.ackDayType}`),
                  resolve: p.resolutionDays,
                  days: t(`admin.days.${p.dayType}`),
                })}{' '}
                — {source(p)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="submit" class="button primary" disabled={!Object.keys(edits).length}>
        {t('admin.save')}
      </button>
    </form>
  );
}
