/** The shapes the API answers with (the fields the interface reads). */
import type { EventVisibility, RatingScore, Role } from '../../../server/contract/domain.ts';

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

export interface TimelineEntry {
  id?: number;
  at: string;
  type: string;
  status?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  text?: string | null;
  visibility?: EventVisibility;
  actor?: { id: number; name: string } | null;
  unit?: UnitRef | null;
  /** Whom the case was given to (officials' view only). */
  handler?: PersonRef;
  leader?: PersonRef;
  agency?: AgencyRef;
}

/** What anyone with the tracking code sees: no personal data. */
export interface PublicPetition {
  trackingCode: string;
  status: string;
  kind: string;
  category: string | null;
  unit: UnitRef;
  submittedAt: string;
  ackDueAt?: string;
  dueAt: string;
  overdue: boolean;
  merged?: boolean;
  timeline: TimelineEntry[];
  answer: { text: string; at: string } | null;
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface AgencyRef {
  id: number;
  name: string;
}

/** A row of the officials' lists. */
export interface PetitionSummary {
  id: number;
  trackingCode: string;
  version: number;
  status: string;
  kind: string;
  category: string | null;
  channel: string;
  title: string | null;
  excerpt: string;
  urgent: boolean;
  unit: UnitRef;
  submittedAt: string;
  dueAt: string;
  overdue: boolean;
  handler: PersonRef | null;
  leader: PersonRef | null;
  /** An answer waits for the leader's approval. */
  awaitingApproval?: boolean;
  abilities: string[];
}

/** Everything officials may see of a petition, with what they may do to it. */
export interface Petition extends Omit<PetitionSummary, 'excerpt'> {
  body: string;
  anonymous: boolean;
  consentToPublish: boolean;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  originUnit?: UnitRef;
  agency: AgencyRef | null;
  ackDueAt: string;
  clearItems: {
    content: string | null;
    handler: PersonRef | null;
    leader: PersonRef | null;
    dueAt: string;
    expectedResult: string | null;
    complete: boolean;
  };
  answer: { text: string; publish: boolean; at: string; onTheSpot: boolean; by: PersonRef | null } | null;
  /** The answer held for the leader's approval: the resident has not been told. */
  pendingAnswer?: { text: string; publish: boolean; at: string; by: PersonRef | null } | null;
  case?: { id: number; trackingCode: string } | null;
  mergedPetitions?: Array<{ id: number; trackingCode: string }>;
  rating: RatingScore | null;
  reportedOfficial?: PersonRef | null;
  recordedBy?: PersonRef | null;
  identityHidden: boolean;
  petitioners: Array<{
    name: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    trackingCode: string;
    rating: RatingScore | null;
  }>;
  timeline: TimelineEntry[];
  attachments: Array<{ id: number; filename: string; contentType: string; size: number; createdAt: string }>;
}

export interface CreatedPetition {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: string;
  dueAt: string;
  ackDueAt?: string;
}

export interface Stats {
  received: number;
  accepted?: number;
  resolved: number;
  resolvedOnTime?: number;
  overdue?: number;
  escalated?: number;
  transferred?: number;
  rated?: number;
  satisfied?: number;
  responseRate?: number | null;
  resolutionRate?: number | null;
  onTimeRate?: number | null;
  satisfactionRate?: number | null;
  medianHoursToAnswer?: number | null;
  answered?: number;
  rejected?: number;
  acceptable?: number;
  unsatisfied?: number;
  uncategorized?: number;
  byChannel?: Record<string, number | Partial<Stats>>;
  byKind?: Record<string, number | Partial<Stats>>;
  byCategory?: Record<string, number | Partial<Stats>>;
  /** The unit's targets for the rates, when the deployment sets them. */
  targets?: Record<string, number | null | undefined>;
  series?: { interval: 'month' | 'day'; items: Array<Partial<Stats> & { period: string; from: string; to: string }> };
  /** The newest audit checkpoint, published here so that cutting back the audit trail shows. */
  auditCheckpoint?: { id: number; at: string; maxEventId: number; events: number; hash: string } | null;
}

export interface Agency {
  id: number;
  name: string;
  names?: Record<string, string | undefined>;
  kind: string;
  unit: string;
  unitName?: string;
}

export interface OfficialSummary {
  id: number;
  username: string;
  name: string;
  agency: number | null;
  agencyName?: string | null;
  grants: Array<{ unit: string | null; unitName?: string | null; role: Role }>;
  disabled?: boolean;
}

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

export function countOf(value: number | Partial<Stats> | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.received ?? 0);
}
