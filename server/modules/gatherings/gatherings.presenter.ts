/** Which fields of a gathering leave the server: the public's, and the staff's. */
import { localDateTime, localDay } from '../../platform/calendar.ts';
import { maskPersonalData } from '../../platform/personalData.ts';
import type { GatheringListItem, MinimumView, PublicGathering, StaffGathering } from './gatherings.schema.ts';
import type { GatheringRow, LinkedPetition, MinimumRow, MinutesFileRow, RecordRow, SeriesListRow } from './gatherings.queries.ts';
import { minutesFileIsPublic } from './gatherings.policy.ts';

export function presentListItem(g: GatheringRow): GatheringListItem {
  return {
    id: g.id,
    unit: { code: g.unit_code, name: g.unit_name },
    kind: g.kind,
    title: g.title,
    host: g.host_id !== null ? { id: g.host_id, name: g.host_name ?? '' } : null,
    hostRole: g.host_role,
    agencies: g.agencies,
    place: g.place,
    point: g.place_lat !== null && g.place_lng !== null ? { lat: g.place_lat, lng: g.place_lng } : null,
    startsAt: g.starts_at.toISOString(),
    endsAt: g.ends_at.toISOString(),
    localStart: localDateTime(g.starts_at, g.time_zone),
    localEnd: localDateTime(g.ends_at, g.time_zone),
    timeZone: g.time_zone,
    capacity: g.capacity,
    booked: g.booked,
    topics: g.topics,
    state: g.state,
    cancelReason: g.cancel_reason,
    series: g.series_id,
    movedFrom: g.moved_from,
  };
}

const shown = (p: LinkedPetition) => ({
  kind: p.kind,
  status: p.status,
  via: p.via,
  resolved: p.resolved,
  escalated: p.escalated,
});

/** What residents see: the summary and attendance once published; only the petitions that may be published, without names or numbers. */
export function presentMinutesFile(f: MinutesFileRow) {
  return { id: f.id, filename: f.filename, contentType: f.content_type, size: f.size, public: f.public, createdAt: f.created_at.toISOString() };
}

/** A series with the days left out of it, and where each moved day went. */
export function presentSeries(s: SeriesListRow) {
  return {
    id: s.id,
    unit: { code: s.unit_code, name: s.unit_name },
    kind: s.kind,
    title: s.title,
    rrule: s.rrule,
    firstDay: s.first_day,
    untilDay: s.until_day,
    startTime: s.start_time,
    holidayRule: s.holiday_rule,
    exceptions: [...s.exceptions].sort().map((day) => {
      const move = s.moves.find((m) => m.from === day);
      return { day, movedTo: move ? { gathering: move.gathering, day: move.day, state: move.state } : null };
    }),
  };
}

export function presentPublic(g: GatheringRow, petitions: LinkedPetition[], files: MinutesFileRow[]): PublicGathering {
  const published = g.state === 'published';
  return {
    ...presentListItem(g),
    summary: published ? g.summary : null,
    outcomes: published ? g.outcomes : null,
    attendance: published ? g.attendance : null,
    petitions: petitions
      .filter((p) => p.public)
      .map((p) => ({ ...shown(p), trackingCode: p.tracking_code, title: maskPersonalData(p.title ?? p.body.slice(0, 160)) })),
    attachments: files.filter((f) => minutesFileIsPublic(g.state, f)).map(presentMinutesFile),
  };
}

function presentRecord(r: RecordRow, now: Date) {
  return {
    id: r.id,
    residentAccount: r.resident_account,
    agencyAccount: r.agency_account,
    conclusion: r.conclusion,
    responsible: r.responsible,
    dueOn: r.due_on,
    done: r.done_at !== null,
    overdue: r.done_at === null && r.due_on < localDay(now, r.time_zone),
    petition: r.petition_code,
  };
}

/** A record in the follow-up list of a unit: with its gathering and unit. */
export function presentListedRecord(r: RecordRow, now: Date) {
  return {
    ...presentRecord(r, now),
    gathering: r.gathering_id,
    gatheringTitle: r.gathering_title,
    gatheringStartsAt: r.gathering_starts_at.toISOString(),
    unit: { code: r.unit_code, name: r.unit_name },
  };
}

export function presentStaff(
  g: GatheringRow,
  parts: {
    attendees: string[];
    services: Array<{ type: string; count: number }>;
    records: RecordRow[];
    petitions: LinkedPetition[];
    bookings: Array<{ code: string; name: string | null; phone: string }>;
    files: MinutesFileRow[];
  },
  now: Date,
): StaffGathering {
  return {
    ...presentListItem(g),
    attendance: g.attendance,
    attendees: parts.attendees,
    minutes: g.minutes_text,
    outcomes: g.outcomes,
    summary: g.summary,
    services: parts.services,
    records: parts.records.map((r) => presentRecord(r, now)),
    petitions: parts.petitions.map((p) => ({ ...shown(p), trackingCode: p.tracking_code, title: p.title ?? p.body.slice(0, 160) })),
    bookings: parts.bookings,
    attachments: parts.files.map(presentMinutesFile),
  };
}

/** A minimum reception frequency with the dates it holds. */
export function presentMinimum(m: MinimumRow): MinimumView {
  return { id: m.id, country: m.country, level: m.level, role: m.role, days: m.days, per: m.per, validFrom: m.valid_from, validTo: m.valid_to, source: m.source };
}
