/** What other modules may use of the units module. */
export { resolveUnit, resolveUnits, type UnitRecord } from './units.queries.ts';
