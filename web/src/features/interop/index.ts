import { registerFeature } from '../../app/router.ts';
import { keyManagers } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'interop',
  routes: [
    {
      path: '/staff/interop', title: 'interop.title', area: 'staff', load: () => import('./InteropPage.tsx'),
      nav: { label: 'nav.interop', order: 135, roles: keyManagers },
    },
  ],
});
