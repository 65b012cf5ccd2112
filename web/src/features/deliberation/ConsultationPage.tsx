import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { Alert, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { PlaceMap, type MapPoint } from '../../app/map/PlaceMap.tsx';
import type { Consultation, ConsultationResults, ConsultationTurnout } from './types.ts';

/** A consultation: its options and places; a vote with a code sent to the voter's phone; results after close; staff set-up and live turnout. */
export default function ConsultationPage({ params }: PageProps) {
  const { t } = useI18n();
  const k = useAsync(() => api.get<Consultation>(`/consultations/${params.id}`), [params.id]);
  const results = useAsync(async () => (k.value?.closed ? api.get<ConsultationResults>(`/consultations/${params.id}/results`) : null), [k.value?.closed]);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [option, setOption] = useState<number | null>(null);
  const [receipt, setReceipt] = useState('');
  const [sent, setSent] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = k.value;
  // The options' places, framed together on one map (a new array only when the options change).
  const points = useMemo<MapPoint[]>(
    () =>
      (c?.options ?? []).flatMap((o) =>
        o.lat !== null && o.lng !== null ? [{ code: String(o.id), lat: o.lat, lng: o.lng, label: `${o.position}. ${o.placeName ?? o.title}`, href: `#option-${o.id}` }] : [],
      ),
    [c?.id, c?.options.length],
  );
  if (k.loading && !c) return <Loading />;
  if (!c) return <Alert>{k.error}</Alert>;
  const run = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <p>{c.unit.name} · {c.closed ? t('delib.closed') : t('delib.openUntil', { at: new Date(c.closesAt).toLocaleString() })}</p>
      <p>{c.body}</p>
      <ol>
        {c.options.map((o) => (
          <li key={o.id} id={`option-${o.id}`}>
            <strong>{o.title}</strong> {o.body}
            {o.placeName ? <> · {o.placeName}</> : null}
            {o.documents.map((d) => <> · <a key={d.id} href={d.url}>{d.title}</a></>)}
          </li>
        ))}
      </ol>
      {points.length ? <PlaceMap label={t('delib.sitesMap')} points={points} /> : null}
      <Alert>{error}</Alert>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {c.status === 'open' && !c.closed ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              if (!sent) {
                await api.post(`/consultations/${c.id}/codes`, { phone });
                setSent(true);
                return;
              }
              const r = await api.post<{ receipt: string | null; changed: boolean }>(`/consultations/${c.id}/votes`, { phone, code, option, ...(receipt ? { receipt } : {}) });
              setDone(r.receipt ? t('delib.votedReceipt', { receipt: r.receipt }) : t('delib.voted'));
            });
          }}
        >
          <h2>{t('delib.vote.title')}</h2>
          <Field label={t('delib.phone')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} required />}</Field>
          {sent ? (
            <>
              <Field label={t('delib.code')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} inputMode="numeric" value={code} onInput={(e) => setCode(e.currentTarget.value)} required />}</Field>
              <fieldset>
                <legend>{t('delib.choose')}</legend>
                {c.options.map((o) => (
                  <label key={o.id}><input type="radio" name="option" checked={option === o.id} onChange={() => setOption(o.id)} required /> {o.title}</label>
                ))}
              </fieldset>
              {c.changeable ? <Field label={t('delib.receipt')}>{(f) => <input id={f.id} aria-describedby={f.describedBy} value={receipt} onInput={(e) => setReceipt(e.currentTarget.value)} />}</Field> : null}
            </>
          ) : null}
          <button type="submit">{sent ? t('delib.castVote') : t('delib.sendCode')}</button>
        </form>
      ) : null}
      {results.value ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('delib.results')}</h2>
          <p>{t('delib.turnout', { voted: results.value.voted, electorate: results.value.electorate })}</p>
          <ul data-testid="results">{results.value.tally.map((r) => <li key={r.option}>{r.title}: {r.votes}</li>)}</ul>
        </section>
      ) : null}
      {c.abilities.manage ? <StaffPanel c={c} reload={k.reload} run={run} /> : null}
    </>
  );
}

function StaffPanel(props: { c: Consultation; reload(): void; run(f: () => Promise<void>): Promise<void> }) {
  const { t } = useI18n();
  const { c, reload, run } = props;
  const [csv, setCsv] = useState('ref,name,phone\n');
  const [voter, setVoter] = useState('');
  const [option, setOption] = useState(c.options[0]?.id ?? 0);
  const [imported, setImported] = useState<string | null>(null);
  const turnout = useAsync(() => api.get<ConsultationTurnout>(`/consultations/${c.id}/turnout`), [c.id, c.status]);
  // Turnout is live: read again every ten seconds while the consultation is open.
  useEffect(() => {
    if (c.status !== 'open') return;
    const timer = setInterval(turnout.reload, 10_000);
    return () => clearInterval(timer);
  }, [c.status]);
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('delib.staffActions')}</h2>
      {turnout.value ? <p data-testid="turnout">{t('delib.turnout', { voted: turnout.value.voted, electorate: turnout.value.electorate })} ({t('delib.paper')}: {turnout.value.byChannel.paper})</p> : null}
      {c.status === 'draft' ? (
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => { const r = await api.post<{ total: number }>(`/consultations/${c.id}/electorate`, { csv }); setImported(t('delib.imported', { total: r.total })); turnout.reload(); }); }}>
          <Field label={t('delib.electorate')} hint={t('delib.electorateHint')}>{(f) => <textarea id={f.id} aria-describedby={f.describedBy} rows={6} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} />}</Field>
          <button type="submit">{t('delib.import')}</button> {imported}
        </form>
      ) : null}
      {c.status === 'draft' ? <button type="button" onClick={() => run(async () => { await api.post(`/consultations/${c.id}/actions`, { type: 'open' }); reload(); })}>{t('delib.open')}</button> : null}
      {c.status === 'open' ? (
        <>
          <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await api.post(`/consultations/${c.id}/paper-ballots`, { voter, option }); setVoter(''); turnout.reload(); }); }}>
            <h3>{t('delib.paperBallot')}</h3>
            <Field label={t('delib.voterRef')} required>{(f) => <input id={f.id} aria-describedby={f.describedBy} value={voter} onInput={(e) => setVoter(e.currentTarget.value)} required />}</Field>
            <select value={option} onChange={(e) => setOption(Number(e.currentTarget.value))}>{c.options.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}</select>
            <button type="submit">{t('delib.record')}</button>
          </form>
          <button type="button" onClick={() => run(async () => { await api.post(`/consultations/${c.id}/actions`, { type: 'close' }); reload(); })}>{t('delib.close')}</button>
        </>
      ) : null}
    </section>
  );
}
