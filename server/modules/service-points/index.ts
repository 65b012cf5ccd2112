/** What the server and other modules may use of the service-points module. */
export { servicePointsModule } from './service-points.routes.ts';
export { canCreateServicePoint } from './service-points.policy.ts';
export { createServicePoint } from './commands/createServicePoint.ts';
export { findServicePointId, findUnitWithChecklist, gapTotals } from './service-points.queries.ts';
