/** Which fields of an article leave the server, for residents and for officials. */
import type { Actor } from '../../platform/access.ts';
import { articleAbilities } from './knowledge.policy.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { ArticleRow, VersionRow } from './knowledge.queries.ts';
import type { ArticleSummary, ArticleView, ArticleWorkView } from './knowledge.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The article's unit as every response names a unit. */
export const unitOf = (a: Pick<ArticleRow, 'unit_code' | 'unit_name'>) => ({ code: a.unit_code, name: a.unit_name });

function presentText(t: VersionRow) {
  return { language: t.language, title: t.title, body: t.body, guide: t.guide };
}

export function presentArticle(a: ArticleRow, texts: VersionRow[], point: { id: number; name: string; address: string | null } | undefined): ArticleView {
  return {
    id: a.id,
    kind: a.kind,
    unit: unitOf(a),
    category: a.category,
    servicePoint: point ? { id: point.id, name: point.name, address: point.address } : null,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    version: a.published_version ?? a.version,
    publishedAt: iso(a.published_at),
    texts: texts.map(presentText),
  };
}

export function presentWork(actor: Actor, a: ArticleRow, texts: VersionRow[], names: Map<number, string>): ArticleWorkView {
  const person = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  return {
    id: a.id,
    kind: a.kind,
    state: a.state,
    unit: unitOf(a),
    category: a.category,
    petition: a.source_petition_id,
    servicePoint: a.service_point_id,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    version: a.version,
    publishedVersion: a.published_version,
    author: person(a.author_id)!,
    reviewer: person(a.reviewed_by),
    submittedAt: iso(a.submitted_at),
    publishedAt: iso(a.published_at),
    texts: texts.map(presentText),
    abilities: articleAbilities(actor, a),
  };
}

/** The text in the reader's language when there is one, else the first. */
export function pickText<T extends { language: string }>(texts: T[], language: string | undefined): T | undefined {
  return texts.find((t) => t.language === language) ?? texts[0];
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

export function presentSummary(a: ArticleRow, texts: VersionRow[], language: Locale | string | undefined, score?: number): ArticleSummary | undefined {
  const t = pickText(texts, language);
  if (!t) return undefined;
  return {
    id: a.id,
    kind: a.kind,
    unit: unitOf(a),
    category: a.category,
    language: t.language,
    title: t.title,
    excerpt: excerpt(t.body),
    ...(score !== undefined ? { score: Math.round(score * 1000) / 1000 } : {}),
  };
}
