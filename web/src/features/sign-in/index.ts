import { registerFeature } from '../../app/router.ts';
import { SignInPage } from './SignInPage.tsx';

registerFeature({
  name: 'sign-in',
  routes: [{ path: '/sign-in', title: 'signIn.title', area: 'public', page: SignInPage }],
});
