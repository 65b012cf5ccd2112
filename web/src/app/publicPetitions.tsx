/** The petitions residents agreed to publish: a unit's list, and "is this already reported?". */
import { api } from './api.ts';
import { tOr, useI18n } from './i18n.ts';
import { StatusBadge } from './ui.tsx';
import type { PublicPetitionItem } from './types.ts';

export function fetchPublicPetitions(unit: string, opts: { q?: string; limit?: number } = {}): Promise<PublicPetitionItem[]> {
  return api.get<{ items: PublicPetitionItem[] }>('/petitions/public', { unit, q: opts.q, limit: opts.limit }).then((r) => r.items);
}

export function PublicPetitionList({ items }: { items: PublicPetitionItem[] }) {
  const { t, date } = useI18n();
  return (
    <ul class="unit-results public-petitions">
      {items.map((p) => (
        <li key={p.trackingCode}>
          <a href={`/track/${encodeURIComponent(p.trackingCode)}`}>
            <strong>{p.title ?? p.excerpt}</strong> <StatusBadge status={p.status} />
            <span class="muted small">
              {[t(`kind.${p.kind}`), p.category ? tOr(`category.${p.category}`, p.category) : null, date(p.submittedAt)].filter(Boolean).join(' · ')}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
