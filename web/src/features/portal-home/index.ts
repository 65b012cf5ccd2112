import { registerFeature } from '../../app/router.ts';
import { HomePage } from './HomePage.tsx';
import { UnitPage } from './UnitPage.tsx';

registerFeature({
  name: 'portal-home',
  routes: [
    { path: '/', title: 'home.title', area: 'public', page: HomePage },
    { path: '/units/:code', title: 'unit.title', area: 'public', page: UnitPage },
  ],
  nav: [{ href: '/', label: 'nav.home', area: 'public', order: 10 }],
});
