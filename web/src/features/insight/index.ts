import { registerFeature } from '../../app/router.ts';
import { hotspotReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'insight',
  routes: [
    {
      path: '/staff/hotspots', title: 'hotspots.title', area: 'staff', load: () => import('./HotspotsPage.tsx'),
      nav: { label: 'nav.hotspots', order: 115, roles: hotspotReaders },
    },
  ],
});
