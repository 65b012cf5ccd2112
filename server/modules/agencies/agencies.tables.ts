import type { Json, LocaleNames } from '../../schema.ts';

/** The kinds of office a unit may have (People's Committee, one-stop shop, police …). */
export interface AgencyKindsTable {
  key: string;
  names: Json<LocaleNames>;
  position: number;
}

export interface AgenciesTables {
  agency_kinds: AgencyKindsTable;
}
