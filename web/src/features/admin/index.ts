import { registerFeature } from '../../app/router.ts';
import { officialManagers } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'admin',
  routes: [
    {
      path: '/staff/admin', title: 'admin.title', area: 'staff', load: () => import('./AdminPage.tsx'),
      nav: { label: 'nav.admin', order: 130, roles: officialManagers },
    },
  ],
});
