// Sign-in through the Finlens backend (which runs Google sign-in), and the access/refresh token lifecycle.
// chrome.identity and the storage area are passed in, so the logic runs under node --test with a stub.
import { ApiError, ErrorKind, errorFromFetchFailure, errorFromResponse } from './errors.js';

export const AUTH_KEY = 'finlens.auth';
export const REDIRECT_PATH = 'oauth';
// Refresh this long before the access token expires, so a request never leaves with a token about to lapse.
export const REFRESH_MARGIN_MS = 60_000;
// The Web Lock every panel, window and the service worker of this extension takes before spending the refresh token.
export const REFRESH_LOCK = 'finlens.token-refresh';

function authFlowError(type, detail = '') {
  return new ApiError({ kind: ErrorKind.AUTH_FLOW, type, detail });
}

function signedOut() {
  return new ApiError({ kind: ErrorKind.SIGNED_OUT, status: 401 });
}

/**
 * Reads the tokens from the URL the sign-in flow ended on. The URL must be our own chromiumapp.org redirect
 * (same origin and path as chrome.identity.getRedirectURL('oauth')): anything else is rejected before its fragment
 * is read, so a page that managed to end the flow elsewhere cannot plant tokens.
 */
export function parseAuthRedirect(responseUrl, expectedRedirectUrl) {
  let actual;
  try {
    actual = new URL(responseUrl);
  } catch {
    throw authFlowError('invalid_redirect');
  }
  const expected = new URL(expectedRedirectUrl);
  if (actual.protocol !== 'https:' || actual.origin !== expected.origin || actual.pathname !== expected.pathname) {
    throw authFlowError('invalid_redirect');
  }
  const params = new URLSearchParams(actual.hash.replace(/^#/, ''));
  if (params.has('error')) {
    throw authFlowError(params.get('error'), params.get('error_description') ?? '');
  }
  const accessToken = params.get('access_token');
  const refreshToken = params.get('refresh_token');
  const expiresIn = Number(params.get('expires_in'));
  const tokenType = params.get('token_type') ?? '';
  if (!accessToken || !refreshToken || !(expiresIn > 0) || tokenType.toLowerCase() !== 'bearer') {
    throw authFlowError('invalid_token_response');
  }
  return { accessToken, refreshToken, expiresIn };
}

/** Tokens live in chrome.storage.local, which only the extension's own pages and service worker can read. */
export function createTokenStore(storageArea) {
  return {
    async load() {
      const items = await storageArea.get(AUTH_KEY);
      const tokens = items[AUTH_KEY];
      return tokens && tokens.accessToken && tokens.refreshToken ? tokens : null;
    },
    save(tokens) {
      return storageArea.set({ [AUTH_KEY]: tokens });
    },
    clear() {
      return storageArea.remove(AUTH_KEY);
    },
  };
}

/**
 * @param {object} deps
 * @param {{load: Function, save: Function, clear: Function}} deps.tokenStore
 * @param {typeof fetch} deps.fetch
 * @param {() => string} deps.getApiBase current backend base URL
 * @param {{launchWebAuthFlow: Function, getRedirectURL: Function}} deps.identity chrome.identity or a stub
 * @param {{request: Function}} deps.locks navigator.locks: shared by every page and worker of the extension
 * @param {() => number} [deps.now]
 */
export function createAuth({ tokenStore, fetch, getApiBase, identity, locks, now = () => Date.now() }) {
  let refreshInFlight = null;

  function stored(accessToken, refreshToken, expiresIn) {
    return { accessToken, refreshToken, expiresAt: now() + expiresIn * 1000 };
  }

  async function postJson(path, body) {
    try {
      return await fetch(`${getApiBase()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw errorFromFetchFailure(cause);
    }
  }

  /**
   * Refreshes unless another page already did. Runs under the lock, and reads storage only once it holds it: the
   * token that made this caller want a refresh may have been replaced while it waited, and the refresh token it
   * saw then is spent (a second use would make the backend revoke the whole sign-in, everywhere).
   */
  async function refreshOnce(staleAccessToken) {
    const tokens = await tokenStore.load();
    if (!tokens) throw signedOut();
    if (tokens.accessToken !== staleAccessToken) return tokens;
    const response = await postJson('/auth/extension/token', { refreshToken: tokens.refreshToken });
    if (response.status === 401) {
      await tokenStore.clear();
      throw signedOut();
    }
    if (!response.ok) throw await errorFromResponse(response);
    const body = await response.json();
    if (!body?.accessToken || !body?.refreshToken || !(Number(body.expiresIn) > 0)) {
      throw new ApiError({ kind: ErrorKind.HTTP, status: response.status });
    }
    // The refresh token rotates: the old one is now spent, so the new one must be stored before anything else.
    const next = stored(body.accessToken, body.refreshToken, Number(body.expiresIn));
    await tokenStore.save(next);
    return next;
  }

  /**
   * Concurrent callers in this page share one lock request; pages and the service worker queue on the lock, so a
   * rotated refresh token is never spent twice.
   */
  function refresh(staleAccessToken) {
    if (!refreshInFlight) {
      refreshInFlight = locks.request(REFRESH_LOCK, () => refreshOnce(staleAccessToken)).finally(() => {
        refreshInFlight = null;
      });
    }
    return refreshInFlight;
  }

  return {
    async isSignedIn() {
      return (await tokenStore.load()) !== null;
    },

    redirectUrl() {
      return identity.getRedirectURL(REDIRECT_PATH);
    },

    signInUrl() {
      return `${getApiBase()}/auth/extension/start?redirect_uri=${encodeURIComponent(this.redirectUrl())}`;
    },

    /** What the server offers ({development, google}), so the button can name it; no token needed. */
    async signInMethods() {
      let response;
      try {
        response = await fetch(`${getApiBase()}/api/v1/sign-in/methods`, { headers: { Accept: 'application/json' }, credentials: 'omit' });
      } catch (cause) {
        throw errorFromFetchFailure(cause);
      }
      if (!response.ok) throw await errorFromResponse(response);
      const body = await response.json();
      return { development: body?.development === true, google: body?.google === true };
    },

    async signIn() {
      let responseUrl;
      try {
        responseUrl = await identity.launchWebAuthFlow({ url: this.signInUrl(), interactive: true });
      } catch (cause) {
        // Chrome rejects when the user closes the window or the backend cannot be reached.
        throw authFlowError('flow_failed', cause?.message ?? '');
      }
      const { accessToken, refreshToken, expiresIn } = parseAuthRedirect(responseUrl, this.redirectUrl());
      await tokenStore.save(stored(accessToken, refreshToken, expiresIn));
    },

    /** A valid access token, refreshed first when it is about to expire. */
    async accessToken() {
      const tokens = await tokenStore.load();
      if (!tokens) throw signedOut();
      if (tokens.expiresAt - now() > REFRESH_MARGIN_MS) return tokens.accessToken;
      return (await refresh(tokens.accessToken)).accessToken;
    },

    /**
     * The API rejected rejectedToken with 401: refresh once and hand back the new token. If another caller has
     * already replaced that token, its result is reused instead of spending the refresh token again.
     */
    async accessTokenAfterRejection(rejectedToken) {
      const tokens = await tokenStore.load();
      if (!tokens) throw signedOut();
      if (tokens.accessToken !== rejectedToken) return tokens.accessToken;
      return (await refresh(rejectedToken)).accessToken;
    },

    /**
     * The API refused rejectedToken even after a refresh: forget the sign-in here, under the refresh lock, unless
     * another page has meanwhile stored newer tokens (clearing those would sign out a session that works).
     */
    async signOutLocally(rejectedToken) {
      await locks.request(REFRESH_LOCK, async () => {
        const tokens = await tokenStore.load();
        if (tokens && tokens.accessToken === rejectedToken) await tokenStore.clear();
      });
    },

    /**
     * Clears the tokens first, so the user is signed out here even if the backend cannot be reached to revoke. Under
     * the refresh lock, reading storage once it is held: a refresh in flight in any page finishes first, and the
     * tokens it saved are the ones cleared and revoked (cleared outside the lock, they would be saved back after).
     */
    async signOut() {
      const tokens = await locks.request(REFRESH_LOCK, async () => {
        const current = await tokenStore.load();
        await tokenStore.clear();
        return current;
      });
      if (!tokens) return;
      try {
        await postJson('/auth/extension/revoke', { refreshToken: tokens.refreshToken });
      } catch {
        // Revocation is best effort: the refresh token is already gone from this browser.
      }
    },
  };
}
