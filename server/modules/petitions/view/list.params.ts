/** Reading the query of a list: comma-separated filters, dates, search words, cursors. */
import { badRequest } from '../../../platform/errors.ts';
import { searchWords } from '../../../platform/text.ts';
import type { ListFilters } from './list.queries.ts';

export function splitList<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw badRequest('invalid_filter', { field, value: item, allowed: allowed.join(', ') });
  }
  return items as T[];
}

export function parseWhen(field: string, value: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw badRequest('invalid_date', { field });
  return d;
}

/** Words for full-text search: split like the index (Chinese too), folded, each a prefix. */
export function toTsquery(q: string, join: '&' | '|' = '&'): string | undefined {
  const words = searchWords(q).split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  return words.length ? words.map((w) => `'${w}':*`).join(` ${join} `) : undefined;
}

interface Cursor {
  id: number;
  dueAt?: string;
}

/** A list cursor's key: the last petition's id, and its due time when sorted by it. */
export const readCursor = (sort: 'newest' | 'due') => (value: unknown): ListFilters['after'] => {
  const c = (value ?? {}) as Partial<Cursor>;
  if (!Number.isSafeInteger(c.id) || c.id! < 1) return undefined;
  if (sort === 'newest') return { id: c.id! };
  const dueAt = new Date(String(c.dueAt));
  return Number.isNaN(dueAt.getTime()) ? undefined : { id: c.id!, dueAt };
};
