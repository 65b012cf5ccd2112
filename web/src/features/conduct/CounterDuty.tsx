/**
 * Who is on duty at each counter of a unit, held by the server: the counter's tablet shows them
 * and a rating there that names nobody is theirs. Leaders and administrators put anyone of the
 * unit on duty; an official of the unit says "I am on duty here now" for themselves.
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { SelectField, Form } from '../../app/components.tsx';
import type { DutyView } from '../../../../server/modules/conduct/conduct.schema.ts';
import type { Static } from 'typebox';
import type { StaffEntry } from './types.ts';

type Duty = Static<typeof DutyView>;

function CounterDutyRow({ point, staff }: { point: { id: number; name: string }; staff: StaffEntry[] }) {
  const { t, date } = useI18n();
  const { me } = useSession();
  const duty = useAsync(() => api.get<Duty>(`/satisfaction/service-points/${point.id}/duty`).catch(() => null), [point.id]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const d = duty.value;
  if (!d) return null;
  const set = async (official: number | null) => {
    setError(null);
    try {
      duty.set(await api.put<Duty>(`/satisfaction/service-points/${point.id}/duty`, { official }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const mine = me && d.official?.id === me.id;
  return (
    <li class="counter-duty" data-testid="counter-duty">
      <p>
        <strong>{point.name}</strong>:{' '}
        {d.official ? t('conduct.dutyNow', { name: d.official.name, date: date(d.since, true) }) : t('conduct.dutyNobody')}
      </p>
      <Alert>{error}</Alert>
      <div class="actions">
        {me && staff.some((s) => s.id === me.id) && !mine ? (
          <button type="button" class="button primary" onClick={() => void set(me.id)}>
            {t('conduct.dutyMe')}
          </button>
        ) : null}
        {mine ? (
          <button type="button" class="button secondary" onClick={() => void set(null)}>
            {t('conduct.dutyLeave')}
          </button>
        ) : null}
      </div>
      {d.canSetAnyone ? (
        <Form
          class="form inline-form"
          onSend={() => {
            void set(choice ? Number(choice) : null);
          }}
        >
          <SelectField label={t('conduct.onDuty')} value={choice} none={t('conduct.onDutyNone')} options={staff.map((s) => ({ value: String(s.id), label: s.name }))} onChange={setChoice} />
          <button type="submit" class="button secondary">
            {t('conduct.dutySet')}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export function CounterDuty({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const points = useAsync(() => api.get<{ items: Array<{ id: number; name: string }> }>(`/units/${encodeURIComponent(unit.code)}/service-points`), [unit.code]);
  const staff = useAsync(() => api.get<{ items: StaffEntry[] }>(`/units/${encodeURIComponent(unit.code)}/staff`), [unit.code]);
  if (!points.value?.items.length) return null;
  return (
    <section aria-labelledby="duty-heading">
      <h2 id="duty-heading">{t('conduct.dutyOf', { unit: unitName(unit, locale) })}</h2>
      <p class="hint">{t('conduct.dutyLead')}</p>
      <ul class="plain-list">
        {points.value.items.map((p) => (
          <CounterDutyRow key={p.id} point={p} staff={staff.value?.items ?? []} />
        ))}
      </ul>
    </section>
  );
}
