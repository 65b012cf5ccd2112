import { useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import { councilKinds, matterContents, subunitLevels, type SubunitLevel } from '../../../../server/contract/domain.ts';
import { Alert, Empty, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import type { Consultation, Council, MatterItem } from './types.ts';

/** The councils' desk: groups below a village, councils and their members, proposals, consultations. */
export default function CouncilsPage({ query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const unit = query.get('unit') ?? myUnits(me)[0] ?? '';
  const [unitText, setUnitText] = useState(unit);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = useAsync(
    async () =>
      unit
        ? Promise.all([
            api.get<List<Council>>('/councils', { unit, subtree: true }),
            api.get<List<MatterItem>>('/matters', { unit, limit: 50 }),
            api.get<List<Consultation>>('/consultations', { unit }),
          ])
        : null,
    [unit],
  );
  const run = async (f: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await f();
      data.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <PageTitle>{t('delib.councils')}</PageTitle>
      <form onSubmit={(e) => { e.preventDefault(); navigate(`/staff/councils?unit=${encodeURIComponent(unitText)}`); }}>
        <Field label={t('delib.unitCode')}>{(f) => <input id={f.id} value={unitText} onInput={(e) => setUnitText(e.currentTarget.value)} />}</Field>
        <button type="submit">{t('delib.show')}</button>
      </form>
      <Alert>{error}</Alert>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {data.loading ? <Loading /> : null}
      {unit ? <SubunitForm unit={unit} run={run} onDone={(code) => setNotice(t('delib.subunitAdded', { code }))} /> : null}
      {unit ? <CouncilForm unit={unit} run={run} /> : null}
      {data.value ? (
        <>
          <section aria-labelledby="councils-heading">
            <h2 id="councils-heading">{t('delib.councils')}</h2>
            {data.value[0].items.length === 0 ? <Empty>{t('delib.none')}</Empty> : null}
            {data.value[0].items.map((c) => (
              <article key={c.id} class="card" data-testid="council">
                <h3>{c.name} · {t(`delib.kind.${c.kind}`)} · {c.unit.name}</h3>
                <p class="muted">{t('delib.rules', { quorum: `${c.quorum.strict ? '>' : '≥'}${c.quorum.num}/${c.quorum.den}`, majority: `${c.majority.strict ? '>' : '≥'}${c.majority.num}/${c.majority.den}` })}</p>
                <ul>
                  {c.members.map((m) => (
                    <li key={m.id}>{m.name} · {t(`delib.memberRole.${m.role}`)} · {m.electedOn} – {m.termUntil}</li>
                  ))}
                </ul>
                <ProposeForm council={c} run={run} />
              </article>
            ))}
          </section>
          <section aria-labelledby="smatters-heading">
            <h2 id="smatters-heading">{t('delib.matters')}</h2>
            <ul>
              {data.value[1].items.map((m) => (
                <li key={m.id}><a href={`/deliberation/matters/${m.id}`}>{m.title}</a> · {t(`delib.stage.${m.stage}`)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="sconsult-heading">
            <h2 id="sconsult-heading">{t('delib.consultations')}</h2>
            <ul>
              {data.value[2].items.map((k) => (
                <li key={k.id}><a href={`/deliberation/consultations/${k.id}`}>{k.title}</a> · {k.status}</li>
              ))}
            </ul>
            <ConsultationForm unit={unit} run={run} />
          </section>
        </>
      ) : null}
    </>
  );
}

type Run = (f: () => Promise<void>) => Promise<void>;

function SubunitForm({ unit, run, onDone }: { unit: string; run: Run; onDone(code: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [level, setLevel] = useState<SubunitLevel>('group');
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(async () => { const u = await api.post<{ code: string }>(`/units/${encodeURIComponent(unit)}/subunits`, { name, level }); setName(''); onDone(u.code); }); }}>
      <h2>{t('delib.addSubunit')}</h2>
      <Field label={t('delib.subunitName')} required>{(f) => <input id={f.id} value={name} onInput={(e) => setName(e.currentTarget.value)} required />}</Field>
      <select aria-label={t('delib.levelLabel')} value={level} onChange={(e) => setLevel(e.currentTarget.value as SubunitLevel)}>
        {subunitLevels.map((l) => <option key={l} value={l}>{t(`delib.level.${l}`)}</option>)}
      </select>
      <button type="submit">{t('delib.add')}</button>
    </form>
  );
}

function CouncilForm({ unit, run }: { unit: string; run: Run }) {
  const { t } = useI18n();
  const [code, setCode] = useState(unit);
  const [kind, setKind] = useState<string>('group_council');
  const [name, setName] = useState('');
  const [lines, setLines] = useState('');
  const members = () =>
    lines.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [n, role, electedOn, termUntil] = l.split(',').map((x) => x.trim());
      return { name: n, role: role || 'member', electedOn, termUntil };
    });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await api.post('/councils', { unit: code, kind, name, members: members() }); setName(''); setLines(''); }); }}>
      <h2>{t('delib.newCouncil')}</h2>
      <Field label={t('delib.unitCode')} required>{(f) => <input id={f.id} value={code} onInput={(e) => setCode(e.currentTarget.value)} required />}</Field>
      <select aria-label={t('delib.kindLabel')} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
        {councilKinds.map((k) => <option key={k} value={k}>{t(`delib.kind.${k}`)}</option>)}
      </select>
      <Field label={t('delib.councilName')} required>{(f) => <input id={f.id} value={name} onInput={(e) => setName(e.currentTarget.value)} required />}</Field>
      <Field label={t('delib.membersLines')} hint={t('delib.membersHint')}>{(f) => <textarea id={f.id} aria-describedby={f.describedBy} rows={5} value={lines} onInput={(e) => setLines(e.currentTarget.value)} />}</Field>
      <button type="submit">{t('delib.create')}</button>
    </form>
  );
}

