/**
 * The forms of the staff page for the unit's leaders and administrators: the year's targets,
 * and the steering committee — a member added with a role, a role changed, a member leaving,
 * a meeting recorded with its agenda, attendance, minutes and decisions (each with an owner and
 * a due day).
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { Alert, useAsync } from '../../app/ui.tsx';
import { Options, useSubmission } from '../../app/components.tsx';
import type { Static } from 'typebox';
import type { CommitteeView, TargetsView } from '../../../../server/modules/reports/reports.schema.ts';
import { steeringRoles, type SteeringRole } from '../../../../server/contract/domain.ts';

type Targets = Static<typeof TargetsView>;
const rateKeys = ['resolutionRate', 'onTimeRate', 'satisfactionRate'] as const;

/** A percentage typed by a person (90, 87.5) as a fraction, null when empty, undefined when invalid. */
function fraction(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 100) / 10_000 : undefined;
}
const asPercent = (r: number | null | undefined) => (r === null || r === undefined ? '' : String(Math.round(r * 10_000) / 100));

/** A member's role in the committee, chosen in the line of a form. */
function MemberRole({ value, name, onChange }: { value: string; name?: string; onChange(role: SteeringRole): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('reports.committeeForm.role')}{' '}
      <select name={name} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as SteeringRole)}>
        <Options choices={steeringRoles.map((r) => ({ value: r, label: t(`reports.memberRole.${r}`) }))} />
      </select>
    </label>
  );
}

/** An input in the line of a form, its words before it inside the label. */
function LineInput(props: { label: string; name: string; value: string; onInput(value: string): void; type?: 'text' | 'email' | 'date'; size?: number; required?: boolean }) {
  const { label, type = 'text', onInput, ...rest } = props;
  return (
    <label>
      {label} <input type={type} {...rest} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
    </label>
  );
}

/** A box of several lines under its label, in a paragraph of its own. */
function LinesInput({ label, name, value, onInput }: { label: string; name: string; value: string; onInput(value: string): void }) {
  return (
    <p>
      <label>
        {label}
        <br />
        <textarea name={name} rows={3} cols={60} value={value} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />
      </label>
    </p>
  );
}

