/** The petitions residents agreed to publish: a unit's list, and "is this already reported?". */
import { api } from './api.ts';
import { tOr, useI18n } from './i18n.ts';
import { StatusBadge } from './ui.tsx';
import type { PublicPetitionItem } from './apiTypes.ts';
import type { MapPoint } from './map/types.ts';

export interface PublicFilter {
  q?: string;
  /** Near a place: within `radius` metres, nearest first. */
  lat?: number;
  lng?: number;
  radius?: number;
  category?: string;
  /** Only those still being handled. */
  open?: boolean;
  limit?: number;
}

export function fetchPublicPetitions(unit: string, filter: PublicFilter = {}): Promise<PublicPetitionItem[]> {
  return api.get<{ items: PublicPetitionItem[] }>('/petitions/public', { unit, ...filter }).then((r) => r.items);
}

/** The petitions of a list that have a place, as points of a map. */
export function mapPoints(items: PublicPetitionItem[]): MapPoint[] {
  return items.flatMap((p) =>
    p.place ? [{ code: p.trackingCode, lat: p.place.lat, lng: p.place.lng, label: p.title ?? p.excerpt.slice(0, 80), href: `/track/${encodeURIComponent(p.trackingCode)}` }] : [],
  );
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
