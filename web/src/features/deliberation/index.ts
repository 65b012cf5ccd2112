import { registerFeature } from '../../app/router.ts';
import DeliberationPage from './DeliberationPage.tsx';
import MatterPage from './MatterPage.tsx';
import ConsultationPage from './ConsultationPage.tsx';
import { councilManagers } from '../../../../server/contract/roleSets.ts';

// Residents' pages load with the app (they open them on a phone from a shared link); the councils' desk loads when opened.
registerFeature({
  name: 'deliberation',
  routes: [
    { path: '/deliberation', title: 'delib.title', area: 'public', page: DeliberationPage, nav: { label: 'nav.deliberation', order: 35 } },
    { path: '/deliberation/matters/:id', title: 'delib.matter', area: 'public', page: MatterPage },
    { path: '/deliberation/consultations/:id', title: 'delib.consultation', area: 'public', page: ConsultationPage },
    {
      path: '/staff/councils', title: 'delib.councils', area: 'staff', load: () => import('./CouncilsPage.tsx'),
      nav: { label: 'nav.councils', order: 125, roles: councilManagers },
    },
  ],
});
