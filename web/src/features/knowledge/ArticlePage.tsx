import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { serverLanguage, tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import type { Article } from '../../app/apiTypes.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';

const languageNames: Record<string, string> = { vi: 'Tiếng Việt', zh: '中文', en: 'English' };

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
        {[t(`knowledge.kind.${a.kind}`), a.category ? tOr(`category.${a.category}`, a.category) : null, a.unitName, a.publishedAt ? date(a.publishedAt) : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {a.texts.length > 1 ? (
        <p class="button-row" aria-label={t('knowledge.otherLanguages')}>
          {a.texts.map((x) => (
            <button key={x.language} type="button" class="link-button" aria-pressed={x.language === text.language} onClick={() => setChosen(x.language)}>
              {languageNames[x.language]}
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
          {g.steps.length ? (
            <>
              <h3>{t('knowledge.steps')}</h3>
              <ol>
                {g.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </>
          ) : null}
          {g.papers.length ? (
            <>
              <h3>{t('knowledge.papers')}</h3>
              <ul>
                {g.papers.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          ) : null}
          <dl>
            {g.fees ? (
              <>
                <dt>{t('knowledge.fees')}</dt>
                <dd>{g.fees}</dd>
              </>
            ) : null}
            {g.timeLimit ? (
              <>
                <dt>{t('knowledge.timeLimit')}</dt>
                <dd>{g.timeLimit}</dd>
              </>
            ) : null}
            {g.whereToGo ? (
              <>
                <dt>{t('knowledge.whereToGo')}</dt>
                <dd>{g.whereToGo}</dd>
              </>
            ) : null}
            {a.servicePoint ? (
              <>
                <dt>{t('knowledge.servicePoint')}</dt>
                <dd>{[a.servicePoint.name, a.servicePoint.address].filter(Boolean).join(', ')}</dd>
              </>
            ) : null}
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
