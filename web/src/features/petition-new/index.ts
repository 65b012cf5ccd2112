import { registerFeature } from '../../app/router.ts';
import { NewPetitionPage } from './NewPetitionPage.tsx';

registerFeature({
  name: 'petition-new',
  routes: [{ path: '/petitions/new', title: 'raise.title', area: 'public', page: NewPetitionPage, nav: { label: 'nav.raise', order: 20 } }],
});
