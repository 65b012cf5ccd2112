import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { ArticleWork } from '../../app/apiTypes.ts';
import { Alert, CategorySelect, Empty, Field, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { SelectField, TextAreaField, useSubmission, ColumnHeads } from '../../app/components.tsx';
import { languageChoices } from '../../app/languages.ts';
import type { Static } from 'typebox';
import type { WorkList } from '../../../../server/modules/knowledge/knowledge.schema.ts';
import { articleKinds } from '../../../../server/contract/domain.ts';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Officials write articles, send them for review, and review what others wrote. */
export default function StaffKnowledgePage({ query }: PageProps) {
  const { t } = useI18n();
  const open = query.get('id');
  const work = useAsync(() => api.get<Static<typeof WorkList>>('/knowledge/work'), [open]);
  return (
    <>
      <PageTitle>{t('knowledge.staffTitle')}</PageTitle>
      <section aria-labelledby="work-heading">
        <h2 id="work-heading">{t('knowledge.inWork')}</h2>
        {work.loading ? <Loading /> : null}
        <Alert>{work.error}</Alert>
        {work.value && !work.value.items.length ? <Empty>{t('knowledge.nothingInWork')}</Empty> : null}
        {work.value?.items.length ? (
          <table class="table">
            <caption class="visually-hidden">{t('knowledge.inWork')}</caption>
            <ColumnHeads labels={[t('knowledge.titleField'), t('knowledge.kindLabel'), t('knowledge.state'), t('knowledge.author')]} />
            <tbody>
              {work.value.items.map((w) => (
                <tr key={w.id}>
                  <td>
                    <a href={`/staff/knowledge?id=${w.id}`}>{w.title}</a>
                  </td>
                  <td>{t(`knowledge.kind.${w.kind}`)}</td>
                  <td>{t(`knowledge.states.${w.state}`)}</td>
                  <td>{w.author.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {open ? <WorkView key={open} id={open} onChange={work.reload} /> : <NewArticle />}
    </>
  );
}

function WorkView({ id, onChange }: { id: string; onChange(): void }) {
  const { t, locale } = useI18n();
  const article = useAsync(() => api.get<ArticleWork>(`/knowledge/articles/${encodeURIComponent(id)}/work`), [id]);
  const [reason, setReason] = useState('');
  const sending = useSubmission();
  if (article.loading) return <Loading />;
  if (!article.value) return <Alert>{article.error}</Alert>;
  const a = article.value;
  const text = a.texts.find((x) => x.language === serverLanguage(locale)) ?? a.texts[0];
  const act = (type: string) =>
    sending.run(async () => {
      article.set(await api.post<ArticleWork>(`/knowledge/articles/${a.id}/actions`, { type, ...(type === 'return' || type === 'withdraw' ? { reason } : {}) }));
      onChange();
    });
  return (
    <section aria-labelledby="article-heading" data-testid="article-work">
      <h2 id="article-heading">{text.title}</h2>
      <p class="muted small">
        {[t(`knowledge.kind.${a.kind}`), t(`knowledge.states.${a.state}`), `v${a.version}`, a.unit.name, a.author.name].join(' · ')}
      </p>
      {text.body.split(/\n+/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <Alert>{sending.error}</Alert>
      {a.abilities.includes('return') || a.abilities.includes('withdraw') ? (
        <Field label={t('knowledge.reason')}>
          {({ id: fieldId }) => <input id={fieldId} type="text" maxLength={2000} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />}
        </Field>
      ) : null}
      <div class="button-row">
        {a.abilities
          .filter((x) => x !== 'revise')
          .map((x) => (
            <button key={x} type="button" class={`button ${x === 'approve' ? 'primary' : 'secondary'}`} onClick={() => act(x)}>
              {t(`knowledge.actions.${x}`)}
            </button>
          ))}
        <a class="button secondary" href="/staff/knowledge">
          {t('knowledge.newArticle')}
        </a>
      </div>
    </section>
  );
}

function NewArticle() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [form, setForm] = useState({ kind: 'guide', unit: myUnits(me)[0] ?? '', petition: '', category: '', language: serverLanguage(locale) as string, title: '', body: '', steps: '', papers: '', fees: '', timeLimit: '', whereToGo: '' });
  const sending = useSubmission();
  const setValue = (k: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const set = (k: keyof typeof form) => (e: Event) => setValue(k)((e.currentTarget as HTMLInputElement).value);
  const save = async (event: Event) => {
    event.preventDefault();
    await sending.run(async () => {
      const guide =
        form.kind === 'guide'
          ? { steps: lines(form.steps), papers: lines(form.papers), fees: form.fees.trim() || null, timeLimit: form.timeLimit.trim() || null, whereToGo: form.whereToGo.trim() || null }
          : null;
      const created = await api.post<ArticleWork>('/knowledge/articles', {
        kind: form.kind,
        ...(form.kind === 'answer' ? { petition: Number(form.petition) } : { unit: form.unit }),
        category: form.category || null,
        texts: [{ language: form.language, title: form.title, body: form.body, guide }],
      });
      navigate(`/staff/knowledge?id=${created.id}`);
    });
  };
  return (
    <section aria-labelledby="new-heading">
      <h2 id="new-heading">{t('knowledge.newArticle')}</h2>
      <p class="hint">{t('knowledge.newLead')}</p>
      <Alert>{sending.error}</Alert>
      <form class="form" onSubmit={save}>
        <SelectField label={t('knowledge.kindLabel')} value={form.kind} options={articleKinds.map((k) => ({ value: k, label: t(`knowledge.kind.${k}`) }))} onChange={setValue('kind')} />
        {form.kind === 'answer' ? (
          <Field label={t('knowledge.petition')} hint={t('knowledge.petitionHint')} required>
            {({ id, describedBy }) => <input id={id} inputMode="numeric" aria-describedby={describedBy} value={form.petition} onInput={set('petition')} />}
          </Field>
        ) : (
          <Field label={t('knowledge.unit')} required>
            {({ id }) => <input id={id} value={form.unit} onInput={set('unit')} />}
          </Field>
        )}
        <CategorySelect value={form.category} onChange={(category) => setForm((f) => ({ ...f, category }))} />
        <SelectField label={t('knowledge.language')} value={form.language} options={languageChoices} onChange={setValue('language')} />
        <Field label={t('knowledge.titleField')} required>
          {({ id }) => <input id={id} maxLength={300} value={form.title} onInput={set('title')} required />}
        </Field>
        <Field label={t('knowledge.body')} hint={form.kind === 'answer' ? t('knowledge.scrubHint') : undefined} required>
          {({ id, describedBy }) => <textarea id={id} rows={8} aria-describedby={describedBy} value={form.body} onInput={set('body')} required />}
        </Field>
        {form.kind === 'guide' ? (
          <fieldset class="group">
            <legend>{t('knowledge.guide')}</legend>
            <TextAreaField label={t('knowledge.steps')} hint={t('knowledge.oneALine')} rows={4} value={form.steps} onInput={setValue('steps')} />
            <TextAreaField label={t('knowledge.papers')} hint={t('knowledge.oneALine')} rows={3} value={form.papers} onInput={setValue('papers')} />
            <Field label={t('knowledge.fees')}>{({ id }) => <input id={id} value={form.fees} onInput={set('fees')} />}</Field>
            <Field label={t('knowledge.timeLimit')}>{({ id }) => <input id={id} value={form.timeLimit} onInput={set('timeLimit')} />}</Field>
            <Field label={t('knowledge.whereToGo')}>{({ id }) => <input id={id} value={form.whereToGo} onInput={set('whereToGo')} />}</Field>
          </fieldset>
        ) : null}
        <button type="submit" class="button primary">
          {t('knowledge.saveDraft')}
        </button>
      </form>
    </section>
  );
}
