import { registerFeature } from '../../app/router.ts';
import { reportReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'reports',
  routes: [
    { path: '/reports', title: 'reports.title', area: 'public', load: () => import('./ReportPage.tsx'), nav: { label: 'nav.reports', order: 45 } },
    {
      path: '/staff/reports', title: 'reports.staffTitle', area: 'staff', load: () => import('./ReportPage.tsx'),
      nav: { label: 'nav.staffReports', order: 125, roles: reportReaders },
    },
  ],
});
