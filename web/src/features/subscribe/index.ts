import { registerFeature } from '../../app/router.ts';
import { SubscribePage, UnsubscribePage } from './SubscribePage.tsx';

registerFeature({
  name: 'subscribe',
  routes: [
    { path: '/subscribe', title: 'subscribe.title', area: 'public', page: SubscribePage },
    { path: '/unsubscribe', title: 'unsubscribe.title', area: 'public', page: UnsubscribePage },
  ],
});
