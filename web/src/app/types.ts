/** The shapes the API answers with (the fields the interface reads). */

export const petitionKinds = ['question', 'suggestion', 'complaint', 'denunciation', 'help_request', 'conduct_report'] as const;
export type PetitionKind = (typeof petitionKinds)[number];

export const channels = ['web', 'mobile', 'hotline', 'mailbox', 'forum', 'reception', 'counter', 'outreach'] as const;
export type Channel = (typeof channels)[number];

export const statuses = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'assigned',
  'in_progress',
  'answered',
  'reopened',
  'escalated',
  'merged',
  'closed',
] as const;

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

export const scores = ['satisfied', 'acceptable', 'unsatisfied'] as const;
export type Score = (typeof scores)[number];

export const roles = [
  'administrator',
  'leader',
  'dispatcher',
  'handler',
  'reception_officer',
  'council_secretary',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

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
  at: string;
  type?: string;
  status?: string;
  action?: string;
  text?: string | null;
  note?: string | null;
  reason?: string | null;
  by?: string | null;
  actor?: string | { name?: string } | null;
  unit?: UnitRef | string | null;
}

export interface Answer {
  text: string;
  at?: string;
  answeredAt?: string;
  by?: string | null;
}

export interface Rating {
  score: Score;
  comment?: string | null;
  at?: string;
}

/** What the public tracking page receives: no personal data. */
export interface PublicPetition {
  trackingCode: string;
  status: string;
  kind: string;
  category?: string | null;
  title?: string | null;
  unit: UnitRef | string;
  channel?: string;
  submittedAt: string;
  dueAt?: string | null;
  timeline?: TimelineEntry[];
  answer?: Answer | string | null;
  rating?: Rating | null;
  canRate?: boolean;
  canReopen?: boolean;
}

export interface PersonRef {
  id: number;
  name: string;
  username?: string;
}

export interface AgencyRef {
  id: number;
  name: string;
}

/** What officials see of a petition, with what they may do to it. */
export interface Petition extends PublicPetition {
  id: number;
  body: string;
  resident?: { name?: string | null; phone?: string | null; email?: string | null; address?: string | null } | null;
  anonymous?: boolean;
  urgent?: boolean;
  consentToPublish?: boolean;
  location?: { lat?: number | null; lng?: number | null; address?: string | null } | null;
  agency?: AgencyRef | null;
  handler?: PersonRef | null;
  leader?: PersonRef | null;
  expectedResult?: string | null;
  version?: number;
  abilities?: string[] | Record<string, boolean>;
  attachments?: Array<{ id: number | string; name?: string; filename?: string; type?: string; url?: string }>;
  notes?: TimelineEntry[];
}

export interface CreatedPetition {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: string;
  dueAt?: string | null;
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
  byChannel?: Record<string, number | Partial<Stats>>;
  byKind?: Record<string, number | Partial<Stats>>;
  byCategory?: Record<string, number | Partial<Stats>>;
  targets?: Record<string, number | null | undefined>;
}

export interface Agency {
  id: number;
  name: string;
  unit: string | UnitRef;
  kind?: string;
}

export interface OfficialSummary {
  id: number;
  username: string;
  name: string;
  agency?: number | AgencyRef | null;
  grants?: Array<{ unit: string | null; role: Role } | { unitCode?: string | null; role: Role }>;
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

/** The abilities list as a set, whichever shape the server sends. */
export function abilitySet(abilities: Petition['abilities']): Set<string> {
  if (!abilities) return new Set();
  if (Array.isArray(abilities)) return new Set(abilities);
  return new Set(Object.entries(abilities).filter(([, allowed]) => allowed).map(([name]) => name));
}

export function answerText(answer: PublicPetition['answer']): string | null {
  if (!answer) return null;
  return typeof answer === 'string' ? answer : answer.text;
}

export function countOf(value: number | Partial<Stats> | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.received ?? 0);
}
