import { useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { useSession } from '../../app/session.ts';
import { matterContents } from '../../../../server/contract/domain.ts';
import { Alert, Empty, Field, Loading, PageTitle, UnitPicker, useAsync } from '../../app/ui.tsx';
import type { Consultation, Council, DeliberationFigures, Matter, MatterItem } from './types.ts';

/** A unit's matters and consultations, for residents on a phone. */
export default function DeliberationPage({ query }: PageProps) {
  const { t } = useI18n();
  const unit = query.get('unit') ?? '';
  const [picked, setPicked] = useState<Unit | null>(null);
  const data = useAsync(
    async () =>
      unit
        ? Promise.all([
            api.get<List<MatterItem>>('/matters', { unit, limit: 50 }),
            api.get<List<Consultation>>('/consultations', { unit }),
            api.get<DeliberationFigures>('/deliberation/figures', { unit }),
          ])
        : null,
    [unit],
  );
  return (
    <>
      <PageTitle>{t('delib.title')}</PageTitle>
      <p class="muted">{t('delib.intro')}</p>
      <UnitPicker label={t('delib.unit')} value={picked} onChange={(u) => { setPicked(u); if (u) navigate(`/deliberation?unit=${encodeURIComponent(u.code)}`); }} />
      {data.loading ? <Loading /> : null}
      <Alert>{data.error}</Alert>
      {data.value ? (
        <>
          <section aria-labelledby="consultations-heading">
            <h2 id="consultations-heading">{t('delib.consultations')}</h2>
            {data.value[1].items.length === 0 ? <Empty>{t('delib.none')}</Empty> : null}
            <ul class="cards">
              {data.value[1].items.map((k) => (
                <li key={k.id}>
                  <a href={`/deliberation/consultations/${k.id}`}>{k.title}</a> · {k.unit.name} · {k.closed ? t('delib.closed') : t('delib.openUntil', { at: new Date(k.closesAt).toLocaleString() })}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="matters-heading">
            <h2 id="matters-heading">{t('delib.matters')}</h2>
            {data.value[0].items.length === 0 ? <Empty>{t('delib.none')}</Empty> : null}
            <ul class="cards">
              {data.value[0].items.map((m) => (
                <li key={m.id}>
                  <a href={`/deliberation/matters/${m.id}`}>{m.title}</a> · {t(`delib.content.${m.content}`)} · <strong>{t(`delib.stage.${m.stage}`)}</strong> · {m.unit.name}
                </li>
              ))}
            </ul>
          </section>
          <ProposeForm unit={unit} />
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t('delib.figures')}</h2>
            <dl class="figures">
              <dt>{t('delib.councils')}</dt><dd>{data.value[2].councils}</dd>
              <dt>{t('delib.members')}</dt><dd>{data.value[2].members}</dd>
              {Object.entries(data.value[2].mattersByContent).map(([content, n]) => (
                <>
                  <dt>{t(`delib.content.${content}`)}</dt><dd>{n}</dd>
                </>
              ))}
              <dt>{t('delib.passed')}</dt><dd>{data.value[2].resolutionsPassed}</dd>
              <dt>{t('delib.accepted')}</dt><dd>{data.value[2].inspectionsAccepted}</dd>
            </dl>
          </section>
        </>
      ) : null}
    </>
  );
}

/** A signed-in resident proposes a matter to one of the unit's councils, with the co-signers it asks for. */
function ProposeForm({ unit }: { unit: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const councils = useAsync(async () => (me?.kind === 'resident' ? api.get<List<Council>>('/councils', { unit, subtree: true }) : null), [unit, me?.kind]);
  const [council, setCouncil] = useState(0);
  const [content, setContent] = useState<string>('development');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [cosigners, setCosigners] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = councils.value?.items ?? [];
  if (me?.kind !== 'resident' || list.length === 0) return null;
  const chosen = list.find((c) => c.id === council) ?? list[0];
  const names = cosigners.split('\n').map((n) => n.trim()).filter(Boolean);
  return (
    <section aria-labelledby="propose-heading">
      <h2 id="propose-heading">{t('delib.propose')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          api.post<Matter>(`/councils/${chosen.id}/resident-proposals`, { content, title, ...(body ? { body } : {}), cosigners: names }).then(
            (m) => navigate(`/deliberation/matters/${m.id}`),
            (err: unknown) => setError(messageOf(err)),
          );
        }}
      >
        <Field label={t('delib.councilLabel')}>
          {(f) => <select id={f.id} value={chosen.id} onChange={(e) => setCouncil(Number(e.currentTarget.value))}>{list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
        </Field>
        <Field label={t('delib.contentLabel')}>
          {(f) => <select id={f.id} value={content} onChange={(e) => setContent(e.currentTarget.value)}>{matterContents.map((c) => <option key={c} value={c}>{t(`delib.content.${c}`)}</option>)}</select>}
        </Field>
        <Field label={t('delib.matterTitle')} required>{(f) => <input id={f.id} value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />}</Field>
        <Field label={t('delib.matterBody')}>{(f) => <textarea id={f.id} value={body} onInput={(e) => setBody(e.currentTarget.value)} />}</Field>
        <Field label={t('delib.cosigners')} hint={t('delib.cosignersHint', { n: chosen.cosignersRequired })}>
          {(f) => <textarea id={f.id} aria-describedby={f.describedBy} rows={5} value={cosigners} onInput={(e) => setCosigners(e.currentTarget.value)} />}
        </Field>
        <Alert>{error}</Alert>
        <button type="submit">{t('delib.propose')}</button>
      </form>
    </section>
  );
}
