/**
 * Single sign-on in the browser: an official signs in through a real OpenID Connect provider
 * running in the test (its own log-in and consent pages), lands on the workspace; someone the
 * provider knows but who is no official here is sent back to the sign-in page with the reason.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { desktop } from './harness.ts';
import { checkPage, demo, strings, useStack } from './steps.ts';
import { startTestProvider, type TestProvider } from '../../server/modules/people/oidc.testing.ts';

const en = strings('en');
let provider: TestProvider;

/** A free port, so that the provider can know the app's redirect URI before the app starts. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const { browsing } = useStack(async () => {
  const port = await freePort();
  provider = await startTestProvider([`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`]);
  provider.users.set('cuong', { preferred_username: demo.handler.username, name: demo.handler.name });
  provider.users.set('visitor', { preferred_username: 'somebody.else' });
  return {
    port,
    oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, claim: 'preferred_username', name: 'Cổng định danh tỉnh' },
  };
});

after(async () => {
  await provider?.close();
});

/** At the provider's development pages: log in as `login` (any password), then consent. */
async function atProvider(page: import('playwright-core').Page, login: string) {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

test('an official signs in through the provider; someone who is no official here is refused with the reason', async () => {
  const page = await browsing.open('en', desktop);
  await page.goto('/sign-in?next=/staff');
  const button = page.getByRole('link', { name: 'Sign in with Cổng định danh tỉnh' });
  await button.waitFor();
  await checkPage(page, 'sign-in with single sign-on');
  await button.click();
  await atProvider(page, 'cuong');
  await page.waitForURL((url) => url.pathname === '/staff');
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
  assert.equal(me.me.username, demo.handler.username);

  const other = await browsing.open('en', desktop);
  await other.goto('/sign-in');
  await other.getByRole('link', { name: 'Sign in with Cổng định danh tỉnh' }).click();
  await atProvider(other, 'visitor');
  await other.waitForURL((url) => url.pathname === '/sign-in' && url.search === '?sso=sso_not_linked');
  const refusal = en['signIn.sso.refused.sso_not_linked'].replace('{{name}}', 'Cổng định danh tỉnh');
  await other.getByText(refusal).waitFor();
  await checkPage(other, 'single sign-on refused');
  assert.deepEqual(browsing.pageErrors, []);
});
