import { registerFeature } from '../../app/router.ts';
import { TrackPage } from './TrackPage.tsx';

registerFeature({
  name: 'track',
  routes: [
    { path: '/track', title: 'track.title', area: 'public', page: TrackPage },
    { path: '/track/:code', title: 'track.title', area: 'public', page: TrackPage },
  ],
  nav: [{ href: '/track', label: 'nav.track', area: 'public', order: 30 }],
});
