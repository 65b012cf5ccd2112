/**
 * The deadline sweep has no routes of its own: what it does shows in the officials' notices,
 * the petitions' timelines and the audit trail. Registering the module loads the sweep, so
 * that every server process's job runner knows the job.
 */
import type { Module } from '../index.ts';
import { deadlineTemplates } from './deadlines.notify.ts';
import { deadlineJobs } from './deadlines.sweep.ts';

export const deadlinesModule: Module = {
  name: 'deadlines',
  templates: [deadlineTemplates],
  jobs: deadlineJobs,
  routes() {},
};
