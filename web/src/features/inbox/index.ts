import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'inbox',
  routes: [{ path: '/staff', title: 'inbox.title', area: 'staff', load: () => import('./InboxPage.tsx'), nav: { label: 'nav.inbox', order: 100 } }],
});
