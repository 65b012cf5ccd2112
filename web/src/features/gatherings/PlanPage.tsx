import { useState } from 'preact/hooks';
import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { Agency } from '../../app/apiTypes.ts';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { gatheringKinds, holidayRules, hostRoles, type GatheringKind, type HolidayRule, type HostRole } from '../../../../server/contract/domain.ts';
import type { StaffDirectory } from '../../../../server/modules/directory/directory.schema.ts';
import { Alert, Empty, Field, Loading, PageTitle, RadioGroup, useAsync } from '../../app/ui.tsx';
import { addMonths, gatheringTime, lastDay, thisMonth } from './format.ts';
import { useSubmission } from './submission.ts';
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
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          go(unitText.trim(), month);
        }}
      >
        <Field label={t('gatherings.unitCode')}>{(f) => <input id={f.id} value={unitText} onInput={(e) => setUnitText(e.currentTarget.value)} />}</Field>
        <button type="submit" class="button">
          {t('gatherings.show')}
        </button>
      </form>
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
          {list.loading ? <Loading /> : null}
          <Alert>{list.error}</Alert>
          {list.value && list.value.items.length === 0 ? <Empty>{t('gatherings.none')}</Empty> : null}
          {list.value && list.value.items.length ? (
            <div class="table-scroll">
              <table>
                <caption class="sr-only">{t('gatherings.schedule')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gatherings.when')}</th>
                    <th scope="col">{t('gatherings.titleLabel')}</th>
                    <th scope="col">{t('gatherings.kindLabel')}</th>
                    <th scope="col">{t('gatherings.host')}</th>
                    <th scope="col">{t('gatherings.stateLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.value.items.map((g) => (
                    <tr key={g.id} data-testid="staff-gathering">
                      <td>{gatheringTime(g, locale)}</td>
                      <td>
                        <a href={`/staff/gatherings/${g.id}`}>{g.title}</a>
                        <span class="small muted"> · {g.unit.name}</span>
                      </td>
                      <td>{t(`gatherings.kind.${g.kind}`)}</td>
                      <td>{g.host?.name ?? '—'}</td>
                      <td>{t(`gatherings.state.${g.state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
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
  const { busy, error, notice, submit } = useSubmission();

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
        onSubmit={submit(async () => {
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
          onChange={(m) => setMode(m)}
        />
        <Field label={t('gatherings.kindLabel')}>
          {(f) => (
            <select id={f.id} value={kind} onChange={(e) => setKind(e.currentTarget.value as GatheringKind)}>
              {gatheringKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`gatherings.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('gatherings.titleLabel')} required>
          {(f) => <input id={f.id} value={title} required maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.host')}>
          {(f) => (
            <select id={f.id} value={host} onChange={(e) => setHost(e.currentTarget.value)}>
              <option value="">{t('gatherings.noHost')}</option>
              {(staff.value?.items ?? []).map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                  {o.position ? ` · ${o.position}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('gatherings.hostRoleLabel')} hint={t('gatherings.hostRoleHint')}>
          {(f) => (
            <select id={f.id} aria-describedby={f.describedBy} value={hostRole} onChange={(e) => setHostRole(e.currentTarget.value as HostRole | '')}>
              <option value="">—</option>
              {hostRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`gatherings.hostRole.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
        <Field label={t('gatherings.place')}>{(f) => <input id={f.id} value={place} maxLength={500} onInput={(e) => setPlace(e.currentTarget.value)} />}</Field>
        <PlaceMap label={t('gatherings.pickOnMap')} place={point} onPick={setPoint} />
        {point ? (
          <p class="small muted">
            {point.lat.toFixed(5)}, {point.lng.toFixed(5)}{' '}
            <button type="button" class="link-button" onClick={() => setPoint(null)}>
              {t('gatherings.clearPoint')}
            </button>
          </p>
        ) : null}
        <Field label={t('gatherings.capacity')} hint={t('gatherings.capacityHint')}>
          {(f) => <input id={f.id} type="number" min={1} aria-describedby={f.describedBy} value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.topics')} hint={t('gatherings.topicsHint')}>
          {(f) => <textarea id={f.id} rows={3} aria-describedby={f.describedBy} value={topics} onInput={(e) => setTopics(e.currentTarget.value)} />}
        </Field>
        {mode === 'one' ? (
          <>
            <Field label={t('gatherings.start')} required>
              {(f) => <input id={f.id} type="datetime-local" value={start} required onInput={(e) => setStart(e.currentTarget.value)} />}
            </Field>
            <Field label={t('gatherings.endTime')} required>
              {(f) => <input id={f.id} type="time" value={end} required onInput={(e) => setEnd(e.currentTarget.value)} />}
            </Field>
          </>
        ) : (
          <>
            <Field label={t('gatherings.rule')}>
              {(f) => (
                <select id={f.id} value={preset} onChange={(e) => setPreset(e.currentTarget.value)}>
                  {presets.map((p) => (
                    <option key={p.key} value={p.rule}>
                      {t(`gatherings.preset.${p.key}`)}
                    </option>
                  ))}
                  <option value="">{t('gatherings.preset.custom')}</option>
                </select>
              )}
            </Field>
            {preset === '' ? (
              <Field label={t('gatherings.rrule')} hint={t('gatherings.rruleHint')} required>
                {(f) => <input id={f.id} aria-describedby={f.describedBy} value={rrule} required onInput={(e) => setRrule(e.currentTarget.value)} />}
              </Field>
            ) : null}
            <Field label={t('gatherings.firstDay')} required>
              {(f) => <input id={f.id} type="date" value={firstDay} required onInput={(e) => setFirstDay(e.currentTarget.value)} />}
            </Field>
            <Field label={t('gatherings.untilDay')} required>
              {(f) => <input id={f.id} type="date" value={untilDay} required onInput={(e) => setUntilDay(e.currentTarget.value)} />}
            </Field>
            <Field label={t('gatherings.startTime')} required>
              {(f) => <input id={f.id} type="time" value={startTime} required onInput={(e) => setStartTime(e.currentTarget.value)} />}
            </Field>
            <Field label={t('gatherings.minutesLong')} required>
              {(f) => <input id={f.id} type="number" min={15} max={1440} value={minutes} required onInput={(e) => setMinutes(e.currentTarget.value)} />}
            </Field>
            <Field label={t('gatherings.holidayRuleLabel')}>
              {(f) => (
                <select id={f.id} value={holidayRule} onChange={(e) => setHolidayRule(e.currentTarget.value as HolidayRule)}>
                  {holidayRules.map((r) => (
                    <option key={r} value={r}>
                      {t(`gatherings.holidayRule.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('gatherings.exceptions')} hint={t('gatherings.exceptionsHint')}>
              {(f) => <input id={f.id} aria-describedby={f.describedBy} value={exceptions} onInput={(e) => setExceptions(e.currentTarget.value)} />}
            </Field>
          </>
        )}
        <Alert>{error}</Alert>
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.sending') : t('gatherings.planButton')}
        </button>
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
  const { busy, error, notice, submit } = useSubmission();
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
        onSubmit={submit(async () => {
          await api.post(`/gathering-series/${target}/exceptions`, { day, ...(move === 'move' ? { moveTo } : {}) });
          series.reload();
          onChanged();
          return move === 'move' ? t('gatherings.seriesList.moved', { day, to: moveTo }) : t('gatherings.seriesList.cancelled', { day });
        })}
      >
        <h3>{t('gatherings.seriesList.changeDate')}</h3>
        <Field label={t('gatherings.seriesList.series')}>
          {(f) => (
            <select id={f.id} value={target} onChange={(e) => setChosen(e.currentTarget.value)}>
              {items.map((x) => (
                <option key={x.id} value={String(x.id)}>
                  {x.title} · {x.unit.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('gatherings.seriesList.day')} required>
          {(f) => <input id={f.id} type="date" value={day} required onInput={(e) => setDay(e.currentTarget.value)} />}
        </Field>
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
        {move === 'move' ? (
          <Field label={t('gatherings.seriesList.moveTo')} required>
            {(f) => <input id={f.id} type="date" value={moveTo} required onInput={(e) => setMoveTo(e.currentTarget.value)} />}
          </Field>
        ) : null}
        <Alert>{error}</Alert>
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.sending') : t('gatherings.seriesList.apply')}
        </button>
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
  const short = items.filter((i) => i.short && i.unit !== unit);
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
              <li key={i.unit}>
                <a href={`/staff/gatherings?unit=${encodeURIComponent(i.unit)}&month=${month}`}>{i.unitName}</a>{' '}
                <span class="small muted">
                  · {t(`gatherings.hostRole.${i.role}`)} · {t(`gatherings.minimum.${i.minimum.per}`, { count: i.minimum.days })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {items.map((i) => (
        <div key={`${i.unit}:${i.role}`} class="table-scroll" data-testid="compliance">
          <table>
            <caption>
              {i.unitName} · {t(`gatherings.hostRole.${i.role}`)} · {t(`gatherings.minimum.${i.minimum.per}`, { count: i.minimum.days })}
              <span class="small muted"> ({i.minimum.source})</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('gatherings.month')}</th>
                <th scope="col">{t('gatherings.required')}</th>
                <th scope="col">{t('gatherings.scheduled')}</th>
                <th scope="col">{t('gatherings.held')}</th>
                <th scope="col">{t('gatherings.verdict')}</th>
              </tr>
            </thead>
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
