import { registerFeature } from '../../app/router.ts';
import { hotspotReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'insight',
  routes: [{ path: '/staff/hotspots', title: 'hotspots.title', area: 'staff', load: () => import('./HotspotsPage.tsx') }],
  nav: [{ href: '/staff/hotspots', label: 'nav.hotspots', area: 'staff', roles: hotspotReaders, order: 115 }],
});
