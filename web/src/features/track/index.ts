import { registerFeature } from '../../app/router.ts';
import { TrackPage } from './TrackPage.tsx';

registerFeature({
  name: 'track',
  routes: [
    { path: '/track', title: 'track.title', area: 'public', page: TrackPage, nav: { label: 'nav.track', order: 30 } },
    { path: '/track/:code', title: 'track.title', area: 'public', page: TrackPage },
  ],
});
