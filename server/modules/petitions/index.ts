/** What the server and other modules may use of the petitions module. */
export { petitionsModule } from './petitions.routes.ts';
export { escalatePetition } from './commands/escalatePetition.ts';
export { searchTextOf } from './commands/submitPetition.ts';
export { setDeadlinePolicy } from './commands/setDeadlinePolicy.ts';
export { officialsAtUnit } from './petitions.queries.ts';
export { ackDue, pickPolicy, resolutionDue, type DeadlinePolicy } from './petitions.deadlines.ts';
export { hashAccessKey, newAccessKey, trackingAlphabet, trackingCodeLength } from './petitions.codes.ts';
export { visiblePetitionEvents } from './petitions.audit.ts';
export { moveDiskAttachments } from './commands/moveDiskAttachments.ts';
