/** The rows of the search index for an article's published texts (knowledge.text.ts makes the terms). */
import { termsOf, type Terms } from './knowledge.text.ts';
import type { VersionRow } from './knowledge.queries.ts';

export function articleTerms(texts: Array<Pick<VersionRow, 'language' | 'title' | 'body' | 'guide'>>): Array<{ language: string; term: string; weight: number }> {
  const rows: Array<{ language: string; term: string; weight: number }> = [];
  for (const t of texts) {
    const terms: Terms = new Map();
    termsOf(t.title, 2, terms);
    termsOf(t.body, 1, terms);
    if (t.guide) {
      for (const part of [...t.guide.steps, ...t.guide.papers, t.guide.fees, t.guide.timeLimit, t.guide.whereToGo]) {
        if (part) termsOf(part, 1, terms);
      }
    }
    for (const [term, weight] of terms) rows.push({ language: t.language, term, weight });
  }
  return rows;
}
