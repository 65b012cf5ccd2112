/** What the server and other modules may use of the reports module. */
export { reportsModule } from './reports.routes.ts';
export { setTargets } from './commands/setTargets.ts';
export { archiveReport } from './commands/archiveReport.ts';
export { createCommittee, adoptRegulation, recordMeeting, completeDecision } from './commands/committees.ts';
export { sweepFollowUps } from './reports.jobs.ts';
export { parsePeriod } from './reports.periods.ts';
