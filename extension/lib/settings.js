// User settings kept in chrome.storage.sync, with defaults and a schema version.
// The storage area is passed in, so this module has no chrome.* at top level and runs under node --test.

export const SETTINGS_KEY = 'finlens.settings';
export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS = Object.freeze({
  version: SETTINGS_VERSION,
  // The embedded backend a developer runs locally; production users set e.g. https://finlens.example.com.
  apiBase: 'http://localhost:8080',
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Checks an API base URL typed by the user. Returns { ok: true, value } with the normalised URL (no trailing slash)
 * or { ok: false, error } where error is a message key. Plain http is accepted only for a loopback backend, because
 * tokens travel on every request.
 */
export function validateApiBase(input) {
  const text = String(input ?? '').trim();
  if (text === '') return { ok: false, error: 'apiBaseRequired' };
  let url;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'apiBaseInvalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'apiBaseInvalid' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, error: 'apiBaseNeedsHttps' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, error: 'apiBaseInvalid' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: `${url.origin}${path}` };
}

/**
 * The host permission pattern for exactly the configured backend. Chrome match patterns do not carry ports, so a
 * loopback backend on any port is covered by its host.
 */
export function hostPermissionPattern(apiBase) {
  const url = new URL(apiBase);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Stored settings merged over the defaults; a stored value that no longer validates falls back to the default. */
export function normaliseSettings(stored) {
  const settings = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    const apiBase = validateApiBase(stored.apiBase);
    if (apiBase.ok) settings.apiBase = apiBase.value;
  }
  return settings;
}

export async function loadSettings(storageArea) {
  const items = await storageArea.get(SETTINGS_KEY);
  return normaliseSettings(items[SETTINGS_KEY]);
}

/** Saves a validated API base; throws with the message key when it is not acceptable. */
export async function saveApiBase(storageArea, input) {
  const apiBase = validateApiBase(input);
  if (!apiBase.ok) throw new Error(apiBase.error);
  const settings = { ...(await loadSettings(storageArea)), apiBase: apiBase.value, version: SETTINGS_VERSION };
  await storageArea.set({ [SETTINGS_KEY]: settings });
  return settings;
}
