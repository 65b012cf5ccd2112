/** A unit's gatherings as an iCalendar feed (RFC 5545) that calendar clients subscribe to. */
import type { GatheringRow } from './gatherings.queries.ts';

/** Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded: CRLF and a space (§3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function icsFeed(unit: { code: string; name: string; timeZone: string }, rows: GatheringRow[], baseUrl: string, host: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Zero Distance//Gatherings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(unit.name)}`,
    `X-WR-TIMEZONE:${unit.timeZone}`,
  ];
  for (const g of rows) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:gathering-${g.id}@${host}`,
      `DTSTAMP:${stamp(g.updated_at)}`,
      `DTSTART:${stamp(g.starts_at)}`,
      `DTEND:${stamp(g.ends_at)}`,
      `SUMMARY:${text(g.title)}`,
      `CATEGORIES:${g.kind.toUpperCase()}`,
      `STATUS:${g.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      `URL:${baseUrl}/gatherings/${g.id}`,
    );
    if (g.place) lines.push(`LOCATION:${text(g.place)}`);
    if (g.place_lat !== null && g.place_lng !== null) lines.push(`GEO:${g.place_lat};${g.place_lng}`);
    const description = [g.topics.join('; '), g.state === 'cancelled' ? g.cancel_reason : null].filter(Boolean).join('\n');
    if (description) lines.push(`DESCRIPTION:${text(description)}`);
    if (g.series_id !== null) lines.push(`X-ZD-SERIES:${g.series_id}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
