/** The audit module as the server registers it; other modules use nothing else of it. */
export { auditModule } from './audit.routes.ts';
