/** Published articles: the list residents see in the knowledge base and while they write a petition. */
import { api } from './api.ts';
import { tOr, useI18n } from './i18n.ts';
import type { ArticleSummary } from './apiTypes.ts';

interface ArticleFilter {
  q?: string;
  unit?: string;
  kind?: string;
  category?: string;
  lang?: string;
  limit?: number;
}

export function fetchArticles(filter: ArticleFilter): Promise<ArticleSummary[]> {
  return api.get<{ items: ArticleSummary[] }>('/knowledge/articles', { ...filter }).then((r) => r.items);
}

export function ArticleList({ items, onOpen }: { items: ArticleSummary[]; onOpen?(article: ArticleSummary): void }) {
  const { t } = useI18n();
  return (
    <ul class="unit-results article-list">
      {items.map((a) => (
        <li key={a.id}>
          <a href={`/knowledge/${a.id}`} onClick={() => onOpen?.(a)}>
            <strong>{a.title}</strong>
            <span class="muted small">
              {[t(`knowledge.kind.${a.kind}`), a.category ? tOr(`category.${a.category}`, a.category) : null, a.unit.name].filter(Boolean).join(' · ')}
            </span>
            <span class="small">{a.excerpt}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
