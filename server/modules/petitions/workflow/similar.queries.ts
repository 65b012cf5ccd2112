/**
 * Merge candidates: open petitions of the same unit that look like this one — sharing its
 * words (its search terms, ranked), and, when both have a place, close to it.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { literalList } from '../../../platform/db.ts';
import { openStatuses } from '../../../contract/domain.ts';
import { protectedKinds } from '../petitions.policy.ts';
import type { PetitionRow } from '../petitions.queries.ts';

interface SimilarRow {
  id: number;
  tracking_code: string;
  kind: PetitionRow['kind'];
  category: string | null;
  status: PetitionRow['status'];
  title: string | null;
  body: string;
  submitted_at: Date;
  rank: number;
  metres: number | null;
}

/** Within this distance two petitions about a place are likely the same, whatever their words. */
const nearMetres = 300;

export async function similarOpenPetitions(
  db: Kysely<DB>,
  p: Pick<PetitionRow, 'id' | 'unit_path' | 'kind' | 'location_lat' | 'location_lng'>,
  tsquery: string | undefined,
  limit: number,
): Promise<SimilarRow[]> {
  if (protectedKinds.includes(p.kind)) return [];
  const query = tsquery ? sql`to_tsquery('simple', ${tsquery})` : sql`NULL::tsquery`;
  const hasPlace = p.location_lat !== null && p.location_lng !== null;
  // Haversine on a sphere of 6,371 km: metres between the two places, or NULL.
  const metres = hasPlace
    ? sql<number | null>`CASE WHEN x.location_lat IS NULL OR x.location_lng IS NULL THEN NULL ELSE
        2 * 6371000 * asin(sqrt(power(sin(radians(x.location_lat - ${p.location_lat}) / 2), 2)
          + cos(radians(${p.location_lat})) * cos(radians(x.location_lat)) * power(sin(radians(x.location_lng - ${p.location_lng}) / 2), 2))) END`
    : sql<number | null>`NULL::float8`;
  const { rows } = await sql<SimilarRow>`
    SELECT * FROM (
      SELECT x.id, x.tracking_code, x.kind, x.category, x.status, x.title, x.body, x.submitted_at,
             CASE WHEN ${query} IS NULL THEN 0 ELSE ts_rank(x.search, ${query}) END::float8 AS rank,
             ${metres}::float8 AS metres
      FROM petitions x
      WHERE x.unit_path = ${p.unit_path} AND x.id <> ${p.id} AND x.case_id IS NULL
        AND x.status IN ${literalList(openStatuses)} AND x.kind NOT IN ${literalList(protectedKinds)}
    ) c
    WHERE c.rank > 0 OR c.metres < ${nearMetres}
    ORDER BY c.rank + CASE WHEN c.metres < ${nearMetres} THEN 0.1 ELSE 0 END DESC, c.id DESC
    LIMIT ${limit}
  `.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), rank: Number(r.rank), metres: r.metres === null ? null : Number(r.metres) }));
}
