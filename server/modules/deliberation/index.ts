/** What the server and other modules may use of the deliberation module. */
export { deliberationModule, deliberationFiguresOf } from './deliberation.routes.ts';
export { createCouncil } from './commands/createCouncil.ts';
export { proposeMatters } from './commands/proposeMatters.ts';
export { createConsultation } from './commands/createConsultation.ts';
export { importElectorate } from './commands/importElectorate.ts';
export { changeConsultationStatus } from './commands/setConsultationStatus.ts';
export { recordPaperBallot } from './commands/voting.ts';
export { runMatterAction } from './commands/runMatterAction.ts';
export { councilMembers, findCouncilId, getMatter } from './deliberation.queries.ts';
export { findConsultationId } from './consultations.queries.ts';
