/**
 * The forms of the actions an official may take on a petition. Which ones show is decided by
 * the server (the petition's abilities); these only collect what each action needs.
 */
import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { Form, SelectField, TextField, useSubmission } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.ts';
import type { Agency, Petition, Unit } from '../../app/apiTypes.ts';
import { unitCode, unitName } from '../../app/unitNames.ts';
import { Alert, Checkbox, Field, UnitPicker, useAsync } from '../../app/ui.tsx';
import { escalationCauses, type ActionType } from '../../../../server/contract/domain.ts';
import type { CandidateView, HandedOver } from '../../../../server/modules/petitions/petitions.schema.ts';

export { actionOrder } from './actionTypes.ts';

/** Actions that need no more than a confirmation. */
const immediate = new Set<ActionType>(['accept', 'start', 'close', 'approve']);

function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function Text(props: { label: string; value: string; onInput(v: string): void; error?: string | null; rows?: number; required?: boolean; hint?: string }) {
  return (
    <Field label={props.label} error={props.error} required={props.required} hint={props.hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={props.rows ?? 3}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={props.value}
          onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    </Field>
  );
}

/**
 * Agencies that may take a case of this unit: those of the unit and of the unit above it (a
 * commune's case is often handled by the district's offices).
 */
function useUnitAgencies(unit: string) {
  const both = async <T extends { id: number }>(path: string): Promise<T[]> => {
    if (!unit) return [];
    const detail = await api.get<Unit>(`/units/${encodeURIComponent(unit)}`).catch(() => null);
    const codes = [unit, ...(detail?.parentCode ? [detail.parentCode] : [])];
    const lists = await Promise.all(
      codes.map((code, i) =>
        api.get<List<T>>(path, { unit: code, limit: 200 }).then(
          (l) => l.items,
          (e: unknown) => {
            if (i === 0) throw e; // the unit's own list must load; the parent's may be out of reach
            return [] as T[];
          },
        ),
      ),
    );
    const seen = new Set<number>();
    return lists.flat().filter((item) => !seen.has(item.id) && seen.add(item.id));
  };
  return useAsync(() => both<Agency>('/agencies'), [unit]);
}

/** The officials the server takes as the case's handler and as its responsible leader. */
function useCandidates(petitionId: number, wanted: boolean) {
  const list = (role: 'handler' | 'leader') => async () =>
    wanted ? (await api.get<List<CandidateView>>(`/petitions/${petitionId}/candidates`, { role })).items : [];
  const handlers = useAsync(list('handler'), [petitionId, wanted]);
  const leaders = useAsync(list('leader'), [petitionId, wanted]);
  return { handlers, leaders };
}

export function ActionForm({ type, petition, onDone, onCancel }: { type: ActionType; petition: Petition; onDone(p: Petition | HandedOver): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [publish, setPublish] = useState(true);
  const [toUnit, setToUnit] = useState<Unit | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmission();
  const set = (k: string) => (v: string) => setFields((f) => ({ ...f, [k]: v }));
  const agencies = useUnitAgencies(type === 'assign' || type === 'transfer' ? unitCode(petition.unit) : '');
  const candidates = useCandidates(petition.id, type === 'assign');

  const required = (names: string[]) => {
    const found: Record<string, string> = {};
    for (const name of names) if (!fields[name]?.trim()) found[name] = t('case.errors.required');
    return found;
  };

  const build = (): { body?: Record<string, unknown>; errors: Record<string, string> } => {
    switch (type) {
      case 'reject':
        return { errors: required(['reason']), body: { reason: fields.reason?.trim() } };
      case 'escalate':
        return { errors: required(['reason']), body: { reason: fields.reason?.trim(), cause: fields.cause || undefined } };
      case 'assign': {
        const found = required(['handler', 'leader', 'expectedResult']);
        return {
          errors: found,
          body: {
            agency: fields.agency ? Number(fields.agency) : undefined,
            content: fields.content?.trim() || undefined,
            handler: Number(fields.handler),
            leader: Number(fields.leader),
            expectedResult: fields.expectedResult?.trim(),
            dueAt: toIso(fields.dueAt ?? ''),
          },
        };
      }
      case 'answer':
        return { errors: required(['text']), body: { text: fields.text?.trim(), publish } };
      case 'transfer': {
        const found = required(['reason']);
        if (!toUnit && !fields.toAgency) found.target = t('case.errors.transferTarget');
        return {
          errors: found,
          body: {
            toUnit: toUnit?.code,
            toAgency: fields.toAgency ? Number(fields.toAgency) : undefined,
            reason: fields.reason?.trim(),
          },
        };
      }
      case 'merge': {
        const found = required(['into']);
        if (fields.into && !/^\d+$/.test(fields.into.trim())) found.into = t('case.errors.number');
        return { errors: found, body: { into: Number(fields.into), reason: fields.reason?.trim() || undefined } };
      }
      case 'extend': {
        const found = required(['dueAt', 'reason']);
        return { errors: found, body: { dueAt: toIso(fields.dueAt ?? ''), reason: fields.reason?.trim() } };
      }
      case 'note':
        return { errors: required(['text']), body: { text: fields.text?.trim() } };
      case 'reopen':
      case 'review':
      case 're_review':
      case 'return':
        return { errors: required(['reason']), body: { reason: fields.reason?.trim() } };
      case 'close':
        return { errors: {}, body: fields.reason?.trim() ? { reason: fields.reason.trim() } : {} };
      default:
        return { errors: {}, body: {} };
    }
  };

  const submit = async () => {
    const { body, errors: found } = build();
    setErrors(found);
    if (Object.keys(found).length) return;
    // The version seen: if someone else acted meanwhile, the server answers 409 instead of overwriting.
    await run(async () => onDone(await api.post<Petition | HandedOver>(`/petitions/${petition.id}/actions`, { type, version: petition.version, ...body })));
  };

  const candidateChoices = (list: CandidateView[] | undefined) =>
    (list ?? []).map((c) => ({ value: String(c.id), label: t('case.candidate', { name: c.name, role: t(`role.${c.role}`), unit: unitName(c.unit, locale), count: c.openCases }) }));
  const agencyChoices = (agencies.value ?? []).map((a) => ({ value: String(a.id), label: `${a.name} (${unitName(a.unit, locale)})` }));

  return (
    <Form class="form action-form" onSend={submit} aria-labelledby="action-heading">
      <h3 id="action-heading">{t(`action.${type}`)}</h3>
      {immediate.has(type) ? <p>{t(`actionHint.${type}`)}</p> : null}
      <Alert>{error}</Alert>
      {type === 'escalate' ? (
        <SelectField
          label={t('case.cause')}
          value={fields.cause ?? ''}
          none={t('case.choose')}
          options={escalationCauses.map((c) => ({ value: c, label: t(`cause.${c}`) }))}
          onChange={set('cause')}
        />
      ) : null}
      {(['reject', 'escalate', 'reopen', 'close', 'review', 're_review', 'return'] as ActionType[]).includes(type) && (
        <Text
          label={t('case.reason')}
          value={fields.reason ?? ''}
          onInput={set('reason')}
          error={errors.reason}
          required={type !== 'close'}
          hint={type === 'escalate' ? t('case.escalateHint') : type === 'review' || type === 're_review' ? t('case.reviewHint') : undefined}
        />
      )}
      {type === 'assign' ? (
        <>
          <Alert>{agencies.error ?? candidates.handlers.error ?? candidates.leaders.error}</Alert>
          <p class="hint">{t('case.fiveClear')}</p>
          <Text label={t('case.contentField')} hint={t('case.contentHint')} value={fields.content ?? ''} onInput={set('content')} rows={2} />
          <SelectField label={t('case.agency')} error={errors.agency} value={fields.agency ?? ''} none={t('case.choose')} options={agencyChoices} onChange={set('agency')} />
          {(['handler', 'leader'] as const).map((role) => (
            <SelectField
              key={role}
              label={t(`case.${role}`)}
              error={errors[role]}
              required
              value={fields[role] ?? ''}
              none={t('case.choose')}
              options={candidateChoices(candidates[role === 'handler' ? 'handlers' : 'leaders'].value)}
              onChange={set(role)}
            />
          ))}
          <Text label={t('case.expectedResult')} value={fields.expectedResult ?? ''} onInput={set('expectedResult')} error={errors.expectedResult} required rows={2} />
          <Field label={t('case.dueAt')} hint={t('case.dueAtHint')}>
            {({ id, describedBy }) => <input id={id} type="datetime-local" aria-describedby={describedBy} value={fields.dueAt ?? ''} onInput={(e) => set('dueAt')((e.currentTarget as HTMLInputElement).value)} />}
          </Field>
        </>
      ) : null}
      {type === 'answer' ? (
        <>
          <Text label={t('case.answerText')} value={fields.text ?? ''} onInput={set('text')} error={errors.text} required rows={6} />
          <Checkbox label={t('case.publish')} hint={t('case.publishHint')} checked={publish} onChange={setPublish} />
        </>
      ) : null}
      {type === 'note' ? <Text label={t('case.noteText')} hint={t('case.noteHint')} value={fields.text ?? ''} onInput={set('text')} error={errors.text} required /> : null}
      {type === 'transfer' ? (
        <>
          {errors.target ? (
            <p class="field-error" role="alert">
              {errors.target}
            </p>
          ) : null}
          <UnitPicker label={t('case.toUnit')} value={toUnit} onChange={setToUnit} />
          <SelectField label={t('case.toAgency')} value={fields.toAgency ?? ''} none={t('case.none')} options={agencyChoices} onChange={set('toAgency')} />
          <Text label={t('case.reason')} value={fields.reason ?? ''} onInput={set('reason')} error={errors.reason} required />
        </>
      ) : null}
      {type === 'merge' ? (
        <TextField label={t('case.mergeInto')} hint={t('case.mergeHint')} error={errors.into} required inputMode="numeric" value={fields.into ?? ''} onInput={set('into')} />
      ) : null}
      {type === 'extend' ? (
        <>
          <Field label={t('case.newDue')} error={errors.dueAt} required>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="datetime-local" aria-describedby={describedBy} aria-invalid={invalid} value={fields.dueAt ?? ''} onInput={(e) => set('dueAt')((e.currentTarget as HTMLInputElement).value)} />
            )}
          </Field>
          <Text label={t('case.reason')} value={fields.reason ?? ''} onInput={set('reason')} error={errors.reason} required />
        </>
      ) : null}
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.sending') : t(`action.${type}`)}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Form>
  );
}
