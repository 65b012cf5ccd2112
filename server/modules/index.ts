import type { App } from '../app.ts';
import type { AppContext } from '../platform/context.ts';
import { registerMessages, type Messages } from '../platform/i18n.ts';
import { registerTemplates, type Templates } from '../platform/notify/templates.ts';
import { registerJobs, type JobDefinition } from '../platform/jobs.ts';
import { registerAttachmentSource, type AttachmentLoader } from '../platform/notify/attachments.ts';
import { healthModule } from './health/index.ts';
import { metricsModule } from './metrics/index.ts';
import { auditModule } from './audit/index.ts';
import { webModule } from './web/index.ts';
import { unitsModule } from './units/index.ts';
import { peopleModule } from './people/index.ts';
import { agenciesModule } from './agencies/index.ts';
import { servicePointsModule } from './service-points/index.ts';
import { noticesModule } from './notices/index.ts';
import { petitionsModule } from './petitions/index.ts';
import { figuresModule } from './figures/index.ts';
import { deadlinesModule } from './deadlines/index.ts';
import { directoryModule } from './directory/index.ts';
import { knowledgeModule } from './knowledge/index.ts';
import { conductModule } from './conduct/index.ts';
import { gatheringsModule } from './gatherings/index.ts';
import { apiKeysModule } from './api-keys/index.ts';
import { open311Module } from './open311/index.ts';
import { backupsModule } from './backups/index.ts';
import { deliberationModule } from './deliberation/index.ts';
import { registerWebhookEvent, webhooksModule, type WebhookEventSource } from './webhooks/index.ts';
import { insightModule } from './insight/index.ts';
import { reportsModule } from './reports/index.ts';
import { scorecardsModule } from './scorecards/index.ts';
import { importsModule } from './imports/index.ts';

/**
 * A capability of the server and everything it brings: its routes, and what the app registers
 * for it before any request or job runs (its messages, notice templates, background jobs, the
 * webhook events it raises, the files it attaches to e-mail). No module registers anything when
 * a file is imported (the platform's own messages and job cleanup are registered where defined).
 */
export interface Module {
  name: string;
  routes(app: App, ctx: AppContext): void | Promise<void>;
  messages?: readonly Messages[];
  templates?: readonly Templates[];
  jobs?: readonly JobDefinition[];
  webhookEvents?: readonly WebhookEventSource[];
  attachmentSources?: Readonly<Record<string, AttachmentLoader>>;
}

/** Every capability of the server, in the order its routes are registered. */
export const modules: Module[] = [metricsModule, healthModule, unitsModule, peopleModule, agenciesModule, servicePointsModule, noticesModule, auditModule, petitionsModule, figuresModule, deadlinesModule, directoryModule, conductModule, knowledgeModule, gatheringsModule, apiKeysModule, open311Module, backupsModule, deliberationModule, webhooksModule, importsModule, insightModule, reportsModule, scorecardsModule];

// The web app answers every path no module claimed, so it is registered after all of them.
modules.push(webModule);

/** Registers what the modules bring besides their routes (idempotent: every app of a process may call it). */
export function registerModules(list: readonly Module[] = modules): void {
  for (const m of list) {
    registerMessages(...(m.messages ?? []));
    registerTemplates(...(m.templates ?? []));
    registerJobs(...(m.jobs ?? []));
    for (const event of m.webhookEvents ?? []) registerWebhookEvent(event);
    for (const [source, load] of Object.entries(m.attachmentSources ?? {})) registerAttachmentSource(source, load);
  }
}
