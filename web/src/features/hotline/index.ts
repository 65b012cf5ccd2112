import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'hotline',
  routes: [
    { path: '/staff/hotline', title: 'hotline.title', area: 'staff', load: () => import('./HotlinePage.tsx') },
    // The same form for the mailbox, gatherings, the counter and outreach.
    { path: '/staff/record', title: 'record.title', area: 'staff', load: () => import('./HotlinePage.tsx') },
  ],
  nav: [
    { href: '/staff/hotline', label: 'nav.hotline', area: 'staff', order: 110 },
    { href: '/staff/record', label: 'nav.record', area: 'staff', order: 111 },
  ],
});
