import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { Agency } from '../../app/apiTypes.ts';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { gatheringKinds, holidayRules, hostRoles, type GatheringKind, type HolidayRule, type HostRole } from '../../../../server/contract/domain.ts';
import type { StaffDirectory } from '../../../../server/modules/directory/directory.schema.ts';
import { Empty, Loading, PageTitle, RadioGroup, useAsync } from '../../app/ui.tsx';
import { ListTable, SelectField, TextAreaField, TextField, ColumnHeads } from '../../app/components.tsx';
import { addMonths, gatheringTime, lastDay, thisMonth } from './format.ts';
import { useFormSubmission } from './submission.ts';
import { FormEnd } from './FormEnd.tsx';
import { UnitCodeForm } from './UnitCodeForm.tsx';
import type { ComplianceView, GatheringItem, Series, SeriesItem, SeriesException, StaffView } from './types.ts';

/** Recurrence rules offered by name; any other RFC 5545 rule can be typed. */
const presets = [
  { key: 'secondSaturday', rule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2' },
  { key: 'everyThursday', rule: 'FREQ=WEEKLY;BYDAY=TH' },
  { key: 'twiceMonthly', rule: 'FREQ=MONTHLY;BYMONTHDAY=10,25' },
  { key: 'firstMonday', rule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1' },
] as const;

/** Officials plan their unit's gatherings (one or a series), see them month by month, and see whether the law's minimum is met. */
export default function PlanPage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const unit = query.get('unit') ?? myUnits(me)[0] ?? '';
  const month = /^\d{4}-\d{2}$/.test(query.get('month') ?? '') ? query.get('month')! : thisMonth();
  const [unitText, setUnitText] = useState(unit);
  const list = useAsync(
    async () => (unit ? api.get<List<GatheringItem>>('/gatherings', { unit, from: `${month}-01`, to: lastDay(addMonths(month, 2)) }) : null),
    [unit, month],
  );
  const go = (u: string, m: string) => navigate(`/staff/gatherings?unit=${encodeURIComponent(u)}&month=${m}`);
  return (
    <>
      <PageTitle>{t('gatherings.staffTitle')}</PageTitle>
      <UnitCodeForm value={unitText} onInput={setUnitText} onShow={() => go(unitText.trim(), month)} />
      {unit ? (
        <section aria-labelledby="planned-heading">
          <h2 id="planned-heading">{t('gatherings.schedule')}</h2>
          <div class="button-row">
            <a class="button secondary" href={`/staff/gatherings?unit=${encodeURIComponent(unit)}&month=${addMonths(month, -3)}`}>
              {t('gatherings.earlier')}
            </a>
            <a class="button secondary" href={`/staff/gatherings?unit=${encodeURIComponent(unit)}&month=${addMonths(month, 3)}`}>
              {t('gatherings.later')}
            </a>
          </div>
          <ListTable
            list={list}
            empty={t('gatherings.none')}
            scroll
            caption={t('gatherings.schedule')}
            rowKey={(g) => g.id}
            rowTestId="staff-gathering"
            columns={[
              { header: t('gatherings.when'), cell: (g) => gatheringTime(g, locale) },
              {
                header: t('gatherings.titleLabel'),
                cell: (g) => (
                  <>
                    <a href={`/staff/gatherings/${g.id}`}>{g.title}</a>
                    <span class="small muted"> · {g.unit.name}</span>
                  </>
                ),
              },
              { header: t('gatherings.kindLabel'), cell: (g) => t(`gatherings.kind.${g.kind}`) },
              { header: t('gatherings.host'), cell: (g) => g.host?.name ?? '—' },
              { header: t('gatherings.stateLabel'), cell: (g) => t(`gatherings.state.${g.state}`) },
            ]}
          />
        </section>
      ) : null}
      {unit ? <SeriesSection unit={unit} onChanged={() => list.reload()} /> : null}
      {unit ? <PlanForm unit={unit} onPlanned={(id) => navigate(`/staff/gatherings/${id}`)} onSeries={() => list.reload()} /> : null}
      {unit ? <ComplianceSection unit={unit} month={month} /> : null}
    </>
  );
}

function PlanForm({ unit, onPlanned, onSeries }: { unit: string; onPlanned(id: number): void; onSeries(): void }) {
  const { t } = useI18n();
  const staff = useAsync(() => api.get<StaffDirectory>(`/units/${encodeURIComponent(unit)}/staff`), [unit]);
  const agencies = useAsync(() => api.get<List<Agency>>('/agencies', { unit, limit: 100 }), [unit]);
  const [mode, setMode] = useState<'one' | 'series'>('one');
  const [kind, setKind] = useState<GatheringKind>('reception_day');
  const [title, setTitle] = useState('');
  const [host, setHost] = useState('');
  const [hostRole, setHostRole] = useState<HostRole | ''>('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [place, setPlace] = useState('');
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [capacity, setCapacity] = useState('');
  const [topics, setTopics] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [preset, setPreset] = useState<string>(presets[0].rule);
  const [rrule, setRrule] = useState('');
  const [firstDay, setFirstDay] = useState('');
  const [untilDay, setUntilDay] = useState('');
  const [startTime, setStartTime] = useState('07:30');
  const [minutes, setMinutes] = useState('240');
  const [holidayRule, setHolidayRule] = useState<HolidayRule>('next_day');
  const [exceptions, setExceptions] = useState('');
  const sending = useFormSubmission();

  const plan = () => ({
    unit,
    kind,
    title: title.trim(),
    ...(host ? { host: Number(host) } : {}),
    ...(hostRole ? { hostRole } : {}),
    ...(chosen.length ? { agencies: chosen } : {}),
    ...(place.trim() ? { place: place.trim() } : {}),
    ...(point ? { point } : {}),
    ...(capacity ? { capacity: Number(capacity) } : {}),
    topics: topics.split('\n').map((s) => s.trim()).filter(Boolean),
  });
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('gatherings.plan')}</h2>
      <form
        class="form"
        onSubmit={sending.submit(async () => {
          if (mode === 'one') {
            const g = await api.post<StaffView>('/gatherings', { ...plan(), start, end: `${start.slice(0, 10)}T${end}` });
            onPlanned(g.id);
            return;
          }
          const s = await api.post<Series>('/gathering-series', {
            ...plan(),
            rrule: preset || rrule.trim(),
            firstDay,
            untilDay,
            startTime,
            minutes: Number(minutes),
            holidayRule,
            exceptions: exceptions.split(/[\s,]+/).filter(Boolean),
          });
          onSeries();
          return t('gatherings.seriesPlanned', { count: s.gatherings.length });
        })}
      >
        <RadioGroup<'one' | 'series'>
          legend={t('gatherings.howMany')}
          name="plan-mode"
          value={mode}
          options={[
            { value: 'one', label: t('gatherings.one') },
            { value: 'series', label: t('gatherings.series') },
          ]}
          onChange={setMode}
        />
        <SelectField<GatheringKind>
          label={t('gatherings.kindLabel')}
          value={kind}
          options={gatheringKinds.map((k) => ({ value: k, label: t(`gatherings.kind.${k}`) }))}
          onChange={setKind}
        />
        <TextField label={t('gatherings.titleLabel')} refuseEmpty maxLength={300} value={title} onInput={setTitle} />
        <SelectField
          label={t('gatherings.host')}
          none={t('gatherings.noHost')}
          value={host}
          options={(staff.value?.items ?? []).map((o) => ({ value: String(o.id), label: `${o.name}${o.position ? ` · ${o.position}` : ''}` }))}
          onChange={setHost}
        />
        <SelectField<HostRole>
          label={t('gatherings.hostRoleLabel')}
          hint={t('gatherings.hostRoleHint')}
          none="—"
          value={hostRole}
          options={hostRoles.map((r) => ({ value: r, label: t(`gatherings.hostRole.${r}`) }))}
          onChange={setHostRole}
        />
        {agencies.value?.items.length ? (
          <fieldset class="field">
            <legend>{t('gatherings.agencies')}</legend>
            {agencies.value.items.map((a) => (
              <label class="radio" key={a.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(a.id)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                />
                <span>{a.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <TextField label={t('gatherings.place')} maxLength={500} value={place} onInput={setPlace} />
        <PlaceMap label={t('gatherings.pickOnMap')} place={point} onPick={setPoint} />
        {point ? (
          <p class="small muted">
            {point.lat.toFixed(5)}, {point.lng.toFixed(5)}{' '}
            <button type="button" class="link-button" onClick={() => setPoint(null)}>
              {t('gatherings.clearPoint')}
            </button>
          </p>
        ) : null}
        <TextField label={t('gatherings.capacity')} hint={t('gatherings.capacityHint')} type="number" min={1} value={capacity} onInput={setCapacity} />
        <TextAreaField label={t('gatherings.topics')} hint={t('gatherings.topicsHint')} rows={3} value={topics} onInput={setTopics} />
        {mode === 'one' ? (
          <>
            <TextField label={t('gatherings.start')} type="datetime-local" refuseEmpty value={start} onInput={setStart} />
            <TextField label={t('gatherings.endTime')} type="time" refuseEmpty value={end} onInput={setEnd} />
          </>
        ) : (
          <>
            <SelectField
              label={t('gatherings.rule')}
              value={preset}
              options={[...presets.map((p) => ({ value: p.rule, label: t(`gatherings.preset.${p.key}`) })), { value: '', label: t('gatherings.preset.custom') }]}
              onChange={setPreset}
            />
            {preset === '' ? <TextField label={t('gatherings.rrule')} hint={t('gatherings.rruleHint')} refuseEmpty value={rrule} onInput={setRrule} /> : null}
            <TextField label={t('gatherings.firstDay')} type="date" refuseEmpty value={firstDay} onInput={setFirstDay} />
            <TextField label={t('gatherings.untilDay')} type="date" refuseEmpty value={untilDay} onInput={setUntilDay} />
            <TextField label={t('gatherings.startTime')} type="time" refuseEmpty value={startTime} onInput={setStartTime} />
            <TextField label={t('gatherings.minutesLong')} type="number" min={15} max={1440} refuseEmpty value={minutes} onInput={setMinutes} />
            <SelectField<HolidayRule>
              label={t('gatherings.holidayRuleLabel')}
              value={holidayRule}
              options={holidayRules.map((r) => ({ value: r, label: t(`gatherings.holidayRule.${r}`) }))}
              onChange={setHolidayRule}
            />
            <TextField label={t('gatherings.exceptions')} hint={t('gatherings.exceptionsHint')} value={exceptions} onInput={setExceptions} />
          </>
        )}
        <FormEnd sending={sending} label={t('gatherings.planButton')} />
      </form>
    </section>
  );
}

/** The unit's series with the days left out or moved, and a form to cancel or move one date. */
function SeriesSection({ unit, onChanged }: { unit: string; onChanged(): void }) {
  const { t } = useI18n();
  const series = useAsync(() => api.get<List<SeriesItem>>('/gathering-series', { unit }), [unit]);
  const [chosen, setChosen] = useState('');
  const [day, setDay] = useState('');
  const [move, setMove] = useState<'cancel' | 'move'>('cancel');
  const [moveTo, setMoveTo] = useState('');
  const sending = useFormSubmission();
  const items = series.value?.items ?? [];
  if (!items.length) return null;
  const target = chosen || String(items[0].id);
  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading">{t('gatherings.seriesList.title')}</h2>
      <ul class="plain-list" data-testid="series">
        {items.map((x) => (
          <li key={x.id}>
            <strong>{x.title}</strong>{' '}
            <span class="small muted">
              · {x.unit.name} · {t(`gatherings.kind.${x.kind}`)} · {x.rrule} · {x.firstDay} – {x.untilDay} · {x.startTime}
            </span>
            {x.exceptions.length ? (
              <ul class="small" data-testid="series-exceptions">
                {x.exceptions.map((e) => (
                  <li key={e.day}>
                    <ExceptionText e={e} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        class="form"
        onSubmit={sending.submit(async () => {
          await api.post(`/gathering-series/${target}/exceptions`, { day, ...(move === 'move' ? { moveTo } : {}) });
          series.reload();
          onChanged();
          return move === 'move' ? t('gatherings.seriesList.moved', { day, to: moveTo }) : t('gatherings.seriesList.cancelled', { day });
        })}
      >
        <h3>{t('gatherings.seriesList.changeDate')}</h3>
        <SelectField
          label={t('gatherings.seriesList.series')}
          value={target}
          options={items.map((x) => ({ value: String(x.id), label: `${x.title} · ${x.unit.name}` }))}
          onChange={setChosen}
        />
        <TextField label={t('gatherings.seriesList.day')} type="date" refuseEmpty value={day} onInput={setDay} />
        <RadioGroup<'cancel' | 'move'>
          legend={t('gatherings.seriesList.what')}
          name="series-change"
          value={move}
          options={[
            { value: 'cancel', label: t('gatherings.seriesList.cancel') },
            { value: 'move', label: t('gatherings.seriesList.move') },
          ]}
          onChange={setMove}
        />
        {move === 'move' ? <TextField label={t('gatherings.seriesList.moveTo')} type="date" refuseEmpty value={moveTo} onInput={setMoveTo} /> : null}
        <FormEnd sending={sending} label={t('gatherings.seriesList.apply')} />
      </form>
    </section>
  );
}

function ExceptionText({ e }: { e: SeriesException }) {
  const { t } = useI18n();
  if (!e.movedTo) return <>{t('gatherings.seriesList.leftOut', { day: e.day })}</>;
  return (
    <>
      {t('gatherings.seriesList.movedTo', { day: e.day })} <a href={`/staff/gatherings/${e.movedTo.gathering}`}>{e.movedTo.day}</a>
      {e.movedTo.state === 'cancelled' ? ` (${t('gatherings.state.cancelled')})` : ''}
    </>
  );
}

/** Month by month: the reception days the law asks of the unit and of each unit below, planned and held. */
function ComplianceSection({ unit, month }: { unit: string; month: string }) {
  const { t } = useI18n();
  const from = addMonths(month, -5);
  const to = addMonths(month, 2);
  const data = useAsync(() => api.get<ComplianceView>('/gatherings/compliance', { unit, from, to }), [unit, from, to]);
  if (data.error) return null;
  const items = data.value?.items ?? [];
  const short = items.filter((i) => i.short && i.unit.code !== unit);
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">{t('gatherings.compliance')}</h2>
      <p class="hint">
        {t('gatherings.complianceLead')} <a href="/staff/reception-minimums">{t('gatherings.minimums.title')}</a>
      </p>
      {data.loading ? <Loading /> : null}
      {data.value && items.length === 0 ? <Empty>{t('gatherings.noMinimum')}</Empty> : null}
      {short.length ? (
        <>
          <h3>{t('gatherings.shortUnits')}</h3>
          <ul class="plain-list" data-testid="short-units">
            {short.map((i) => (
              <li key={`${i.unit.code}:${i.role}`}>
                <a href={`/staff/gatherings?unit=${encodeURIComponent(i.unit.code)}&month=${month}`}>{i.unit.name}</a>{' '}
                <span class="small muted">
                  · {t(`gatherings.hostRole.${i.role}`)} · {t(`gatherings.minimum.${i.minimum.per}`, { count: i.minimum.days })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {items.map((i) => (
        <div key={`${i.unit.code}:${i.role}`} class="table-scroll" data-testid="compliance">
          <table>
            <caption>
              {i.unit.name} · {t(`gatherings.hostRole.${i.role}`)} · {t(`gatherings.minimum.${i.minimum.per}`, { count: i.minimum.days })}
              <span class="small muted"> ({i.minimum.source})</span>
            </caption>
            <ColumnHeads labels={[t('gatherings.month'), t('gatherings.required'), t('gatherings.scheduled'), t('gatherings.held'), t('gatherings.verdict')]} />
            <tbody>
              {i.months.map((m) => (
                <tr key={m.month} class={m.met ? undefined : 'row-overdue'} data-testid="compliance-month">
                  <th scope="row">{m.month}</th>
                  <td>{m.required}</td>
                  <td>{m.scheduled.days}</td>
                  <td>{m.held.days}</td>
                  <td>
                    {m.met ? `✓ ${t('gatherings.met')}` : `✗ ${t('gatherings.short')}`}
                    <span class="small muted"> · {t(`gatherings.judgedOn.${m.judgedOn}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
