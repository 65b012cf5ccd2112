import { registerFeature } from '../../app/router.ts';

registerFeature({
  name: 'figures',
  // Loaded on first visit: the charts library never weighs on the other pages.
  routes: [
    {
      path: '/figures', title: 'figures.title', area: 'public', load: () => import('./FiguresPage.tsx'),
      nav: { label: 'nav.figures', order: 40 },
    },
  ],
});
