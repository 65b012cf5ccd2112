/** What the server and other modules may use of the figures module. */
export { figuresModule, figuresOf, childFiguresOf } from './figures.routes.ts';
export type { FiguresView } from './figures.schema.ts';
export { findFiguresUnit, naiveFigures, rebuildFigures, type FiguresScope } from './figures.queries.ts';
export { computeFigures, type UnitRollups } from './figures.compute.ts';
export { isDay } from './figures.periods.ts';
