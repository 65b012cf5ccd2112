import { registerFeature } from '../../app/router.ts';
import { auditReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'audit',
  routes: [
    {
      path: '/staff/audit', title: 'audit.title', area: 'staff', load: () => import('./AuditPage.tsx'),
      nav: { label: 'nav.audit', order: 140, roles: auditReaders },
    },
  ],
});
