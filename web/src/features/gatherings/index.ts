import { registerFeature } from '../../app/router.ts';
import CalendarPage from './CalendarPage.tsx';
import GatheringPage from './GatheringPage.tsx';
import { gatheringOverseers, gatheringReaders, minimumEditors } from '../../../../server/contract/roleSets.ts';

// Residents open the calendar and a gathering's page on a phone from a shared link; officials' planning and console load when opened.
registerFeature({
  name: 'gatherings',
  routes: [
    { path: '/gatherings', title: 'gatherings.title', area: 'public', page: CalendarPage, nav: { label: 'nav.gatherings', order: 32 } },
    { path: '/gatherings/:id', title: 'gatherings.gathering', area: 'public', page: GatheringPage },
    {
      path: '/staff/gatherings', title: 'gatherings.staffTitle', area: 'staff', load: () => import('./PlanPage.tsx'),
      nav: { label: 'nav.staffGatherings', order: 122, roles: gatheringReaders },
    },
    {
      path: '/staff/gathering-follow-ups', title: 'gatherings.followUps.title', area: 'staff', load: () => import('./FollowUpsPage.tsx'),
      nav: { label: 'nav.gatheringFollowUps', order: 123, roles: gatheringOverseers },
    },
    {
      path: '/staff/reception-minimums', title: 'gatherings.minimums.title', area: 'staff', load: () => import('./MinimumsPage.tsx'),
      nav: { label: 'nav.receptionMinimums', order: 129, roles: minimumEditors },
    },
    { path: '/staff/gatherings/:id', title: 'gatherings.console.title', area: 'staff', load: () => import('./ConsolePage.tsx') },
  ],
});
