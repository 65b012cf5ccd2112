import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'insight',
  routes: [{ path: '/staff/hotspots', title: 'hotspots.title', area: 'staff', load: () => import('./HotspotsPage.tsx') }],
  nav: [{ href: '/staff/hotspots', label: 'nav.hotspots', area: 'staff', roles: ['administrator', 'leader', 'dispatcher', 'auditor'], order: 115 }],
});
