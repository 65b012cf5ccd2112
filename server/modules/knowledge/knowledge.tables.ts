import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';
import type { ArticleKind, ArticleState } from '../../contract/domain.ts';
import type { Locale } from '../../platform/i18n.ts';

export interface Guide {
  steps: string[];
  papers: string[];
  fees: string | null;
  timeLimit: string | null;
  whereToGo: string | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  kind: ArticleKind;
  state: ArticleState;
  unit_id: number;
  unit_path: string;
  category: string | null;
  source_petition_id: number | null;
  service_point_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  version: Generated<number>;
  published_version: number | null;
  author_id: number;
  submitted_at: Timestamp | null;
  reviewed_by: number | null;
  published_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** An announcement: when its followers' messages were queued (once, at first publication). */
  announced_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ArticleVersionsTable {
  article_id: number;
  version: number;
  language: Locale;
  title: string;
  body: string;
  guide: Json<Guide> | null;
  author_id: number;
  created_at: Timestamp;
}

export interface ArticleTermsTable {
  article_id: number;
  language: string;
  term: string;
  weight: number;
  /** The article's, so that a search reads only the postings of the units its reader sees. */
  unit_path: string;
}

export interface ArticleTermCountsTable {
  term: string;
  /** How many articles hold the term. */
  articles: number;
}

export interface PetitionDraftsTable {
  token: string;
  unit_id: number;
  unit_path: string;
  started_at: Timestamp;
  suggested_at: Timestamp | null;
  opened_article_id: number | null;
  opened_at: Timestamp | null;
  submitted_at: Timestamp | null;
}

export type SubscriptionChannel = 'sms' | 'email';

export interface SubscriptionsTable {
  id: Generated<number>;
  unit_id: number | null;
  unit_path: string | null;
  category: string | null;
  channel: SubscriptionChannel;
  recipient: string;
  locale: Locale;
  code: string;
  created_at: Timestamp;
  unsubscribed_at: Timestamp | null;
}

export interface KnowledgeTables {
  subscriptions: SubscriptionsTable;
  articles: ArticlesTable;
  article_versions: ArticleVersionsTable;
  article_terms: ArticleTermsTable;
  article_term_counts: ArticleTermCountsTable;
  petition_drafts: PetitionDraftsTable;
}
