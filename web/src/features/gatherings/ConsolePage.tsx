import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, messageOf } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { petitionKinds, type GatheringAction, type PetitionKind } from '../../../../server/contract/domain.ts';
import { Alert, Checkbox, Empty, Field, Loading, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { gatheringTime, newKey } from './format.ts';
import { dismissRefused, enqueue, useQueue, type QueuedEntry } from './queue.ts';
import { registerOffline } from './offline.ts';
import { MinutesFilesBox } from './MinutesFiles.tsx';
import type { Entry, StaffView } from './types.ts';

/** Services counted at outreach and service days; any other type can be typed. */
const serviceTypes = ['certificates_handed_over', 'people_measured', 'people_guided', 'procedures_received'] as const;

/** The console of a gathering, for a tablet during the session: it keeps working without a network. */
export default function ConsolePage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const id = Number(params.id);
  const g = useAsync(() => api.get<StaffView>(`/gatherings/${id}`), [id]);
  const queue = useQueue(id, g.reload);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => registerOffline([`/api/v1/gatherings/${id}`]), [id]);

  /** Every entry goes through the device's queue: it is kept before it is sent. */
  const record = async (body: Entry) => {
    setNotice(null);
    const result = await enqueue(id, body);
    setNotice(result.waiting ? t('gatherings.console.kept') : t('gatherings.console.saved'));
    if (result.sent.length) g.reload();
  };

  if (!g.value) return g.loading ? <Loading /> : <Alert>{g.error}</Alert>;
  const v = g.value;
  const running = v.state === 'open' || v.state === 'closed';
  const withRecords = v.kind === 'reception_day' || v.kind === 'working_session';
  const pendingAttendance = queue.waiting.reduce((n, q) => n + (q.body.type === 'attendance' ? (q.body.count ?? q.body.names?.length ?? 0) : 0), 0);
  return (
    <>
      <p class="small muted">
        <a href={`/staff/gatherings?unit=${encodeURIComponent(v.unit.code)}`}>{v.unit.name}</a> · {t(`gatherings.kind.${v.kind}`)}
      </p>
      <PageTitle>{v.title}</PageTitle>
      <p>
        {gatheringTime(v, locale)}
        {v.place ? ` · ${v.place}` : ''} ·{' '}
        <span class={`badge badge-gathering-${v.state}`} data-testid="gathering-state">
          {t(`gatherings.state.${v.state}`)}
        </span>{' '}
        <a href={`/gatherings/${v.id}`}>{t('gatherings.publicPage')}</a>
      </p>
      <p role="status" class={queue.online ? 'muted' : 'alert alert-info'} data-testid="sync-status">
        {queue.online ? t('gatherings.console.online') : t('gatherings.console.offline')}
        {queue.waiting.length ? ` · ${t('gatherings.console.waiting', { count: queue.waiting.length })}` : ''}
      </p>
      {notice ? <Alert kind="info">{notice}</Alert> : null}
      <Alert>{g.error}</Alert>
      {queue.refused.length ? (
        <div class="alert alert-error" role="alert">
          <p>{t('gatherings.console.refused')}</p>
          <ul>
            {queue.refused.map((r) => (
              <li key={r.body.key}>
                {t(`gatherings.entry.${r.body.type}`)}: {r.message}
              </li>
            ))}
          </ul>
          <button type="button" class="button secondary" onClick={() => dismissRefused(id)}>
            {t('gatherings.console.dismiss')}
          </button>
        </div>
      ) : null}
      <Actions g={v} onDone={g.set} />
      {v.state === 'closed' || v.state === 'published' ? <MinutesFilesBox gathering={v.id} files={v.attachments} onAttached={g.reload} /> : null}
      <div class="glance" data-testid="console-figures">
        <p>
          <strong data-testid="attendance">{v.attendance + pendingAttendance}</strong> {t('gatherings.console.attendance')}
        </p>
        <p>
          <strong>{v.petitions.filter((p) => p.via !== 'question_ahead').length}</strong> {t('gatherings.console.opinions')}
        </p>
        <p>
          <strong>{v.services.reduce((n, s) => n + s.count, 0)}</strong> {t('gatherings.console.services')}
        </p>
      </div>
      {running ? (
        <>
          <AttendanceForm withNames={withRecords} onEntry={record} />
          <OpinionForm onEntry={record} />
          <ServiceForm onEntry={record} />
          {withRecords ? <RecordForm onEntry={record} /> : null}
        </>
      ) : v.state === 'planned' ? (
        <Alert kind="info">{t('gatherings.console.openFirst')}</Alert>
      ) : null}
      {queue.waiting.length ? <Waiting entries={queue.waiting} /> : null}
      <Recorded g={v} onChanged={g.reload} />
    </>
  );
}

