/** Which fields of a consultation leave: never a voter, never a ballot; the tally only after close. */
import type { ConsultationView } from './deliberation.schema.ts';
import type { ConsultationRow } from './consultations.queries.ts';

export function presentConsultation(
  k: ConsultationRow,
  p: {
    now: Date;
    options: Array<{ id: number; position: number; title: string; body: string; place_name: string | null; lat: number | null; lng: number | null }>;
    documents: Array<{ id: number; option_id: number | null; title: string; url: string }>;
    results: Array<{ option_id: number; votes: number }> | null;
    following: boolean;
    manage: boolean;
  },
): ConsultationView {
  return {
    id: Number(k.id),
    unit: { code: k.unit_code, name: k.unit_name },
    title: k.title,
    body: k.body,
    electorate: k.electorate_kind,
    changeable: k.changeable,
    status: k.status as ConsultationView['status'],
    closesAt: k.closes_at.toISOString(),
    closed: k.status === 'closed' || (k.status === 'open' && p.now >= k.closes_at),
    options: p.options.map((o) => ({
      id: Number(o.id),
      position: o.position,
      title: o.title,
      body: o.body,
      placeName: o.place_name,
      lat: o.lat,
      lng: o.lng,
      documents: p.documents.filter((d) => Number(d.option_id) === Number(o.id)).map((d) => ({ id: Number(d.id), title: d.title, url: d.url })),
    })),
    results: p.results ? p.results.map((r) => ({ option: r.option_id, votes: r.votes })) : null,
    following: p.following,
    abilities: { manage: p.manage },
  };
}

/** The tally replayed from the ballot events of the audit trail: each ballot's last option counts. */
export function replayTally(optionIds: number[], events: Array<{ action: string; changes: { ballot: string; option: number } }>) {
  const ballots = new Map<string, number>();
  for (const e of events) {
    if (e.action === 'consultation.ballot_cast' || e.action === 'consultation.ballot_changed') ballots.set(e.changes.ballot, e.changes.option);
  }
  const counts = new Map(optionIds.map((id) => [id, 0]));
  for (const option of ballots.values()) counts.set(option, (counts.get(option) ?? 0) + 1);
  return optionIds.map((id) => ({ option: id, votes: counts.get(id) ?? 0 }));
}
