/** The metrics module as the server registers it. */
export { metricsModule } from './metrics.routes.ts';
