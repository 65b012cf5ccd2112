import { registerFeature } from '../../app/router.ts';
import CalendarPage from './CalendarPage.tsx';
import GatheringPage from './GatheringPage.tsx';
import { gatheringOverseers, gatheringReaders, minimumEditors } from '../../../../server/contract/roleSets.ts';

// Residents open the calendar and a gathering's page on a phone from a shared link; officials' planning and console load when opened.
registerFeature({
  name: 'gatherings',
  routes: [
    { path: '/gatherings', title: 'gatherings.title', area: 'public', page: CalendarPage },
    { path: '/gatherings/:id', title: 'gatherings.gathering', area: 'public', page: GatheringPage },
    { path: '/staff/gatherings', title: 'gatherings.staffTitle', area: 'staff', load: () => import('./PlanPage.tsx') },
    { path: '/staff/gathering-follow-ups', title: 'gatherings.followUps.title', area: 'staff', load: () => import('./FollowUpsPage.tsx') },
    { path: '/staff/reception-minimums', title: 'gatherings.minimums.title', area: 'staff', load: () => import('./MinimumsPage.tsx') },
    { path: '/staff/gatherings/:id', title: 'gatherings.console.title', area: 'staff', load: () => import('./ConsolePage.tsx') },
  ],
  nav: [
    { href: '/gatherings', label: 'nav.gatherings', area: 'public', order: 32 },
    { href: '/staff/gatherings', label: 'nav.staffGatherings', area: 'staff', roles: gatheringReaders, order: 122 },
    { href: '/staff/gathering-follow-ups', label: 'nav.gatheringFollowUps', area: 'staff', roles: gatheringOverseers, order: 123 },
    { href: '/staff/reception-minimums', label: 'nav.receptionMinimums', area: 'staff', roles: minimumEditors, order: 129 },
  ],
});
