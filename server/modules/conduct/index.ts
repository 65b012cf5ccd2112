/** What the server and other modules may use of the conduct module. */
export { conductModule } from './conduct.routes.ts';
export { normsInForce } from './conduct.norms.ts';
export { insertReportedNorms, normSetsInForce, servicePointPlace } from './conduct.queries.ts';
export { createNormSet } from './commands/saveNormSet.ts';
export { createDevice, enrolDevice } from './commands/enrolDevice.ts';
export { rateService } from './commands/rateService.ts';
export { rateGathering } from './commands/rateGathering.ts';
export { setDuty } from './commands/setDuty.ts';