function ProposeForm({ council, run }: { council: Council; run: Run }) {
  const { t } = useI18n();
  const [content, setContent] = useState<string>('development');
  const [title, setTitle] = useState('');
  const [member, setMember] = useState(council.members[0]?.id ?? 0);
  if (council.members.length === 0 || !council.abilities.manage) return null;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await api.post(`/councils/${council.id}/matters`, { content, title, proposer: 'member', member }); setTitle(''); }); }}>
      <h4>{t('delib.propose')}</h4>
      <select aria-label={t('delib.contentLabel')} value={content} onChange={(e) => setContent(e.currentTarget.value)}>
        {matterContents.map((c) => <option key={c} value={c}>{t(`delib.content.${c}`)}</option>)}
      </select>
      <select aria-label={t('delib.proposer')} value={member} onChange={(e) => setMember(Number(e.currentTarget.value))}>
        {council.members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <Field label={t('delib.matterTitle')} required>{(f) => <input id={f.id} value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />}</Field>
      <button type="submit">{t('delib.propose')}</button>
    </form>
  );
}

function ConsultationForm({ unit, run }: { unit: string; run: Run }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [options, setOptions] = useState('');
  const parsed = () =>
    options.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [title, lat, lng] = l.split('|').map((x) => x.trim());
      return { title, ...(lat && lng ? { lat: Number(lat), lng: Number(lng), placeName: title } : {}) };
    });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(async () => { const k = await api.post<Consultation>('/consultations', { unit, title, electorate: 'household', closesAt: new Date(closesAt).toISOString(), options: parsed() }); navigate(`/deliberation/consultations/${k.id}`); }); }}>
      <h3>{t('delib.newConsultation')}</h3>
      <Field label={t('delib.consultationTitle')} required>{(f) => <input id={f.id} value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />}</Field>
      <Field label={t('delib.closesAt')} required>{(f) => <input id={f.id} type="datetime-local" value={closesAt} onInput={(e) => setClosesAt(e.currentTarget.value)} required />}</Field>
      <Field label={t('delib.options')} hint={t('delib.optionsHint')}>{(f) => <textarea id={f.id} aria-describedby={f.describedBy} rows={4} value={options} onInput={(e) => setOptions(e.currentTarget.value)} />}</Field>
      <button type="submit">{t('delib.create')}</button>
    </form>
  );
}
