import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { petitionKinds, type GatheringAction, type PetitionKind } from '../../../../server/contract/domain.ts';
import { Alert, Checkbox, Empty, Loading, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { SelectField, TextAreaField, TextField, useSubmission } from '../../app/components.tsx';
import { gatheringTime, newKey } from './format.ts';
import { dismissRefused, enqueue, useQueue, type QueuedEntry } from './queue.ts';
import { registerOffline } from './offline.ts';
import { MinutesFilesBox } from './MinutesFiles.tsx';
import { Fact } from './Fact.tsx';
import { FigureList } from '../../app/FigureList.tsx';
import { SubmitForm } from './SubmitForm.tsx';
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
  const sending = useSubmission();
  const act = (type: GatheringAction, extra: Record<string, string>) =>
    sending.run(async () => onDone(await api.post<StaffView>(`/gatherings/${g.id}/actions`, { type, ...extra })));
  const texts = () => ({ ...(minutes.trim() ? { minutes: minutes.trim() } : {}), ...(outcomes.trim() ? { outcomes: outcomes.trim() } : {}) });
  return (
    <>
      <Alert>{sending.error}</Alert>
      {g.state === 'planned' ? (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void act('open', {})}>
            {t('gatherings.action.open')}
          </button>
        </div>
      ) : null}
      {g.state === 'open' || g.state === 'closed' ? (
        <Box id="minutes-heading" title={t('gatherings.minutesTitle')}>
          <TextAreaField label={t('gatherings.minutesText')} rows={5} value={minutes} onInput={setMinutes} />
          <TextAreaField label={t('gatherings.outcomes')} rows={3} value={outcomes} onInput={setOutcomes} />
          {g.state === 'open' ? (
            <button type="button" class="button" onClick={() => void act('close', texts())}>
              {t('gatherings.action.close')}
            </button>
          ) : (
            <>
              <TextAreaField label={t('gatherings.summary')} hint={t('gatherings.summaryHint')} required rows={5} value={summary} onInput={setSummary} />
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
          <TextAreaField label={t('gatherings.cancelReason')} required rows={2} value={reason} onInput={setReason} />
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
      <SubmitForm
        label={t('gatherings.console.addAttendance')}
        onSend={() => {
          const n = count ? Number(count) : undefined;
          if (!n && !list.length) return;
          void onEntry({ key: newKey(), type: 'attendance', ...(n ? { count: n } : {}), ...(list.length ? { names: list } : {}) }).then(() => {
            setCount('');
            setNames('');
          });
        }}
      >
        <TextField label={t('gatherings.console.count')} type="number" min={0} inputMode="numeric" value={count} onInput={setCount} />
        {withNames ? <TextAreaField label={t('gatherings.console.names')} hint={t('gatherings.console.namesHint')} rows={3} value={names} onInput={setNames} /> : null}
      </SubmitForm>
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
      <SubmitForm
        label={t('gatherings.console.addOpinion')}
        onSend={() => {
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
        <SelectField<PetitionKind>
          label={t('gatherings.console.opinionKind')}
          value={kind}
          options={petitionKinds.filter((k) => k !== 'conduct_report' && k !== 'denunciation').map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={setKind}
        />
        <TextAreaField label={t('gatherings.console.opinionBody')} rows={4} refuseEmpty value={body} onInput={setBody} />
        <TextField label={t('gatherings.name')} value={name} onInput={setName} />
        <TextField label={t('gatherings.phoneOptional')} type="tel" value={phone} onInput={setPhone} />
        <TextAreaField label={t('gatherings.console.answerNow')} hint={t('gatherings.console.answerNowHint')} rows={3} value={answer} onInput={setAnswer} />
        <Checkbox label={t('gatherings.consent')} checked={consent} onChange={setConsent} />
      </SubmitForm>
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
      <SubmitForm
        label={t('gatherings.console.addService')}
        onSend={() => {
          if (!/^[a-z][a-z0-9_]{0,63}$/.test(serviceType) || !(Number(count) >= 1)) return;
          void onEntry({ key: newKey(), type: 'service', serviceType, count: Number(count) }).then(() => setCount('1'));
        }}
      >
        <SelectField
          label={t('gatherings.console.serviceType')}
          value={type}
          options={[...serviceTypes.map((s) => ({ value: s, label: t(`gatherings.service.${s}`) })), { value: 'other', label: t('gatherings.console.otherService') }]}
          onChange={setType}
        />
        {type === 'other' ? (
          <TextField label={t('gatherings.console.otherServiceName')} hint={t('gatherings.console.otherServiceHint')} refuseEmpty value={other} onInput={setOther} />
        ) : null}
        <TextField label={t('gatherings.console.serviceCount')} type="number" min={1} inputMode="numeric" refuseEmpty value={count} onInput={setCount} />
      </SubmitForm>
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
      <SubmitForm
        label={t('gatherings.console.addRecord')}
        onSend={() => {
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
        <TextAreaField label={t('gatherings.console.residentAccount')} rows={3} refuseEmpty value={resident} onInput={setResident} />
        <TextAreaField label={t('gatherings.console.agencyAccount')} rows={3} refuseEmpty value={agency} onInput={setAgency} />
        <TextAreaField label={t('gatherings.console.conclusion')} rows={3} refuseEmpty value={conclusion} onInput={setConclusion} />
        <TextField label={t('gatherings.console.responsible')} refuseEmpty value={responsible} onInput={setResponsible} />
        <TextField label={t('gatherings.console.dueOn')} type="date" refuseEmpty value={dueOn} onInput={setDueOn} />
      </SubmitForm>
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
  const sending = useSubmission();
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
          <FigureList figures={g.services.map((s) => ({ figure: `service-${s.type}`, label: tOr(`gatherings.service.${s.type}`, s.type), value: s.count }))} />
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
          <Alert>{sending.error}</Alert>
          {g.records.map((r) => (
            <div key={r.id} class={r.overdue ? 'card row-overdue' : 'card'} data-testid="record">
              <dl class="facts">
                <Fact term={t('gatherings.console.residentAccount')}>{r.residentAccount}</Fact>
                <Fact term={t('gatherings.console.agencyAccount')}>{r.agencyAccount}</Fact>
                <Fact term={t('gatherings.console.conclusion')}>{r.conclusion}</Fact>
                <Fact term={t('gatherings.console.responsible')}>
                  {r.responsible} · {r.dueOn} {r.done ? `· ${t('gatherings.console.done')}` : r.overdue ? `· ${t('gatherings.console.overdue')}` : ''}
                </Fact>
              </dl>
              {!r.done ? (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => void sending.run(() => api.post(`/gatherings/records/${r.id}/actions`, { type: 'done' })).then((done) => done && onChanged())}
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
