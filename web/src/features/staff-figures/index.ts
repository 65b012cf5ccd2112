import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'staff-figures',
  routes: [
    {
      path: '/staff/figures', title: 'staffFigures.title', area: 'staff', load: () => import('./StaffFiguresPage.tsx'),
      nav: { label: 'nav.staffFigures', order: 120 },
    },
  ],
});