function Box({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Open, close (minutes and outcomes), publish (the public summary), or cancel with a reason. */
function Actions({ g, onDone }: { g: StaffView; onDone(v: StaffView): void }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(g.minutes ?? '');
  const [outcomes, setOutcomes] = useState(g.outcomes ?? '');
  const [summary, setSummary] = useState(g.summary ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (type: GatheringAction, extra: Record<string, string>) => {
    setError(null);
    try {
      onDone(await api.post<StaffView>(`/gatherings/${g.id}/actions`, { type, ...extra }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const texts = () => ({ ...(minutes.trim() ? { minutes: minutes.trim() } : {}), ...(outcomes.trim() ? { outcomes: outcomes.trim() } : {}) });
  return (
    <>
      <Alert>{error}</Alert>
      {g.state === 'planned' ? (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void act('open', {})}>
            {t('gatherings.action.open')}
          </button>
        </div>
      ) : null}
      {g.state === 'open' || g.state === 'closed' ? (
        <Box id="minutes-heading" title={t('gatherings.minutesTitle')}>
          <Field label={t('gatherings.minutesText')}>
            {(f) => <textarea id={f.id} rows={5} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />}
          </Field>
          <Field label={t('gatherings.outcomes')}>
            {(f) => <textarea id={f.id} rows={3} value={outcomes} onInput={(e) => setOutcomes(e.currentTarget.value)} />}
          </Field>
          {g.state === 'open' ? (
            <button type="button" class="button" onClick={() => void act('close', texts())}>
              {t('gatherings.action.close')}
            </button>
          ) : (
            <>
              <Field label={t('gatherings.summary')} hint={t('gatherings.summaryHint')} required>
                {(f) => <textarea id={f.id} rows={5} aria-describedby={f.describedBy} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />}
              </Field>
              <button type="button" class="button" disabled={!summary.trim()} onClick={() => void act('publish', { ...texts(), summary: summary.trim() })}>
                {t('gatherings.action.publish')}
              </button>
            </>
          )}
        </Box>
      ) : null}
      {g.state === 'published' && g.summary ? (
        <Box id="published-heading" title={t('gatherings.summary')}>
          <p class="answer-text">{g.summary}</p>
        </Box>
      ) : null}
      {g.state === 'cancelled' ? <Alert kind="info">{t('gatherings.cancelledBecause', { reason: g.cancelReason ?? '' })}</Alert> : null}
      {g.state === 'planned' || g.state === 'open' ? (
        <details class="card">
          <summary>{t('gatherings.action.cancel')}</summary>
          <Field label={t('gatherings.cancelReason')} required>
            {(f) => <textarea id={f.id} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <button type="button" class="button secondary" disabled={!reason.trim()} onClick={() => void act('cancel', { reason: reason.trim() })}>
            {t('gatherings.action.cancel')}
          </button>
        </details>
      ) : null}
    </>
  );
}

type OnEntry = (body: Entry) => Promise<void>;

function AttendanceForm({ withNames, onEntry }: { withNames: boolean; onEntry: OnEntry }) {
  const { t } = useI18n();
  const [count, setCount] = useState('');
  const [names, setNames] = useState('');
  const list = names.split('\n').map((n) => n.trim()).filter(Boolean);
  return (
    <Box id="attendance-heading" title={t('gatherings.entry.attendance')}>
      <div class="button-row">
        {[1, 5, 10].map((n) => (
          <button key={n} type="button" class="button secondary" onClick={() => void onEntry({ key: newKey(), type: 'attendance', count: n })}>
            +{n}
          </button>
        ))}
      </div>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = count ? Number(count) : undefined;
          if (!n && !list.length) return;
          void onEntry({ key: newKey(), type: 'attendance', ...(n ? { count: n } : {}), ...(list.length ? { names: list } : {}) }).then(() => {
            setCount('');
            setNames('');
          });
        }}
      >
        <Field label={t('gatherings.console.count')}>
          {(f) => <input id={f.id} type="number" min={0} inputMode="numeric" value={count} onInput={(e) => setCount(e.currentTarget.value)} />}
        </Field>
        {withNames ? (
          <Field label={t('gatherings.console.names')} hint={t('gatherings.console.namesHint')}>
            {(f) => <textarea id={f.id} rows={3} aria-describedby={f.describedBy} value={names} onInput={(e) => setNames(e.currentTarget.value)} />}
          </Field>
        ) : null}
        <button type="submit" class="button">
          {t('gatherings.console.addAttendance')}
        </button>
      </form>
    </Box>
  );
}

function OpinionForm({ onEntry }: { onEntry: OnEntry }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PetitionKind>('question');
  const [body, setBody] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [answer, setAnswer] = useState('');
  const [consent, setConsent] = useState(true);
  return (
    <Box id="opinion-heading" title={t('gatherings.entry.opinion')}>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          const resident = { ...(name.trim() ? { name: name.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
          void onEntry({
            key: newKey(),
            type: 'opinion',
            kind,
            body: body.trim(),
            ...(Object.keys(resident).length ? { resident } : {}),
            ...(answer.trim() ? { answerNow: answer.trim() } : {}),
            consentToPublish: consent,
          }).then(() => {
            setBody('');
            setName('');
            setPhone('');
            setAnswer('');
          });
        }}
      >
        <Field label={t('gatherings.console.opinionKind')}>
          {(f) => (
            <select id={f.id} value={kind} onChange={(e) => setKind(e.currentTarget.value as PetitionKind)}>
              {petitionKinds
                .filter((k) => k !== 'conduct_report' && k !== 'denunciation')
                .map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('gatherings.console.opinionBody')} required>
          {(f) => <textarea id={f.id} rows={4} required value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.name')}>{(f) => <input id={f.id} value={name} onInput={(e) => setName(e.currentTarget.value)} />}</Field>
        <Field label={t('gatherings.phoneOptional')}>{(f) => <input id={f.id} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}</Field>
        <Field label={t('gatherings.console.answerNow')} hint={t('gatherings.console.answerNowHint')}>
          {(f) => <textarea id={f.id} rows={3} aria-describedby={f.describedBy} value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} />}
        </Field>
        <Checkbox label={t('gatherings.consent')} checked={consent} onChange={setConsent} />
        <button type="submit" class="button">
          {t('gatherings.console.addOpinion')}
        </button>
      </form>
    </Box>
  );
}

function ServiceForm({ onEntry }: { onEntry: OnEntry }) {
  const { t } = useI18n();
  const [type, setType] = useState<string>(serviceTypes[0]);
  const [other, setOther] = useState('');
  const [count, setCount] = useState('1');
  const serviceType = type === 'other' ? other.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_') : type;
  return (
    <Box id="service-heading" title={t('gatherings.entry.service')}>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^[a-z][a-z0-9_]{0,63}$/.test(serviceType) || !(Number(count) >= 1)) return;
          void onEntry({ key: newKey(), type: 'service', serviceType, count: Number(count) }).then(() => setCount('1'));
        }}
      >
        <Field label={t('gatherings.console.serviceType')}>
          {(f) => (
            <select id={f.id} value={type} onChange={(e) => setType(e.currentTarget.value)}>
              {serviceTypes.map((s) => (
                <option key={s} value={s}>
                  {t(`gatherings.service.${s}`)}
                </option>
              ))}
              <option value="other">{t('gatherings.console.otherService')}</option>
            </select>
          )}
        </Field>
        {type === 'other' ? (
          <Field label={t('gatherings.console.otherServiceName')} hint={t('gatherings.console.otherServiceHint')} required>
            {(f) => <input id={f.id} aria-describedby={f.describedBy} required value={other} onInput={(e) => setOther(e.currentTarget.value)} />}
          </Field>
        ) : null}
        <Field label={t('gatherings.console.serviceCount')} required>
          {(f) => <input id={f.id} type="number" min={1} inputMode="numeric" required value={count} onInput={(e) => setCount(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button">
          {t('gatherings.console.addService')}
        </button>
      </form>
    </Box>
  );
}

/** "Three sides, one word": the resident's account, the agency's, the leader's conclusion, who is responsible, by when. */
function RecordForm({ onEntry }: { onEntry: OnEntry }) {
  const { t } = useI18n();
  const [resident, setResident] = useState('');
  const [agency, setAgency] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueOn, setDueOn] = useState('');
  return (
    <Box id="record-heading" title={t('gatherings.entry.record')}>
      <p class="hint">{t('gatherings.console.recordLead')}</p>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void onEntry({
            key: newKey(),
            type: 'record',
            residentAccount: resident.trim(),
            agencyAccount: agency.trim(),
            conclusion: conclusion.trim(),
            responsible: responsible.trim(),
            dueOn,
          }).then(() => {
            setResident('');
            setAgency('');
            setConclusion('');
            setResponsible('');
            setDueOn('');
          });
        }}
      >
        <Field label={t('gatherings.console.residentAccount')} required>
          {(f) => <textarea id={f.id} rows={3} required value={resident} onInput={(e) => setResident(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.console.agencyAccount')} required>
          {(f) => <textarea id={f.id} rows={3} required value={agency} onInput={(e) => setAgency(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.console.conclusion')} required>
          {(f) => <textarea id={f.id} rows={3} required value={conclusion} onInput={(e) => setConclusion(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.console.responsible')} required>
          {(f) => <input id={f.id} required value={responsible} onInput={(e) => setResponsible(e.currentTarget.value)} />}
        </Field>
        <Field label={t('gatherings.console.dueOn')} required>
          {(f) => <input id={f.id} type="date" required value={dueOn} onInput={(e) => setDueOn(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button">
          {t('gatherings.console.addRecord')}
        </button>
      </form>
    </Box>
  );
}

function Waiting({ entries }: { entries: QueuedEntry[] }) {
  const { t } = useI18n();
  return (
    <Box id="waiting-heading" title={t('gatherings.console.waitingTitle')}>
      <ul class="plain-list" data-testid="waiting">
        {entries.map((e) => (
          <li key={e.body.key}>
            {t(`gatherings.entry.${e.body.type}`)}
            {e.body.type === 'opinion' ? `: ${e.body.body.slice(0, 80)}` : ''}
            {e.body.type === 'attendance' ? `: +${e.body.count ?? e.body.names?.length ?? 0}` : ''}
            {e.body.type === 'service' ? `: ${tOr(`gatherings.service.${e.body.serviceType}`, e.body.serviceType)} ×${e.body.count}` : ''}
          </li>
        ))}
      </ul>
    </Box>
  );
}

/** What the server holds: names received, opinions with their progress, services, records and their follow-up, bookings. */
function Recorded({ g, onChanged }: { g: StaffView; onChanged(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Box id="opinions-heading" title={t('gatherings.raised')}>
        {g.petitions.length === 0 ? <Empty>{t('gatherings.noneRaised')}</Empty> : null}
        <ul class="plain-list" data-testid="console-petitions">
          {g.petitions.map((p) => (
            <li key={p.trackingCode}>
              <a href={`/track/${encodeURIComponent(p.trackingCode)}`}>{p.trackingCode}</a> <StatusBadge status={p.status} />{' '}
              <span class="small muted">
                {t(`kind.${p.kind}`)} · {t(p.via === 'question_ahead' ? 'gatherings.viaAhead' : 'gatherings.viaSession')}
              </span>
            </li>
          ))}
        </ul>
      </Box>
      {g.services.length ? (
        <Box id="services-heading" title={t('gatherings.entry.service')}>
          <dl class="figures-list">
            {g.services.map((s) => (
              <div key={s.type} data-figure={`service-${s.type}`}>
                <dt>{tOr(`gatherings.service.${s.type}`, s.type)}</dt>
                <dd>{s.count}</dd>
              </div>
            ))}
          </dl>
        </Box>
      ) : null}
      {g.attendees.length ? (
        <Box id="attendees-heading" title={t('gatherings.console.received')}>
          <ul class="plain-list">
            {g.attendees.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Box>
      ) : null}
      {g.records.length ? (
        <Box id="records-heading" title={t('gatherings.entry.record')}>
          <Alert>{error}</Alert>
          {g.records.map((r) => (
            <div key={r.id} class={r.overdue ? 'card row-overdue' : 'card'} data-testid="record">
              <dl class="facts">
                <dt>{t('gatherings.console.residentAccount')}</dt>
                <dd>{r.residentAccount}</dd>
                <dt>{t('gatherings.console.agencyAccount')}</dt>
                <dd>{r.agencyAccount}</dd>
                <dt>{t('gatherings.console.conclusion')}</dt>
                <dd>{r.conclusion}</dd>
                <dt>{t('gatherings.console.responsible')}</dt>
                <dd>
                  {r.responsible} · {r.dueOn} {r.done ? `· ${t('gatherings.console.done')}` : r.overdue ? `· ${t('gatherings.console.overdue')}` : ''}
                </dd>
              </dl>
              {!r.done ? (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() =>
                    void api.post(`/gatherings/records/${r.id}/actions`, { type: 'done' }).then(onChanged, (e: unknown) => setError(messageOf(e)))
                  }
                >
                  {t('gatherings.console.markDone')}
                </button>
              ) : null}
            </div>
          ))}
        </Box>
      ) : null}
      {g.bookings.length ? (
        <Box id="bookings-heading" title={t('gatherings.bookings')}>
          <ul class="plain-list">
            {g.bookings.map((b) => (
              <li key={b.code}>
                {b.code} · {b.name ?? '—'} · {b.phone}
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
    </>
  );
}
