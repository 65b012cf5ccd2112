/** The shapes the API answers with (the fields the interface reads). */
import type { EventView, IntakeResult, OwnPetition, PetitionSummary, PetitionView, PublicPetitionItem, TrackView } from '../../../server/modules/petitions/petitions.schema.ts';
import type { AgencyView } from '../../../server/modules/agencies/agencies.schema.ts';
import type { OfficialView } from '../../../server/modules/people/people.schema.ts';
import type { ArticleSummary, ArticleView, ArticleWorkView } from '../../../server/modules/knowledge/knowledge.schema.ts';
import type { StatsView } from '../../../server/modules/stats/stats.schema.ts';

/** The API's own types, from the server's response schemas. */
export type {
  PetitionSummary,
  TrackView as PublicPetition,
  OwnPetition,
  PublicPetitionItem,
  PetitionView as Petition,
  IntakeResult as CreatedPetition,
  AgencyView as Agency,
  OfficialView as OfficialSummary,
  ArticleSummary,
  ArticleView as Article,
  ArticleWorkView as ArticleWork,
};

/** A timeline event as the tracking page (public) or the case page (officials) receives it. */
type PublicEvent = TrackView['timeline'][number];
export type TimelineEntry = Pick<PublicEvent, 'at' | 'type'> & Partial<PublicEvent> & Partial<EventView>;

/** Common categories offered in the forms; the server takes any short text. */
export const categories = [
  'land',
  'construction',
  'environment',
  'roads',
  'water_power',
  'social_insurance',
  'health',
  'education',
  'security',
  'procedures',
  'other',
] as const;

export interface UnitRef {
  code: string;
  name: string;
  level?: string;
  names?: Record<string, string | undefined>;
}

export interface Unit extends UnitRef {
  parentCode?: string | null;
  ancestors?: UnitRef[];
  country?: string;
  timeZone?: string;
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface AgencyRef {
  id: number;
  name: string;
}

/** The public figures of a unit and period (GET /api/v1/stats). */
export type Stats = StatsView;

/** Names a unit: the string itself, or its name in the interface's language when known. */
export function unitName(unit: UnitRef | string | null | undefined, locale = 'vi'): string {
  if (!unit) return '—';
  if (typeof unit === 'string') return unit;
  const key = locale.startsWith('zh') ? 'zh' : locale;
  return unit.names?.[key] || unit.name || unit.code;
}

export function unitCode(unit: UnitRef | string | null | undefined): string {
  if (!unit) return '';
  return typeof unit === 'string' ? unit : unit.code;
}

export function abilitySet(abilities: readonly string[] | undefined): Set<string> {
  return new Set(abilities ?? []);
}

export function countOf(value: number | { received?: number } | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.received ?? 0);
}
