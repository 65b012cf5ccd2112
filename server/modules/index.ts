import type { App } from '../app.ts';
import type { AppContext } from '../platform/context.ts';
import { healthModule } from './health/index.ts';
import { metricsModule } from './metrics/index.ts';
import { auditModule } from './audit/index.ts';
import { webModule } from './web/index.ts';
import { unitsModule } from './units/index.ts';
import { peopleModule } from './people/index.ts';
import { agenciesModule } from './agencies/index.ts';
import { servicePointsModule } from './service-points/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { petitionsModule } from './petitions/index.ts';
import { statsModule } from './stats/index.ts';
import { deadlinesModule } from './deadlines/index.ts';
import { directoryModule } from './directory/index.ts';
import { knowledgeModule } from './knowledge/index.ts';
import { conductModule } from './conduct/index.ts';
import { gatheringsModule } from './gatherings/index.ts';
import { apiKeysModule } from './api-keys/index.ts';
import { open311Module } from './open311/index.ts';
import { backupsModule } from './backups/index.ts';
import { deliberationModule } from './deliberation/index.ts';
import { webhooksModule } from './webhooks/index.ts';
import { insightModule } from './insight/index.ts';
import { reportsModule } from './reports/index.ts';
import { scorecardsModule } from './scorecards/index.ts';
import { importsModule } from './imports/index.ts';

export interface Module {
  name: string;
  routes(app: App, ctx: AppContext): void | Promise<void>;
}

/** Every capability of the server, in the order its routes are registered. */
export const modules: Module[] = [metricsModule, healthModule, unitsModule, peopleModule, agenciesModule, servicePointsModule, notificationsModule, auditModule, petitionsModule, statsModule, deadlinesModule, directoryModule, conductModule, knowledgeModule, gatheringsModule, apiKeysModule, open311Module, backupsModule, deliberationModule, webhooksModule, importsModule, insightModule, reportsModule, scorecardsModule];

// The web app answers every path no module claimed, so it is registered after all of them.
modules.push(webModule);
