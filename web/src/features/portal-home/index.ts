import { registerFeature } from '../../app/router.ts';
import { HomePage } from './HomePage.tsx';
import { UnitPage } from './UnitPage.tsx';

registerFeature({
  name: 'portal-home',
  routes: [
    { path: '/', title: 'home.title', area: 'public', page: HomePage, nav: { label: 'nav.home', order: 10 } },
    { path: '/units/:code', title: 'unit.title', area: 'public', page: UnitPage },
  ],
});
