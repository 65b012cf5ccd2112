/** The petitions module: its routes, registered by job (intake, tracking, the officials' views, the workflow, attachments, deadline policies). */
import type { App } from '../../app.ts';
import type { Module } from '../index.ts';
import { attachmentRoutes } from './attachments/attachments.routes.ts';
import { deadlinePolicyRoutes } from './deadline-policies/policies.routes.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { trackingRoutes } from './tracking/tracking.routes.ts';
import { viewRoutes } from './view/view.routes.ts';
import { exportRoutes } from './view/export.routes.ts';
import { workflowRoutes } from './workflow/workflow.routes.ts';
import { petitionMessages } from './petitions.messages.ts';
import { petitionTemplates } from './petitions.notify.ts';

export const petitionsModule: Module = {
  name: 'petitions',
  messages: [petitionMessages],
  templates: [petitionTemplates],
  async routes(app, ctx) {
    intakeRoutes(app, ctx);
    exportRoutes(app, ctx);
    trackingRoutes(app, ctx);
    viewRoutes(app, ctx);
    workflowRoutes(app, ctx);
    await app.register(async (scope) => attachmentRoutes(scope as unknown as App, ctx));
    deadlinePolicyRoutes(app, ctx);
  },
};
