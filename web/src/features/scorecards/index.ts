import { registerFeature } from '../../app/router.ts';
import { scorecardAdministrators, scorecardReaders } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'scorecards',
  routes: [
    { path: '/rankings/:code', title: 'scorecards.rankingTitle', area: 'public', load: () => import('./RankingPage.tsx') },
    {
      path: '/staff/scorecard', title: 'scorecards.ownTitle', area: 'staff', load: () => import('./ScorecardPage.tsx'),
      nav: { label: 'nav.scorecard', order: 126 },
    },
    {
      path: '/staff/scorecards', title: 'scorecards.unitTitle', area: 'staff', load: () => import('./UnitScorecardsPage.tsx'),
      nav: { label: 'nav.scorecards', order: 127, roles: scorecardReaders },
    },
    { path: '/staff/scorecards/officials/:id', title: 'scorecards.title', area: 'staff', load: () => import('./ScorecardPage.tsx') },
    { path: '/staff/scorecards/officials/:id/review/:year', title: 'scorecards.reviewPageTitle', area: 'staff', load: () => import('./ReviewPage.tsx') },
    {
      path: '/staff/scorecard-frameworks', title: 'scorecards.frameworksTitle', area: 'staff', load: () => import('./FrameworksPage.tsx'),
      nav: { label: 'nav.scorecardFrameworks', order: 128, roles: scorecardAdministrators },
    },
  ],
});
