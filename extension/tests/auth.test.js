import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTH_KEY, createAuth, createTokenStore, parseAuthRedirect } from '../lib/auth.js';
import { ErrorKind } from '../lib/errors.js';
import { EXTENSION_ID, createChromeStub, createFakeFetch, createLockManager, jsonResponse } from './chrome-stub.js';
import { recorded } from './fake-backend.js';
import { waitUntil } from './browser.js';

const REDIRECT = `https://${EXTENSION_ID}.chromiumapp.org/oauth`;
const API_BASE = 'https://finlens.example.com';

function setUp(routes = {}, { now = () => 1_000_000 } = {}) {
  const chrome = createChromeStub();
  const fetch = createFakeFetch(routes);
  const auth = createAuth({
    tokenStore: createTokenStore(chrome.storage.local),
    fetch,
    getApiBase: () => API_BASE,
    identity: chrome.identity,
    locks: createLockManager(),
    now,
  });
  return { chrome, fetch, auth, stored: () => chrome.storage.local.peek(AUTH_KEY) };
}

test('the redirect fragment yields the access token, refresh token and lifetime', () => {
  const url = `${REDIRECT}#access_token=at-1&refresh_token=rt-1&expires_in=900&token_type=Bearer`;
  assert.deepEqual(parseAuthRedirect(url, REDIRECT), { accessToken: 'at-1', refreshToken: 'rt-1', expiresIn: 900 });
});

test('a redirect to any other origin or path is rejected before its fragment is read', () => {
  const fragment = '#access_token=at&refresh_token=rt&expires_in=900&token_type=Bearer';
  for (const foreign of [
    `https://evil.example.com/oauth${fragment}`,
    `https://otherextensionid.chromiumapp.org/oauth${fragment}`,
    `https://${EXTENSION_ID}.chromiumapp.org/other${fragment}`,
    `http://${EXTENSION_ID}.chromiumapp.org/oauth${fragment}`,
    `https://${EXTENSION_ID}.chromiumapp.org.evil.example/oauth${fragment}`,
    'not a url',
  ]) {
    assert.throws(() => parseAuthRedirect(foreign, REDIRECT), (error) => error.kind === ErrorKind.AUTH_FLOW && error.type === 'invalid_redirect', foreign);
  }
});

test('an error redirect or an incomplete token set is reported as a failed sign-in', () => {
  assert.throws(
    () => parseAuthRedirect(`${REDIRECT}#error=access_denied&error_description=User%20cancelled`, REDIRECT),
    (error) => error.kind === ErrorKind.AUTH_FLOW && error.type === 'access_denied' && error.detail === 'User cancelled',
  );
  for (const fragment of ['#access_token=a&expires_in=900&token_type=Bearer', '#access_token=a&refresh_token=r&expires_in=0&token_type=Bearer', '#access_token=a&refresh_token=r&expires_in=900&token_type=mac']) {
    assert.throws(() => parseAuthRedirect(REDIRECT + fragment, REDIRECT), (error) => error.type === 'invalid_token_response', fragment);
  }
});

test('sign-in opens the backend start URL with our redirect and stores the tokens with their expiry', async () => {
  const { chrome, auth, stored } = setUp();
  chrome.identity.nextResponseUrl = `${REDIRECT}#access_token=at-1&refresh_token=rt-1&expires_in=900&token_type=Bearer`;
  await auth.signIn();
  assert.deepEqual(chrome.identity.calls, [
    { url: `${API_BASE}/auth/extension/start?redirect_uri=${encodeURIComponent(REDIRECT)}`, interactive: true },
  ]);
  assert.deepEqual(stored(), { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 1_000_000 + 900_000 });
  assert.equal(await auth.isSignedIn(), true);
});

test('a sign-in window closed by the user is a failed sign-in and stores nothing', async () => {
  const { chrome, auth, stored } = setUp();
  chrome.identity.nextResponseUrl = new Error('The user did not approve access.');
  await assert.rejects(auth.signIn(), (error) => error.kind === ErrorKind.AUTH_FLOW && error.detail === 'The user did not approve access.');
  assert.equal(stored(), undefined);
});

