import { registerFeature } from '../../app/router.ts';
import { reportReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'reports',
  routes: [
    { path: '/reports', title: 'reports.title', area: 'public', load: () => import('./ReportPage.tsx') },
    { path: '/staff/reports', title: 'reports.staffTitle', area: 'staff', load: () => import('./ReportPage.tsx') },
  ],
  nav: [
    { href: '/reports', label: 'nav.reports', area: 'public', order: 45 },
    { href: '/staff/reports', label: 'nav.staffReports', area: 'staff', roles: reportReaders, order: 125 },
  ],
});
