/** The calendar's overrides of weekends and public holidays (migration 0031). */
import type { Generated } from 'kysely';

export interface CalendarDaysTable {
  id: Generated<number>;
  country: string;
  /** null: the whole country; otherwise this unit and its subtree. */
  unit_id: number | null;
  /** 'YYYY-MM-DD' (the pg date parser keeps dates as text). */
  day: string;
  kind: 'holiday' | 'working';
  name: Generated<string>;
}

export interface CalendarTables {
  calendar_days: CalendarDaysTable;
}
