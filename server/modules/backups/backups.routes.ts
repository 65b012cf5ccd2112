import path from 'node:path';
import type { Module } from '../index.ts';
import { isOfficial } from '../../platform/access.ts';
import { forbidden } from '../../platform/errors.ts';
import { BackupList, BackupTaken } from './backups.schema.ts';
import { canManageBackups } from './backups.policy.ts';
import { listBackups, totalRows, backupJobs } from './backups.jobs.ts';
import { presentBackup } from './backups.presenter.ts';
import { backupNow } from './commands/backupNow.ts';
import { backupMessages } from './backups.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { backupManagers } from '../../contract/roleSets.ts';

/** Backups are taken by the command line, the schedule (backups.jobs.ts) and an administrator here. */
export const backupsModule: Module = {
  name: 'backups',
  messages: [backupMessages],
  jobs: backupJobs,
  routes(app, ctx) {
    const routes = routesOf(app, 'operations');

    routes.get(
      '/api/v1/backups',
      {
        access: { roles: backupManagers },
        summary: 'The backups in this server\'s ZD_BACKUP_DIR, newest first (deployment-wide administrators)',
        response: { 200: BackupList },
      },
      async (request) => {
        if (!canManageBackups(request.actor)) throw forbidden();
        const dir = ctx.config.backupDir;
        return {
          configured: dir !== undefined,
          everyHours: ctx.config.backupEveryMs / 3_600_000,
          keep: ctx.config.backupKeep,
          items: dir ? listBackups(dir).reverse().map(presentBackup) : [],
        };
      },
    );

    routes.post(
      '/api/v1/backups',
      {
        access: { roles: backupManagers },
        summary: 'Take a backup now into ZD_BACKUP_DIR (deployment-wide administrators); answers when it is written',
        response: { 201: BackupTaken },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!isOfficial(actor) || !canManageBackups(actor)) throw forbidden();
        const written = await backupNow(ctx, actor);
        const m = written.manifest;
        return reply.status(201).send({
          ...presentBackup({ file: written.file, at: new Date(m.createdAt), bytes: written.bytes }),
          rows: totalRows(m),
          tables: Object.keys(m.tables).length,
          attachments: m.attachments.count,
          auditEvents: m.audit.events,
          schemaVersion: m.schemaVersion,
          removed: written.removed.map((f) => path.basename(f)),
        });
      },
    );
  },
};
