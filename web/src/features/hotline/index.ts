import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'hotline',
  routes: [{ path: '/staff/hotline', title: 'hotline.title', area: 'staff', load: () => import('./HotlinePage.tsx') }],
  nav: [{ href: '/staff/hotline', label: 'nav.hotline', area: 'staff', order: 110 }],
});
