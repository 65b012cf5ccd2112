/** The notifications module as the server registers it; other modules use nothing else of it. */
export { notificationsModule } from './notifications.routes.ts';