test('a token far from expiry is used as is, one about to expire is refreshed first and the rotated token stored', async () => {
  let clock = 0;
  const { chrome, fetch, auth, stored } = setUp(
    { 'POST /auth/extension/token': () => jsonResponse(200, { accessToken: 'at-2', refreshToken: 'rt-2', expiresIn: 900, tokenType: 'Bearer' }) },
    { now: () => clock },
  );
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 900_000 } });
  assert.equal(await auth.accessToken(), 'at-1');
  assert.equal(fetch.requests.length, 0);

  clock = 900_000 - 30_000;
  assert.equal(await auth.accessToken(), 'at-2');
  assert.deepEqual(fetch.requests.map((r) => [r.method, r.path, r.body]), [['POST', '/auth/extension/token', { refreshToken: 'rt-1' }]]);
  assert.deepEqual(stored(), { accessToken: 'at-2', refreshToken: 'rt-2', expiresAt: clock + 900_000 });
});

test('concurrent callers share a single refresh request', async () => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const { chrome, fetch, auth } = setUp({
    'POST /auth/extension/token': async () => {
      await gate;
      return jsonResponse(200, { accessToken: 'at-2', refreshToken: 'rt-2', expiresIn: 900, tokenType: 'Bearer' });
    },
  });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0 } });
  const pending = [auth.accessToken(), auth.accessToken(), auth.accessTokenAfterRejection('at-1')];
  await new Promise((resolve) => setImmediate(resolve));
  release();
  assert.deepEqual(await Promise.all(pending), ['at-2', 'at-2', 'at-2']);
  assert.equal(fetch.requests.length, 1);
});

test('a rejection of a token that was already replaced reuses the new token without another refresh', async () => {
  const { chrome, fetch, auth } = setUp();
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-2', refreshToken: 'rt-2', expiresAt: 10_000_000 } });
  assert.equal(await auth.accessTokenAfterRejection('at-1'), 'at-2');
  assert.equal(fetch.requests.length, 0);
});

test('a 401 from the token endpoint signs the user out and clears the tokens', async () => {
  const { chrome, auth, stored } = setUp({
    'POST /auth/extension/token': () => jsonResponse(401, { type: 'invalid-grant', title: 'Signed out', status: 401 }, 'application/problem+json'),
  });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0 } });
  await assert.rejects(auth.accessToken(), (error) => error.kind === ErrorKind.SIGNED_OUT);
  assert.equal(stored(), undefined);
  assert.equal(await auth.isSignedIn(), false);
});

test('a server error while refreshing keeps the tokens for a later attempt', async () => {
  const { chrome, auth, stored } = setUp({
    'POST /auth/extension/token': () => jsonResponse(503, { type: 'unavailable', title: 'Try again later', status: 503 }, 'application/problem+json'),
  });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0 } });
  await assert.rejects(auth.accessToken(), (error) => error.kind === ErrorKind.PROBLEM && error.title === 'Try again later');
  assert.equal(stored().refreshToken, 'rt-1');
});

test('sign-out clears the tokens and revokes the refresh token, even when the server is unreachable', async () => {
  const { chrome, fetch, auth, stored } = setUp({ 'POST /auth/extension/revoke': () => new Response(null, { status: 204 }) });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 10_000_000 } });
  await auth.signOut();
  assert.equal(stored(), undefined);
  assert.deepEqual(fetch.requests.map((r) => [r.path, r.body]), [['/auth/extension/revoke', { refreshToken: 'rt-1' }]]);

  const offline = setUp({ 'POST /auth/extension/revoke': () => Promise.reject(new TypeError('Failed to fetch')) });
  await offline.chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 10_000_000 } });
  await offline.auth.signOut();
  assert.equal(offline.stored(), undefined);
});