/** The unit's targets for a year: those that apply now, and the form that sets the unit's own. */
export function TargetsForm({ unit, year: initialYear, onSaved }: { unit: string; year: number; onSaved(): void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const current = useAsync(() => api.get<Targets>('/reports/targets', { unit, year: String(year) }).catch(() => null), [unit, year]);
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const sending = useSubmission();
  const [saved, setSaved] = useState(false);
  if (!current.value) return null;
  const own = current.value.own.find((o) => o.year === year);
  const shown = values ?? Object.fromEntries(rateKeys.map((k) => [k, asPercent(own?.[k])]));
  const applying = current.value.applying;
  const submit = async (e: Event) => {
    e.preventDefault();
    sending.setError(null);
    setSaved(false);
    const rates = Object.fromEntries(rateKeys.map((k) => [k, fraction(shown[k] ?? '')]));
    if (Object.values(rates).some((r) => r === undefined)) return sending.setError(t('reports.targetsForm.invalid'));
    if (await sending.run(() => api.put('/reports/targets', { unit, year, ...rates }))) {
      setSaved(true);
      setValues(null);
      current.reload();
      onSaved();
    }
  };
  return (
    <section class="no-print" aria-labelledby="targets-heading" data-targets-form>
      <h2 id="targets-heading">{t('reports.targetsForm.title', { year })}</h2>
      <p class="hint">
        {applying
          ? t('reports.targetsForm.applying', { unit: applying.setBy.name, year: applying.year ?? t('reports.targetsForm.default') })
          : t('reports.targetsForm.none')}
      </p>
      <form onSubmit={submit}>
        <label>
          {t('reports.targetsForm.year')}{' '}
          <input
            type="number"
            name="year"
            min={1900}
            max={2999}
            value={year}
            onChange={(e) => {
              const y = Number((e.target as HTMLInputElement).value);
              if (y >= 1900 && y <= 2999) {
                setYear(y);
                setValues(null);
              }
            }}
          />
        </label>
        {rateKeys.map((k) => (
          <label key={k}>
            {' '}
            {t(`figures.${k}`)} (%){' '}
            <input
              type="text"
              inputMode="decimal"
              name={k}
              size={6}
              value={shown[k]}
              onInput={(e) => setValues({ ...shown, [k]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}{' '}
        <button type="submit" class="button">
          {t('reports.targetsForm.save')}
        </button>
      </form>
      {saved ? <Alert kind="success">{t('reports.targetsForm.saved', { year })}</Alert> : null}
      <Alert>{sending.error}</Alert>
    </section>
  );
}

type View = Static<typeof CommitteeView>;

/** Adds a member, changes a member's role, records a member's leaving. */
export function MemberForms({ committee, onChange }: { committee: View; onChange(v: View): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<SteeringRole>('member');
  const [position, setPosition] = useState('');
  const [email, setEmail] = useState('');
  const sending = useSubmission();
  const today = new Date().toISOString().slice(0, 10);
  const run = (call: () => Promise<View>) => sending.run(async () => onChange(await call()));
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return sending.setError(t('reports.committeeForm.nameRequired'));
    const member = { name: name.trim(), role, position: position.trim() || null, email: email.trim() || null };
    if (await run(() => api.post<View>(`/steering-committees/${committee.id}/members`, { members: [member] }))) {
      setName('');
      setPosition('');
      setEmail('');
    }
  };
  const serving = committee.members.filter((m) => !m.leftOn);
  return (
    <div data-member-forms>
      <h3>{t('reports.committeeForm.manageMembers')}</h3>
      <ul>
        {serving.map((m) => (
          <li key={m.id} data-member={m.name}>
            {m.name} <MemberRole value={m.role} onChange={(r) => run(() => api.patch<View>(`/steering-committees/${committee.id}/members/${m.id}`, { role: r }))} />{' '}
            <button
              type="button"
              class="button secondary"
              onClick={() => run(() => api.patch<View>(`/steering-committees/${committee.id}/members/${m.id}`, { leftOn: today }))}
            >
              {t('reports.committeeForm.leaves')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} data-add-member>
        <LineInput label={t('reports.committeeForm.name')} name="name" value={name} onInput={setName} />{' '}
        <MemberRole name="role" value={role} onChange={setRole} />{' '}
        <LineInput label={t('reports.committeeForm.position')} name="position" value={position} onInput={setPosition} />{' '}
        <LineInput label={t('reports.committeeForm.email')} type="email" name="email" value={email} onInput={setEmail} />{' '}
        <button type="submit" class="button">
          {t('reports.committeeForm.addMember')}
        </button>
      </form>
      <Alert>{sending.error}</Alert>
    </div>
  );
}

interface DecisionDraft {
  text: string;
  owner: string;
  dueOn: string;
}

/** Records a meeting: agenda (one item a line), attendance, minutes and decisions. */
export function MeetingForm({ committee, onChange }: { committee: View; onChange(v: View): void }) {
  const { t } = useI18n();
  const serving = committee.members.filter((m) => !m.leftOn);
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [absent, setAbsent] = useState<Set<number>>(new Set());
  const [decisions, setDecisions] = useState<DecisionDraft[]>([{ text: '', owner: '', dueOn: '' }]);
  const sending = useSubmission();
  const [saved, setSaved] = useState(false);
  const owners = [{ value: '', label: '—' }, ...serving.map((m) => ({ value: String(m.id), label: m.name }))];
  const setDecision = (i: number, d: Partial<DecisionDraft>) => setDecisions(decisions.map((x, j) => (j === i ? { ...x, ...d } : x)));
  const submit = async (e: Event) => {
    e.preventDefault();
    sending.setError(null);
    setSaved(false);
    const filled = decisions.filter((d) => d.text.trim());
    if (!title.trim()) return sending.setError(t('reports.meetingForm.titleRequired'));
    if (filled.some((d) => !d.owner || !d.dueOn)) return sending.setError(t('reports.meetingForm.decisionIncomplete'));
    await sending.run(async () => {
      const view = await api.post<View>(`/steering-committees/${committee.id}/meetings`, {
        heldOn,
        title: title.trim(),
        agenda: agenda.split('\n').map((l) => l.trim()).filter(Boolean),
        minutes: minutes.trim() || null,
        attendance: serving.map((m) => ({ member: m.id, present: !absent.has(m.id) })),
        decisions: filled.map((d) => ({ text: d.text.trim(), owner: Number(d.owner), dueOn: d.dueOn })),
      });
      setSaved(true);
      setTitle('');
      setAgenda('');
      setMinutes('');
      setAbsent(new Set());
      setDecisions([{ text: '', owner: '', dueOn: '' }]);
      onChange(view);
    });
  };
  return (
    <form onSubmit={submit} data-meeting-form>
      <h3>{t('reports.meetingForm.title')}</h3>
      <p>
        <LineInput label={t('reports.meetingForm.heldOn')} type="date" name="heldOn" required value={heldOn} onInput={setHeldOn} />{' '}
        <LineInput label={t('reports.meetingForm.name')} name="title" size={40} value={title} onInput={setTitle} />
      </p>
      <LinesInput label={t('reports.meetingForm.agenda')} name="agenda" value={agenda} onInput={setAgenda} />
      <fieldset>
        <legend>{t('reports.meetingForm.attendance')}</legend>
        {serving.map((m) => (
          <label key={m.id} class="checkbox">
            <input
              type="checkbox"
              checked={!absent.has(m.id)}
              onChange={(e) => {
                const next = new Set(absent);
                if ((e.target as HTMLInputElement).checked) next.delete(m.id);
                else next.add(m.id);
                setAbsent(next);
              }}
            />{' '}
            {m.name}{' '}
          </label>
        ))}
      </fieldset>
      <LinesInput label={t('reports.meetingForm.minutes')} name="minutes" value={minutes} onInput={setMinutes} />
      <fieldset>
        <legend>{t('reports.decisions')}</legend>
        {decisions.map((d, i) => (
          <p key={i} data-decision-draft={i}>
            <LineInput label={t('reports.decision')} name={`decision-${i}`} size={40} value={d.text} onInput={(text) => setDecision(i, { text })} />{' '}
            <label>
              {t('reports.owner')}{' '}
              <select name={`owner-${i}`} value={d.owner} onChange={(e) => setDecision(i, { owner: (e.target as HTMLSelectElement).value })}>
                <Options choices={owners} />
              </select>
            </label>{' '}
            <LineInput label={t('reports.due')} type="date" name={`due-${i}`} value={d.dueOn} onInput={(dueOn) => setDecision(i, { dueOn })} />
          </p>
        ))}
        <button type="button" class="button secondary" onClick={() => setDecisions([...decisions, { text: '', owner: '', dueOn: '' }])}>
          {t('reports.meetingForm.addDecision')}
        </button>
      </fieldset>
      <button type="submit" class="button">
        {t('reports.meetingForm.save')}
      </button>
      {saved ? <Alert kind="success">{t('reports.meetingForm.saved')}</Alert> : null}
      <Alert>{sending.error}</Alert>
    </form>
  );
}
