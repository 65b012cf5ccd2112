import type { App } from '../app.ts';
import type { AppContext } from '../platform/context.ts';
import { healthModule } from './health/health.routes.ts';
import { auditModule } from './audit/audit.routes.ts';
import { webModule } from './web/web.routes.ts';
import { unitsModule } from './units/units.routes.ts';
import { peopleModule } from './people/people.routes.ts';
import { agenciesModule } from './agencies/agencies.routes.ts';
import { servicePointsModule } from './service-points/service-points.routes.ts';
import { notificationsModule } from './notifications/notifications.routes.ts';
import { petitionsModule } from './petitions/petitions.routes.ts';
import { statsModule } from './stats/stats.routes.ts';
import { deadlinesModule } from './deadlines/deadlines.routes.ts';
import { directoryModule } from './directory/directory.routes.ts';

export interface Module {
  name: string;
  routes(app: App, ctx: AppContext): void | Promise<void>;
}

/** Every capability of the server, in the order its routes are registered. */
export const modules: Module[] = [healthModule, unitsModule, peopleModule, agenciesModule, servicePointsModule, notificationsModule, auditModule, petitionsModule, statsModule, deadlinesModule, directoryModule];

// The web app answers every path no module claimed, so it is registered after all of them.
modules.push(webModule);
