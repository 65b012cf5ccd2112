import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'hotline',
  routes: [
    {
      path: '/staff/hotline', title: 'hotline.title', area: 'staff', load: () => import('./HotlinePage.tsx'),
      nav: { label: 'nav.hotline', order: 110 },
    },
    // The same form for the mailbox, gatherings, the counter and outreach.
    {
      path: '/staff/record', title: 'record.title', area: 'staff', load: () => import('./HotlinePage.tsx'),
      nav: { label: 'nav.record', order: 111 },
    },
  ],
});
