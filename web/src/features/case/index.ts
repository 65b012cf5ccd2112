import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'case',
  routes: [{ path: '/staff/petitions/:id', title: 'case.title', area: 'staff', load: () => import('./CasePage.tsx') }],
});
