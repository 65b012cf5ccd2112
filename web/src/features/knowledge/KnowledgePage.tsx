import { useState } from 'preact/hooks';
import { ArticleList, fetchArticles } from '../../app/articles.tsx';
import { serverLanguage, useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { Alert, Empty, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { SelectField, TextField } from '../../app/components.tsx';
import { articleKinds } from '../../../../server/contract/domain.ts';

/** The knowledge base: published answers, procedure guides and announcements, searched in any of the three languages. */
export function KnowledgePage({ query }: PageProps) {
  const { t, locale } = useI18n();
  const q = query.get('q') ?? '';
  const kind = query.get('kind') ?? '';
  const unit = query.get('unit') ?? '';
  const [text, setText] = useState(q);
  const [kindValue, setKind] = useState(kind);
  const found = useAsync(
    () => fetchArticles({ q: q || undefined, kind: kind || undefined, unit: unit || undefined, lang: serverLanguage(locale), limit: 20 }),
    [q, kind, unit, locale],
  );
  const search = (event: Event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (text.trim()) params.set('q', text.trim());
    if (kindValue) params.set('kind', kindValue);
    if (unit) params.set('unit', unit);
    navigate(`/knowledge${params.size ? `?${params}` : ''}`);
  };
  return (
    <>
      <PageTitle>{t('knowledge.title')}</PageTitle>
      <p class="lead">{t('knowledge.lead')}</p>
      <p>
        <a href="/subscribe">{t('knowledge.subscribeLink')}</a>
      </p>
      <form class="form search-form" role="search" onSubmit={search}>
        <TextField label={t('knowledge.question')} hint={t('knowledge.questionHint')} type="search" maxLength={500} value={text} onInput={setText} />
        <SelectField
          label={t('knowledge.kindLabel')}
          none={t('knowledge.allKinds')}
          value={kindValue}
          options={articleKinds.map((k) => ({ value: k, label: t(`knowledge.kind.${k}`) }))}
          onChange={setKind}
        />
        <button type="submit" class="button primary">
          {t('knowledge.search')}
        </button>
      </form>
      <section aria-labelledby="results-heading" aria-live="polite">
        <h2 id="results-heading">{q ? t('knowledge.results') : t('knowledge.latest')}</h2>
        {found.loading ? <Loading /> : null}
        <Alert>{found.error}</Alert>
        {found.value && !found.value.length ? <Empty>{t('knowledge.none')}</Empty> : null}
        {found.value?.length ? <ArticleList items={found.value} /> : null}
      </section>
    </>
  );
}
