import { Type } from 'typebox';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Module } from '../index.ts';
import { AppError } from '../../platform/errors.ts';
import { mayScrape } from './metrics.policy.ts';
import { readBacklog } from './metrics.queries.ts';
import { newestBackup } from '../backups/index.ts';
import { routesOf } from '../../platform/routes.ts';

/**
 * Prometheus metrics of this server process. Each app has its own registry, so that several apps
 * in one process (the tests) count apart. Registered first, so that its response hook sees every
 * route registered after it.
 */
export const metricsModule: Module = {
  name: 'metrics',
  routes(app, ctx) {
    const routes = routesOf(app, 'platform');

    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    // The route pattern, never the raw URL: one series per route, whatever the ids in the path.
    const labels = ['method', 'route', 'status'] as const;
    const requests = new Counter({ name: 'zd_http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames: labels, registers: [registry] });
    const duration = new Histogram({
      name: 'zd_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by route pattern and status',
      labelNames: labels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.addHook('onResponse', (request, reply, done) => {
      const values = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
      requests.inc(values);
      duration.observe(values, reply.elapsedTime / 1000);
      done();
    });

    const pool = ctx.database.pool;
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
    poolGauge('zd_db_pool_connections', 'Database connections this process holds', () => pool.totalCount);
    poolGauge('zd_db_pool_idle', 'Database connections idle in the pool', () => pool.idleCount);
    poolGauge('zd_db_pool_waiting', 'Queries waiting for a database connection', () => pool.waitingCount);

    const backupDir = ctx.config.backupDir;
    if (backupDir) {
      // The newest scheduled backup in ZD_BACKUP_DIR, read from the folder at each scrape.
      poolGauge('zd_backup_newest_timestamp_seconds', 'When the newest backup in ZD_BACKUP_DIR was taken (Unix time; 0: none)', () => (newestBackup(backupDir)?.at.getTime() ?? 0) / 1000);
      poolGauge('zd_backup_newest_bytes', 'Size of the newest backup in ZD_BACKUP_DIR', () => newestBackup(backupDir)?.bytes ?? 0);
    }

    const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] });
    const backlog = {
      jobsDue: gauge('zd_jobs_due', 'Jobs due and not yet run (the queue depth)'),
      oldestJobDueSeconds: gauge('zd_jobs_oldest_due_age_seconds', 'How long the oldest due job has waited, in seconds'),
      notificationsPending: gauge('zd_notifications_pending', 'E-mail and SMS waiting in the outbox'),
      notificationsFailed: gauge('zd_notifications_failed', 'E-mail and SMS that failed for good'),
      petitionsOpen: gauge('zd_petitions_open', 'Petitions not yet closed'),
      petitionsOverdue: gauge('zd_petitions_overdue', 'Open petitions past their deadline'),
    };

    routes.get(
      '/metrics',
      {
        // Not a user's route: who may scrape is decided by the metrics token or the address below.
        access: 'public',
        summary: 'Metrics for Prometheus: with the metrics token when one is set, otherwise only from this machine',
        response: { 200: Type.String({ description: 'Prometheus text format' }) },
      },
      async (request, reply) => {
        const allowed = mayScrape({
          token: ctx.config.metricsToken,
          authorization: request.headers.authorization,
          ip: request.ip,
          forwarded: request.headers['x-forwarded-for'] !== undefined,
        });
        if (!allowed) throw new AppError(403, 'forbidden');
        // The backlog is read at scrape time in one statement, never counted per request.
        const counts = await readBacklog(ctx.db, ctx.clock.now());
        for (const key of Object.keys(backlog) as Array<keyof typeof backlog>) backlog[key].set(counts[key]);
        return reply.type(registry.contentType).send(await registry.metrics());
      },
    );
  },
};