test('sign-out while another panel is refreshing waits for it, then clears and revokes the tokens it saved', async () => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const chrome = createChromeStub();
  const fetch = createFakeFetch({
    'POST /auth/extension/token': async () => {
      await gate;
      return jsonResponse(200, { accessToken: 'at-2', refreshToken: 'rt-2', expiresIn: 900, tokenType: 'Bearer' });
    },
    'POST /auth/extension/revoke': () => new Response(null, { status: 204 }),
  });
  const locks = createLockManager();
  const panel = () => createAuth({ tokenStore: createTokenStore(chrome.storage.local), fetch, getApiBase: () => API_BASE, identity: chrome.identity, locks });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0 } });

  const refreshing = panel().accessToken();
  await waitUntil(() => fetch.requests.some((r) => r.path === '/auth/extension/token'));
  const signingOut = panel().signOut();
  release();
  await Promise.all([refreshing, signingOut]);

  assert.equal(chrome.storage.local.peek(AUTH_KEY), undefined, 'the refreshed tokens did not outlive the sign-out');
  assert.deepEqual(fetch.requests.filter((r) => r.path === '/auth/extension/revoke').map((r) => r.body), [{ refreshToken: 'rt-2' }]);
});

test('a token refused after its refresh signs out only while it is still the stored one', async () => {
  const chrome = createChromeStub();
  const fetch = createFakeFetch({
    'POST /auth/extension/token': () => jsonResponse(200, { accessToken: 'at-2', refreshToken: 'rt-2', expiresIn: 900, tokenType: 'Bearer' }),
  });
  const locks = createLockManager();
  const panel = () => createAuth({ tokenStore: createTokenStore(chrome.storage.local), fetch, getApiBase: () => API_BASE, identity: chrome.identity, locks });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0 } });

  assert.equal(await panel().accessToken(), 'at-2', 'another panel refreshed first');
  await panel().signOutLocally('at-1');
  assert.equal(chrome.storage.local.peek(AUTH_KEY).accessToken, 'at-2', 'the newer sign-in survives a stale refusal');

  await panel().signOutLocally('at-2');
  assert.equal(chrome.storage.local.peek(AUTH_KEY), undefined, 'the refused current token signs out');
});

test('two panels refreshing at once send one refresh request, and both end with the new token', async () => {
  // Like the backend: each refresh token works once; spending it again is refused (and would revoke the sign-in).
  let live = 'rt-1';
  let issued = 0;
  const chrome = createChromeStub();
  const fetch = createFakeFetch({
    'POST /auth/extension/token': async ({ body }) => {
      if (body.refreshToken !== live) return jsonResponse(401, { type: 'about:blank', title: 'Refresh token reuse', status: 401 });
      issued += 1;
      live = `rt-${issued + 1}`;
      return jsonResponse(200, { accessToken: `at-${issued + 1}`, refreshToken: live, expiresIn: 900 });
    },
  });
  const locks = createLockManager();
  const panel = () => createAuth({ tokenStore: createTokenStore(chrome.storage.local), fetch, getApiBase: () => API_BASE, identity: chrome.identity, locks });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: Date.now() - 1 } });

  const [first, second] = await Promise.all([panel().accessToken(), panel().accessTokenAfterRejection('at-1')]);

  assert.equal(fetch.requests.filter((r) => r.path === '/auth/extension/token').length, 1);
  assert.deepEqual([first, second], ['at-2', 'at-2']);
  assert.deepEqual(chrome.storage.local.peek(AUTH_KEY).refreshToken, 'rt-2');
});

test('the sign-in methods come from the server without a token, as recorded from the real backend', async () => {
  const fetch = createFakeFetch({ 'GET /api/v1/sign-in/methods': () => jsonResponse(200, recorded('sign-in-methods').body) });
  const chrome = createChromeStub();
  const auth = createAuth({ tokenStore: createTokenStore(chrome.storage.local), fetch, getApiBase: () => 'http://127.0.0.1:8080', identity: chrome.identity, locks: createLockManager() });
  assert.deepEqual(await auth.signInMethods(), { development: true, google: false });
  assert.equal(fetch.requests[0].headers.authorization, undefined);
});
