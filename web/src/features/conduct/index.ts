import { registerFeature } from '../../app/router.ts';
import { KioskPage } from './KioskPage.tsx';
import { RatePage } from './RatePage.tsx';
import { RateGatheringPage } from './RateGatheringPage.tsx';
import { StaffDirectoryPage } from './StaffDirectoryPage.tsx';
import { counterStaff } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'conduct',
  routes: [
    { path: '/kiosk', title: 'conduct.kioskTitle', area: 'public', bare: true, page: KioskPage },
    { path: '/rate-gathering', title: 'conduct.rateGatheringTitle', area: 'public', page: RateGatheringPage },
    { path: '/rate/:token', title: 'conduct.rateTitle', area: 'public', page: RatePage },
    { path: '/units/:code/staff', title: 'conduct.directoryTitle', area: 'public', page: StaffDirectoryPage },
    {
      path: '/staff/conduct', title: 'conduct.adminTitle', area: 'staff', load: () => import('./ConductAdminPage.tsx'),
      nav: { label: 'nav.conduct', order: 125, roles: counterStaff },
    },
  ],
});
