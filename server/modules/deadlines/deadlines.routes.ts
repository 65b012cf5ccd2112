/**
 * The deadline sweep has no routes of its own: what it does shows in the officials' notices,
 * the petitions' timelines and the audit trail. Its module object lists the sweep's jobs, which
 * registerModules() registers, so that every server process's job runner knows them.
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
