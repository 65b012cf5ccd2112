import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import type { Article } from '../../app/apiTypes.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { languageNames, type ServerLanguage } from '../../app/languages.ts';

/** A titled list of a guide (its steps, numbered, or the papers to bring), when it has one. */
function GuideList({ title, items, ordered }: { title: string; items: readonly string[]; ordered?: boolean }) {
  if (!items.length) return null;
  const lines = items.map((s) => <li key={s}>{s}</li>);
  return (
    <>
      <h3>{title}</h3>
      {ordered ? <ol>{lines}</ol> : <ul>{lines}</ul>}
    </>
  );
}

/** One fact of a guide (its fees, time limit, place), when it has it. */
function Fact({ term, value }: { term: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** One article, in the reader's language when it has one; a procedure guide with its steps, papers, fees, time limit and place. */
export function ArticlePage({ params }: PageProps) {
  const { t, locale, date } = useI18n();
  const article = useAsync(() => api.get<Article>(`/knowledge/articles/${encodeURIComponent(params.id)}`), [params.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (article.loading) return <Loading />;
  if (!article.value) return <Alert>{article.error}</Alert>;
  const a = article.value;
  const language = chosen ?? serverLanguage(locale);
  const text = a.texts.find((x) => x.language === language) ?? a.texts[0];
  const g = text.guide;
  return (
    <article lang={text.language === 'zh' ? 'zh' : text.language} data-testid="article">
      <PageTitle>{text.title}</PageTitle>
      <p class="muted small">
        {[t(`knowledge.kind.${a.kind}`), a.category ? tOr(`category.${a.category}`, a.category) : null, a.unit.name, a.publishedAt ? date(a.publishedAt) : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {a.texts.length > 1 ? (
        <p class="button-row" aria-label={t('knowledge.otherLanguages')}>
          {a.texts.map((x) => (
            <button key={x.language} type="button" class="link-button" aria-pressed={x.language === text.language} onClick={() => setChosen(x.language)}>
              {languageNames[x.language as ServerLanguage]}
            </button>
          ))}
        </p>
      ) : null}
      {text.body.split(/\n+/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      {g ? (
        <section class="guide" aria-labelledby="guide-heading">
          <h2 id="guide-heading">{t('knowledge.guide')}</h2>
          <GuideList title={t('knowledge.steps')} items={g.steps} ordered />
          <GuideList title={t('knowledge.papers')} items={g.papers} />
          <dl>
            <Fact term={t('knowledge.fees')} value={g.fees} />
            <Fact term={t('knowledge.timeLimit')} value={g.timeLimit} />
            <Fact term={t('knowledge.whereToGo')} value={g.whereToGo} />
            <Fact term={t('knowledge.servicePoint')} value={a.servicePoint ? [a.servicePoint.name, a.servicePoint.address].filter(Boolean).join(', ') : null} />
          </dl>
        </section>
      ) : null}
      {a.validTo ? <p class="muted small">{t('knowledge.validTo', { date: date(a.validTo) })}</p> : null}
      <p>
        <a href="/knowledge">{t('knowledge.back')}</a> · <a href="/petitions/new">{t('knowledge.stillAsk')}</a>
      </p>
    </article>
  );
}
