import type { Module } from '../index.ts';
import { ImportBody, ImportParams, ImportResult } from './imports.schema.ts';

import { runImport } from './imports.run.ts';
import { importMessages } from './imports.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { recordImporters } from '../../contract/roleSets.ts';

export const importsModule: Module = {
  name: 'imports',
  messages: [importMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'imports');

    routes.post(
      '/api/v1/imports/:kind',
      {
        access: { roles: recordImporters },
        summary: 'Import officials, agencies or service points from CSV: a dry run lists every row’s error with its line; nothing is written unless every row passes',
        description:
          'Each row is checked like the form it replaces (the caller must be allowed to create it there). With dryRun true (the default) nothing is written; otherwise all rows are written in one transaction, or none.',
        params: ImportParams,
        body: ImportBody,
        response: { 200: ImportResult },
        bodyLimit: 6 * 1024 * 1024,
      },
      async (request) => runImport(ctx, request.actor, request.params.kind, request.body.csv, request.body.dryRun ?? true, request.locale),
    );
  },
};
