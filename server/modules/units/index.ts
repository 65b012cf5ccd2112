/** What the server and other modules may use of the units module. */
export { unitsModule } from './units.routes.ts';
export { importUnits } from './commands/importUnits.ts';
export { resolveUnit, resolveUnits, type UnitRecord } from './units.queries.ts';
export { requireUnit, requireUnitIfSent, requireUnitWhere, unitAtPath } from './requireUnit.ts';
export { addSubunit } from './commands/addSubunit.ts';
export { importChina } from './commands/importChina.ts';
export type { ImportSummary } from './commands/importUnits.ts';
export { parseUnitsCsv } from './units.csv.ts';
export { defaultVnEdition, isVnEdition, vnEditionFile, vnEditions } from './vnEditions.ts';
