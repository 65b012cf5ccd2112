import { useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { useSession } from '../../app/session.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { reviewOutcomes } from '../../../../server/contract/domain.ts';
import type { Council, Matter } from './types.ts';

/** A matter through its stages: residents follow, comment and inspect; the council's staff move it on. */
export default function MatterPage({ params }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const matter = useAsync(() => api.get<Matter>(`/matters/${params.id}`), [params.id, me?.id]);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const m = matter.value;
  const council = useAsync(async () => (m && m.abilities.manage ? api.get<Council>(`/councils/${m.council}`) : null), [m?.council, m?.abilities.manage]);

  const act = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      matter.set(await api.post<Matter>(`/matters/${params.id}/actions`, body));
      setText('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const follow = async () => {
    try {
      matter.set(m!.following ? await api.delete<Matter>(`/matters/${params.id}/follow`) : await api.put<Matter>(`/matters/${params.id}/follow`));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  if (matter.loading && !m) return <Loading />;
  if (!m) return <Alert>{matter.error}</Alert>;
  const can = (a: string) => m.abilities.actions.includes(a);
  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <p>
        {m.councilName} · {m.unit.name} · {t(`delib.content.${m.content}`)} · <strong data-testid="matter-stage">{t(`delib.stage.${m.stage}`)}</strong>
      </p>
      <p>{m.body}</p>
      <p class="muted">{t('delib.proposedBy', { name: m.proposerName, cosigners: m.cosigners })}</p>
      {m.documents.map((d) => <p key={d.id}><a href={d.url} rel="noopener">{d.title}</a></p>)}
      {me?.kind === 'resident' ? <button type="button" onClick={follow}>{m.following ? t('delib.unfollow') : t('delib.follow')}</button> : null}
      <Alert>{error}</Alert>
      {m.review ? <p>{t(`delib.review.${m.review.outcome}`)}{m.review.reason ? `: ${m.review.reason}` : ''}</p> : null}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('delib.comments')}</h2>
        {m.commentsCloseAt ? <p class="muted">{t('delib.commentsUntil', { at: new Date(m.commentsCloseAt).toLocaleString() })}</p> : null}
        <ul>
          {m.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.kind === 'evaluation' ? t('delib.evaluation', { name: c.author }) : c.author || t('delib.resident')}</strong>: {c.body}
            </li>
          ))}
        </ul>
        {m.abilities.comment ? (
          <form onSubmit={(e) => { e.preventDefault(); void act({ type: 'comment', body: text }); }}>
            <Field label={t('delib.yourComment')} required>
              {(f) => <textarea id={f.id} aria-describedby={f.describedBy} value={text} onInput={(e) => setText(e.currentTarget.value)} required />}
            </Field>
            <button type="submit">{t('delib.send')}</button>
          </form>
        ) : null}
      </section>

      {m.meeting ? (
        <section aria-labelledby="meeting-heading">
          <h2 id="meeting-heading">{t('delib.meeting')}</h2>
          <p>
            {m.meeting.heldOn}: {t('delib.votes', { for: m.meeting.for, against: m.meeting.against, abstain: m.meeting.abstain, present: m.meeting.present.length, members: m.meeting.membersTotal })} —{' '}
            <strong>{m.meeting.passed ? t('delib.passed') : t('delib.notPassed')}</strong>
          </p>
        </section>
      ) : null}

      {m.tasks.length ? (
        <section aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{t('delib.tasks')}</h2>
          <ul>
            {m.tasks.map((task) => (
              <li key={task.id}>
                <strong>{task.title}</strong> · {task.owner} · {t('delib.due', { day: task.dueOn })} · {task.progress}% · {t('delib.spent', { amount: task.spent })} · {t(`delib.task.${task.status}`)}
                {task.reports.map((r) => <div key={r.id} class="muted">{r.reportedOn}: {r.note} {r.photos.map((p) => <a key={p} href={p}>📷</a>)}</div>)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {m.abilities.inspect ? (
        <section aria-labelledby="inspect-heading">
          <h2 id="inspect-heading">{t('delib.inspect')}</h2>
          <Field label={t('delib.inspectNote')}>
            {(f) => <textarea id={f.id} aria-describedby={f.describedBy} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <button type="button" onClick={() => act({ type: 'inspect', verdicts: m.tasks.filter((x) => x.status === 'done').map((x) => ({ task: x.id, verdict: 'accepted' })) })}>{t('delib.acceptWork')}</button>{' '}
          <button type="button" onClick={() => act({ type: 'inspect', verdicts: m.tasks.filter((x) => x.status === 'done').map((x) => ({ task: x.id, verdict: 'contested', note: text })) })}>{t('delib.contestWork')}</button>
        </section>
      ) : null}

      {m.abilities.manage || m.abilities.review ? <StaffActions m={m} council={council.value ?? null} can={can} act={act} /> : null}
    </>
  );
}

function StaffActions(props: { m: Matter; council: Council | null; can(a: string): boolean; act(body: Record<string, unknown>): Promise<void> }) {
  const { t } = useI18n();
  const { m, council, can, act } = props;
  const [reason, setReason] = useState('');
  const [present, setPresent] = useState<number[]>([]);
  const [votes, setVotes] = useState({ for: 0, against: 0, abstain: 0 });
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [task, setTask] = useState({ title: '', owner: '', dueOn: '' });
  const num = (v: string) => Math.max(0, Number(v) || 0);
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('delib.staffActions')}</h2>
      {['open_evaluation', 'submit_for_review', 'submit_for_inspection'].filter(can).map((a) => (
        <button key={a} type="button" onClick={() => act({ type: a })}>{t(`delib.action.${a}`)}</button>
      ))}
      {can('review') ? (
        <div>
          <Field label={t('delib.reason')}>{(f) => <input id={f.id} aria-describedby={f.describedBy} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
          {reviewOutcomes.map((o) => (
            <button key={o} type="button" onClick={() => act({ type: 'review', outcome: o, ...(reason ? { reason } : {}) })}>{t(`delib.review.${o}`)}</button>
          ))}
        </div>
      ) : null}
      {can('resolve') && council ? (
        <form onSubmit={(e) => { e.preventDefault(); void act({ type: 'resolve', heldOn, present, ...votes }); }}>
          <h3>{t('delib.recordMeeting')}</h3>
          <Field label={t('delib.heldOn')}>{(f) => <input id={f.id} aria-describedby={f.describedBy} type="date" value={heldOn} onInput={(e) => setHeldOn(e.currentTarget.value)} />}</Field>
          <fieldset>
            <legend>{t('delib.present')}</legend>
            {council.members.filter((x) => x.serving).map((x) => (
              <label key={x.id}>
                <input type="checkbox" checked={present.includes(x.id)} onChange={(e) => setPresent(e.currentTarget.checked ? [...present, x.id] : present.filter((p) => p !== x.id))} /> {x.name}
              </label>
            ))}
          </fieldset>
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Field key={k} label={t(`delib.vote.${k}`)}>{(f) => <input id={f.id} aria-describedby={f.describedBy} type="number" min={0} value={votes[k]} onInput={(e) => setVotes({ ...votes, [k]: num(e.currentTarget.value) })} />}</Field>
          ))}
          <button type="submit">{t('delib.record')}</button>
        </form>
      ) : null}
      {can('add_task') ? (
        <form onSubmit={(e) => { e.preventDefault(); void act({ type: 'add_task', ...task }); }}>
          <h3>{t('delib.addTask')}</h3>
          <Field label={t('delib.taskTitle')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} value={task.title} onInput={(e) => setTask({ ...task, title: e.currentTarget.value })} required />}</Field>
          <Field label={t('delib.owner')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} value={task.owner} onInput={(e) => setTask({ ...task, owner: e.currentTarget.value })} required />}</Field>
          <Field label={t('delib.dueOn')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} type="date" value={task.dueOn} onInput={(e) => setTask({ ...task, dueOn: e.currentTarget.value })} required />}</Field>
          <button type="submit">{t('delib.addTask')}</button>
        </form>
      ) : null}
      {can('report_progress') ? <ProgressForm tasks={m.tasks.filter((x) => x.status === 'open' || x.status === 'contested')} act={act} /> : null}
    </section>
  );
}

