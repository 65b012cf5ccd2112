/**
 * Who may do what, by role: each permission's set of roles, named once. The server's routes and
 * policies check them and the web's navigation and buttons offer what they allow, so that the
 * two cannot disagree.
 */
import type { Role } from './domain.ts';

// ---- petitions ----
/** Roles that see a unit's petitions (its list is filtered by them in SQL); conduct reports go only to the supervisors. */
export const petitionReaders: readonly Role[] = ['administrator', 'leader', 'dispatcher', 'reception_officer', 'auditor'];
export const conductReportReaders: readonly Role[] = ['leader', 'auditor'];
/** Roles that route a unit's petitions: accept, reject, assign, transfer, merge, escalate, close, review, re-review. */
export const caseDispatchers: readonly Role[] = ['dispatcher', 'leader'];
export const conductReportDispatchers: readonly Role[] = ['leader'];
/** Who sets a unit's deadline policies and whether its handlers' answers need a leader's approval. */
export const policyEditors: readonly Role[] = ['administrator', 'leader'];
export const onTheSpotAnswerers: readonly Role[] = ['reception_officer', 'dispatcher', 'leader'];
/** Who may be a case's responsible leader (of its unit or one above), and so has the inbox's "cases I answer for". */
export const caseLeaders: readonly Role[] = ['leader'];
/** Roles that do a case's work: who may be its handler. */
export const caseWorkers: readonly Role[] = ['handler', 'leader', 'dispatcher', 'reception_officer'];

// ---- people ----
/** The inbox opens on what has just come in for those who first see it. */
export const intakeWatchers: readonly Role[] = ['dispatcher', 'reception_officer'];
/** Besides the official themselves, who sets an official's photo in the staff directory: an administrator of their unit. */
export const photoKeepers: readonly Role[] = ['administrator'];
/** Dispatchers read officials to pick handlers; auditors read everything they oversee. */
export const officialReaders: readonly Role[] = ['administrator', 'leader', 'dispatcher', 'auditor'];
export const officialManagers: readonly Role[] = ['administrator', 'leader'];

// ---- gatherings ----
/** Who plans gatherings and runs their console. */
export const gatheringStaff: readonly Role[] = ['administrator', 'leader', 'dispatcher', 'reception_officer'];
/** Who sees the figures and which units fall short of the law's minimum. */
export const gatheringOverseers: readonly Role[] = ['administrator', 'leader', 'auditor', 'reception_officer'];
/** Who reads a unit's gatherings as staff: those who run them and those who oversee them. */
export const gatheringReaders: readonly Role[] = [...new Set([...gatheringStaff, ...gatheringOverseers])];
/** Who edits the law's minimum. */
export const minimumEditors: readonly Role[] = ['administrator'];

// ---- audit ----
/** Who reads the audit trail: auditors (read-only) and administrators. */
export const auditReaders: readonly Role[] = ['auditor', 'administrator'];

// ---- insight ----
/** The routing suggestion is for those who route cases (its petition's own rule decides each case). */
export const caseRouters: readonly Role[] = ['dispatcher', 'leader'];
/** The models' accuracy: administrators. */
export const modelKeepers: readonly Role[] = ['administrator'];
/** Hotspots: the unit's leaders (who receive the notice), its dispatchers, administrators and auditors. */
export const hotspotReaders: readonly Role[] = ['leader', 'dispatcher', 'administrator', 'auditor'];

// ---- knowledge ----
/** Officials who write articles for their units. */
export const articleWriters: readonly Role[] = ['administrator', 'leader', 'dispatcher', 'handler', 'reception_officer'];
/** Officials who review what others wrote and publish it. */
export const articleReviewers: readonly Role[] = ['administrator', 'leader'];

// ---- deliberation ----
/** Who keeps a council's records (its members, its meetings, its tasks) and runs consultations. */
export const councilManagers: readonly Role[] = ['administrator', 'leader', 'council_secretary'];

// ---- reports ----
/** The staff version (cases and their leaders) is for those who answer for the unit or oversee it. */
export const reportReaders: readonly Role[] = ['leader', 'administrator', 'auditor'];
/** Targets are set by the unit's leaders and administrators (or those above them). */
export const targetSetters: readonly Role[] = ['leader', 'administrator'];
/** Who keeps a unit's steering committee: its leaders and administrators, or those above. */
export const committeeKeepers: readonly Role[] = ['leader', 'administrator'];

// ---- scorecards ----
/** Leaders read the scorecards of their units' officials and grade them; auditors read. */
export const scorecardReaders: readonly Role[] = ['leader', 'auditor'];
/** Who enters an inspection finding about an official, and grades their year: a leader above them. */
export const scorecardGraders: readonly Role[] = ['leader'];
/** Frameworks and the ranking's minimum volume are set by administrators of the unit. */
export const scorecardAdministrators: readonly Role[] = ['administrator'];

// ---- conduct ----
/** Norm sets and counter devices are administered per unit. */
export const conductAdministrators: readonly Role[] = ['administrator'];
/** Officials who serve residents at a counter or answer them: the conduct page (norms, counter duty, staff photos, rating QR codes). */
export const counterStaff: readonly Role[] = ['administrator', 'leader', 'dispatcher', 'handler', 'reception_officer'];

// ---- units, agencies, service points, imports, backups, interoperability ----
export const keyManagers: readonly Role[] = ['administrator'];
/** Administrators and leaders, in their subtrees (the whole deployment for a deployment-wide grant). */
export const agencyManagers: readonly Role[] = ['administrator', 'leader'];
export const backupManagers: readonly Role[] = ['administrator'];
export const servicePointManagers: readonly Role[] = ['administrator', 'leader'];
/** The gap view is for those who answer for units and those who oversee them. */
export const gapReaders: readonly Role[] = ['leader', 'administrator', 'auditor'];
export const unitImporters: readonly Role[] = ['administrator'];
/** Who may add hamlets and groups: administrators, and leaders of the unit (or above it). */
export const subunitKeepers: readonly Role[] = ['administrator', 'leader'];
/** Who may import: administrators anywhere they administer, leaders within their units (each row is then checked like the form it replaces). */
export const recordImporters: readonly Role[] = ['administrator', 'leader'];
/** Rating links: administrators and leaders for anyone at their units; every official for themselves. */
export const linkMakers: readonly Role[] = ['administrator', 'leader'];
/** Administrators define the services of their units. */
export const serviceManagers: readonly Role[] = ['administrator'];
/** Who reviews a matter's legality and feasibility: administrators and leaders of the unit or above it (the commune). */
export const matterReviewers: readonly Role[] = ['administrator', 'leader'];
export const webhookManagers: readonly Role[] = ['administrator'];
