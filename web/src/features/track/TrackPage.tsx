import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useSubmission, Form } from '../../app/components.tsx';
import { accessKeyFor, devicePetitions, markRated, ratedOnDevice, rememberPetition } from '../../app/devicePetitions.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { useSession } from '../../app/session.ts';
import type { OwnPetition, PublicPetition, TimelineEntry } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import type { Static } from 'typebox';
import type { MyPetition, MyPetitionList } from '../../../../server/modules/petitions/petitions.schema.ts';
import { ratingScores, type RatingScore } from '../../../../server/contract/domain.ts';
import { Alert, Checkbox, Field, Loading, PageTitle, RadioGroup, StatusBadge, useAsync } from '../../app/ui.tsx';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, date, locale } = useI18n();
  if (!entries.length) return null;
  return (
    <ol class="timeline">
      {entries.map((entry, index) => {
        const status = entry.toStatus ?? entry.status;
        return (
          <li key={entry.id ?? index} class={entry.visibility === 'internal' ? 'internal' : undefined}>
            <time dateTime={entry.at}>{date(entry.at, true)}</time>
            <span class="timeline-what">{tOr(`event.${entry.type}`, status ? tOr(`status.${status}`, entry.type) : entry.type)}</span>
            {entry.visibility === 'internal' ? <span class="badge"> {t('case.internal')}</span> : null}
            {entry.unit ? <span class="muted"> · {unitName(entry.unit, locale)}</span> : null}
            {entry.actor ? <span class="muted"> · {entry.actor.name}</span> : null}
            {entry.handler || entry.leader || entry.agency ? (
              <p class="timeline-parties">
                {[
                  entry.agency ? t('timeline.agency', { name: entry.agency.name }) : null,
                  entry.handler ? t('timeline.handler', { name: entry.handler.name }) : null,
                  entry.leader ? t('timeline.leader', { name: entry.leader.name }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ) : null}
            {entry.reason ? (
              <p class="timeline-text">
                {/* A resident who reopens without a comment: the server records the rating's word. */}
                {entry.type === 'reopened' && entry.reason === 'unsatisfied' ? t('score.unsatisfied') : entry.reason}
              </p>
            ) : null}
            {entry.text ? <p class="timeline-text">{entry.text}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** An image the resident attached, fetched with the access key. */
function OwnImage({ petitionId, file, accessKey }: { petitionId: number; file: OwnPetition['attachments'][number]; accessKey: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    api.blob(`/petitions/${petitionId}/attachments/${file.id}`, { 'x-access-key': accessKey }).then(
      (blob) => setUrl((made = URL.createObjectURL(blob))),
      () => undefined,
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [petitionId, file.id, accessKey]);
  return url ? <img class="own-photo" src={url} alt={file.filename} /> : <span class="muted">{file.filename}</span>;
}

/** What the resident sent, to whoever holds the access key (asked for once, then kept on the device). */
function OwnPetitionSection({ code, accessKey, onKey }: { code: string; accessKey: string | undefined; onKey(key: string): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [own, setOwn] = useState<OwnPetition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (key: string) => {
    setBusy(true);
    try {
      const view = await api.get<PublicPetition>(`/petitions/track/${encodeURIComponent(code)}`, undefined, { 'x-access-key': key });
      setOwn(view.own ?? null);
      setError(null);
      onKey(key);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (accessKey) void load(accessKey);
  }, [code]);
  if (own && accessKey) {
    return (
      <section aria-labelledby="own-heading" data-testid="own">
        <h3 id="own-heading">{t('track.ownHeading')}</h3>
        {own.title ? <p><strong>{own.title}</strong></p> : null}
        <p class="answer-text">{own.body}</p>
        {own.address ? <p class="muted">{t('track.ownPlace')}: {own.address}</p> : null}
        {own.attachments.length ? (
          <ul class="own-files" aria-label={t('track.ownFiles')}>
            {own.attachments.map((file) => (
              <li key={file.id}>
                {file.contentType.startsWith('image/') ? <OwnImage petitionId={own.id} file={file} accessKey={accessKey} /> : file.filename}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  }
  return (
    <Form
      class="form inline-form"
      aria-labelledby="own-heading"
      onSend={() => {
        if (!typed.trim()) return setError(t('track.errors.accessKey'));
        void load(typed.trim());
      }}
    >
      <h3 id="own-heading">{t('track.ownHeading')}</h3>
      <p class="hint">{t('track.ownLead')}</p>
      <CodeField
        label={t('track.accessKey')}
        hint={t('track.accessKeyHint')}
        error={error}
        value={typed}
        onInput={(value) => {
          setTyped(value);
          setError(null);
        }}
      />
      <button type="submit" class="button" disabled={busy}>
        {t('track.showOwn')}
      </button>
    </Form>
  );
}

/** Rating with the access key already given (on this device, or once above the form). */
function RatingForm({ petition, accessKey, onRated }: { petition: PublicPetition; accessKey: string; onRated(message: string): void }) {
  const { t } = useI18n();
  const [score, setScore] = useState<RatingScore | ''>('');
  const [comment, setComment] = useState('');
  const [reopen, setReopen] = useState(false);
  const [errors, setErrors] = useState<{ score?: string }>({});
  const { busy, error, run } = useSubmission();

  const check = () => {
    const found: typeof errors = {};
    if (!score) found.score = t('track.errors.score');
    return found;
  };
  // After a refused submit the form is checked again as it changes: a corrected field's error goes.
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (tried) setErrors(check());
  }, [score, tried]);

  const submit = async () => {
    const found = check();
    setErrors(found);
    setTried(true);
    if (Object.keys(found).length) return;
    await run(async () => {
      await api.post(`/petitions/track/${encodeURIComponent(petition.trackingCode)}/rating`, {
        accessKey,
        score,
        comment: comment.trim() || undefined,
        reopen: score === 'unsatisfied' ? reopen : undefined,
      });
      markRated(petition.trackingCode, score as RatingScore);
      onRated(reopen && score === 'unsatisfied' ? t('track.reopened') : t('track.thanks'));
    });
  };

  return (
    <Form class="form rating" onSend={submit} aria-labelledby="rate-heading">
      <h2 id="rate-heading">{t('track.rateHeading')}</h2>
      <p>{t('track.rateLead')}</p>
      <Alert>{error}</Alert>
      <RadioGroup<RatingScore>
        legend={t('track.score')}
        name="score"
        value={score}
        onChange={setScore}
        error={errors.score}
        options={ratingScores.map((s) => ({ value: s, label: t(`score.${s}`) }))}
      />
      <Field label={t('track.comment')}>
        {({ id }) => <textarea id={id} rows={3} maxLength={2000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />}
      </Field>
      {score === 'unsatisfied' ? (
        <Checkbox label={t('track.reopen')} hint={t('track.reopenHint')} checked={reopen} onChange={setReopen} />
      ) : null}
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('common.sending') : t('track.sendRating')}
      </button>
    </Form>
  );
}

function PetitionView({ code }: { code: string }) {
  const { t, date, locale } = useI18n();
  const petition = useAsync(() => api.get<PublicPetition>(`/petitions/track/${encodeURIComponent(code)}`), [code]);
  const [thanks, setThanks] = useState<string | null>(null);
  // The access key, once known on this device (raised here, or typed in once), is kept with the code.
  const [accessKey, setAccessKey] = useState(accessKeyFor(code));
  const keep = (key: string) => {
    if (key === accessKey) return;
    if (!accessKeyFor(code)) rememberPetition({ trackingCode: code.trim().toUpperCase(), accessKey: key, createdAt: new Date().toISOString() });
    setAccessKey(key);
  };
  if (petition.loading && !petition.value) return <Loading />;
  if (petition.error) return <Alert>{petition.error}</Alert>;
  const p = petition.value!;
  const answer = p.answer?.text;
  const overdue = p.overdue;
  const rated = ratedOnDevice(p.trackingCode);
  const rateable = (p.status === 'answered' || p.status === 'closed') && !rated;
  return (
    <article class="petition" aria-labelledby="petition-heading">
      <h2 id="petition-heading">
        {t('track.petition')} <span class="code">{p.trackingCode}</span>
      </h2>
      <dl class="facts">
        <div>
          <dt>{t('track.status')}</dt>
          <dd>
            <StatusBadge status={p.status} />
          </dd>
        </div>
        <div>
          <dt>{t('track.kind')}</dt>
          <dd>{t(`kind.${p.kind}`)}</dd>
        </div>
        {p.category ? (
          <div>
            <dt>{t('track.category')}</dt>
            <dd>{tOr(`category.${p.category}`, p.category)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('track.unit')}</dt>
          <dd>{unitName(p.unit, locale)}</dd>
        </div>
        <div>
          <dt>{t('track.submitted')}</dt>
          <dd>{date(p.submittedAt, true)}</dd>
        </div>
        <div>
          <dt>{t('track.due')}</dt>
          <dd>
            {date(p.dueAt, true)} {overdue ? <span class="badge badge-overdue">{t('track.overdue')}</span> : null}
          </dd>
        </div>
      </dl>
      {answer ? (
        <section class="answer" aria-labelledby="answer-heading">
          <h3 id="answer-heading">{t('track.answer')}</h3>
          <p class="answer-text" data-testid="answer">{answer}</p>
          <p class="muted small">{date(p.answer?.at, true)}</p>
        </section>
      ) : null}
      {rated ? (
        <p>
          {t('track.yourRating')} <strong>{t(`score.${rated}`)}</strong>
        </p>
      ) : null}
      {p.timeline?.length ? (
        <section aria-labelledby="timeline-heading">
          <h3 id="timeline-heading">{t('track.timeline')}</h3>
          {/* The answer is shown once, above: its event in the history does not repeat the text. */}
          <Timeline entries={p.timeline.map((e) => (e.type === 'answered' && e.text === answer ? { ...e, text: undefined } : e))} />
        </section>
      ) : null}
      <OwnPetitionSection code={p.trackingCode} accessKey={accessKey} onKey={keep} />
      {thanks ? <Alert kind="success">{thanks}</Alert> : null}
      {rateable && accessKey ? (
        <RatingForm
          petition={p}
          accessKey={accessKey}
          onRated={(message) => {
            setThanks(message);
            petition.reload();
          }}
        />
      ) : null}
    </article>
  );
}

/** The petitions raised from the resident's account, on any device; more pages on request. */
function MyPetitions() {
  const { t, date } = useI18n();
  const [items, setItems] = useState<MyPetition[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (cursor?: string) => {
    setBusy(true);
    try {
      const page = await api.get<Static<typeof MyPetitionList>>(`/petitions/mine${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      setLoaded(true);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  if (!loaded) return <Loading />;
  return (
    <section aria-labelledby="my-petitions-heading" data-testid="my-petitions">
      <h2 id="my-petitions-heading">{t('track.mine')}</h2>
      <Alert>{error}</Alert>
      {items.length ? (
        <ul class="unit-results">
          {items.map((p) => (
            <li key={p.trackingCode}>
              <a href={`/track/${encodeURIComponent(p.trackingCode)}`}>
                <strong class="code">{p.trackingCode}</strong> <StatusBadge status={p.status} />
                {p.rated === false ? <span class="badge"> {t('track.notRated')}</span> : null}
                <span class="muted small">
                  {[t(`kind.${p.kind}`), p.unit.name, date(p.submittedAt)].join(' · ')}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : !error ? (
        <p class="muted">{t('track.mineEmpty')}</p>
      ) : null}
      {next ? (
        <button type="button" class="button" disabled={busy} onClick={() => void load(next)}>
          {t('track.mineMore')}
        </button>
      ) : null}
    </section>
  );
}

export function TrackPage({ params }: PageProps) {
  const { t, date } = useI18n();
  const [code, setCode] = useState(params.code ?? '');
  const [error, setError] = useState<string | null>(null);
  const { me } = useSession();
  const mine = devicePetitions();
  return (
    <>
      <PageTitle>{t('track.title')}</PageTitle>
      <Form
        class="form inline-form"
        onSend={() => {
          const clean = code.trim().toUpperCase();
          if (!clean) return setError(t('track.errors.code'));
          setError(null);
          navigate(`/track/${encodeURIComponent(clean)}`);
        }}
      >
        <CodeField label={t('track.codeLabel')} hint={t('track.codeHint')} error={error} value={code} onInput={setCode} />
        <button type="submit" class="button primary">
          {t('track.find')}
        </button>
      </Form>
      {params.code ? <PetitionView key={params.code} code={params.code} /> : null}
      {!params.code && me?.kind === 'resident' ? <MyPetitions key={me.id} /> : null}
      {!params.code && mine.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('track.onThisDevice')}</h2>
          <ul class="unit-results">
            {mine.map((p) => (
              <li key={p.trackingCode}>
                <a href={`/track/${encodeURIComponent(p.trackingCode)}`}>
                  <strong class="code">{p.trackingCode}</strong>
                  <span class="muted small">
                    {[p.kind ? t(`kind.${p.kind}`) : null, p.unitName, date(p.createdAt)].filter(Boolean).join(' · ')}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A field for a code the resident types back from paper or a text message (tracking code, access key). */
function CodeField(props: { label: string; hint: string; error: string | null; value: string; onInput(value: string): void }) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={props.value}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}