/** A progress report on a task: how far, money spent, a photo's address, a note. */
function ProgressForm(props: { tasks: Matter['tasks']; act(body: Record<string, unknown>): Promise<void> }) {
  const { t } = useI18n();
  const [task, setTask] = useState(props.tasks[0]?.id ?? 0);
  const [progress, setProgress] = useState(100);
  const [spent, setSpent] = useState(0);
  const [photo, setPhoto] = useState('');
  const [note, setNote] = useState('');
  if (props.tasks.length === 0) return null;
  const chosen = props.tasks.some((x) => x.id === task) ? task : props.tasks[0].id;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void props.act({ type: 'report_progress', task: chosen, progress, spent, note, photos: photo ? [photo] : [] }); }}>
      <h3>{t('delib.reportProgress')}</h3>
      <Field label={t('delib.taskTitle')}>
        {(f) => <select id={f.id} value={chosen} onChange={(e) => setTask(Number(e.currentTarget.value))}>{props.tasks.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}</select>}
      </Field>
      <Field label={t('delib.progress')}>{(f) => <input id={f.id} type="number" min={0} max={100} value={progress} onInput={(e) => setProgress(Math.min(100, Math.max(0, Number(e.currentTarget.value) || 0)))} />}</Field>
      <Field label={t('delib.spentLabel')}>{(f) => <input id={f.id} type="number" min={0} value={spent} onInput={(e) => setSpent(Math.max(0, Number(e.currentTarget.value) || 0))} />}</Field>
      <Field label={t('delib.photo')}>{(f) => <input id={f.id} type="url" value={photo} onInput={(e) => setPhoto(e.currentTarget.value)} />}</Field>
      <Field label={t('delib.note')}>{(f) => <input id={f.id} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
      <button type="submit">{t('delib.record')}</button>
    </form>
  );
}
