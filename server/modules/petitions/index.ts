/** What the server and other modules may use of the petitions module. */
export { petitionsModule } from './petitions.routes.ts';
export { escalatePetition } from './workflow/escalatePetition.ts';
export { searchTextOf } from './intake/submitPetition.ts';
export { protectedKinds, publicKinds } from './petitions.policy.ts';
export type { IntakeBody } from './petitions.schema.ts';
export { setDeadlinePolicy } from './deadline-policies/setDeadlinePolicy.ts';
export { officialsAtUnit } from './petitions.queries.ts';
export { ackDue, pickPolicy, resolutionDue, type DeadlinePolicy } from './deadline-policies/petitions.deadlines.ts';
export { hashAccessKey, newAccessKey, trackingAlphabet, trackingCodeLength } from './intake/petitions.codes.ts';
export { visiblePetitionEvents } from './petitions.audit.ts';
export { moveDiskAttachments } from './attachments/moveDiskAttachments.ts';
export { petitionSource, searchPetitions, type PetitionSource } from './petitions.sources.ts';
export { submitPetition } from './intake/submitPetition.ts';
export { normalisePhone } from './intake/petitions.codes.ts';
export { classifyPetition, routingSubject } from './workflow/classifyPetition.ts';
export { sameBranch } from './petitions.policy.ts';
