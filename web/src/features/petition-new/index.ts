import { registerFeature } from '../../app/router.ts';
import { NewPetitionPage } from './NewPetitionPage.tsx';

registerFeature({
  name: 'petition-new',
  routes: [{ path: '/petitions/new', title: 'raise.title', area: 'public', page: NewPetitionPage }],
  nav: [{ href: '/petitions/new', label: 'nav.raise', area: 'public', order: 20 }],
});
