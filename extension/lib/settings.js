// User settings kept in chrome.storage.sync, with defaults and a schema version.
// The storage area is passed in, so this module has no chrome.* at top level and runs under node --test.

export const SETTINGS_KEY = 'finlens.settings';
export const SETTINGS_VERSION = 1;

// Sites Finlens never reads, not even on a click: Korean banks, brokerages and webmail, where a page is about the
// user's own money or mail. A domain covers its subdomains. The user edits the list in the options.
export const DEFAULT_DENIED_SITES = Object.freeze([
  'kbstar.com', 'shinhan.com', 'wooribank.com', 'hanabank.com', 'ibk.co.kr', 'nonghyup.com', 'kakaobank.com',
  'tossbank.com', 'kbanknow.com', 'busanbank.co.kr', 'knbank.co.kr', 'imbank.co.kr', 'kjbank.com', 'jbbank.co.kr',
  'kdb.co.kr', 'epostbank.go.kr', 'suhyup-bank.com', 'standardchartered.co.kr', 'citibank.co.kr', 'kfcc.co.kr',
  'cu.co.kr', 'toss.im',
  'samsungpop.com', 'miraeasset.com', 'kiwoom.com', 'truefriend.com', 'nhqv.com', 'shinhansec.com', 'kbsec.com',
  'daishin.com', 'hanaw.com', 'yuantakorea.com', 'imeritz.com', 'eugenefn.com', 'hi-ib.com', 'ls-sec.co.kr',
  'kakaopaysec.com', 'tossinvest.com', 'iprovest.com', 'hmsec.com', 'shinyoung.com',
  'mail.naver.com', 'mail.daum.net', 'mail.kakao.com', 'mail.nate.com', 'mail.google.com', 'outlook.live.com',
  'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com',
]);

export const DEFAULT_SETTINGS = Object.freeze({
  version: SETTINGS_VERSION,
  // The embedded backend a developer runs locally; production users set e.g. https://finlens.example.com.
  apiBase: 'http://localhost:8080',
  deniedSites: DEFAULT_DENIED_SITES,
  // A Chrome notification when a watched company files; off until the user asks (it needs the notifications permission).
  notifyFilings: false,
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

/** Stored settings merged over the defaults; a stored value that no longer validates falls back to the default. */
export function normaliseSettings(stored) {
  const settings = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    const apiBase = validateApiBase(stored.apiBase);
    if (apiBase.ok) settings.apiBase = apiBase.value;
    if (Array.isArray(stored.deniedSites)) settings.deniedSites = parseSiteList(stored.deniedSites.join('\n'));
    settings.notifyFilings = stored.notifyFilings === true;
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
  return saveSettings(storageArea, { apiBase: apiBase.value });
}

async function saveSettings(storageArea, changes) {
  const settings = { ...(await loadSettings(storageArea)), ...changes, version: SETTINGS_VERSION };
  await storageArea.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/**
 * Domains from text typed one per line (or pasted addresses): lower-cased, without scheme, path, port or a
 * leading "www." / "*.", duplicates and anything that is not a host name dropped.
 */
export function parseSiteList(input) {
  const sites = new Set();
  for (const line of String(input ?? '').split(/[\s,]+/)) {
    const host = line.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:?#].*$/, '').replace(/^(\*\.|www\.)/, '');
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) sites.add(host);
  }
  return [...sites];
}

/** The denied entry covering this page address (its host or a parent domain), or null. */
export function deniedSiteFor(pageUrl, deniedSites) {
  let host;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  return deniedSites.find((site) => host === site || host.endsWith(`.${site}`)) ?? null;
}

export function saveNotifyFilings(storageArea, on) {
  return saveSettings(storageArea, { notifyFilings: on === true });
}

export function saveDeniedSites(storageArea, input) {
  return saveSettings(storageArea, { deniedSites: parseSiteList(input) });
}

/** "Never on this site" from the panel: the page's host joins the list. */
export async function denySite(storageArea, pageUrl) {
  const { deniedSites } = await loadSettings(storageArea);
  const host = new URL(pageUrl).hostname.toLowerCase().replace(/^www\./, '');
  return saveSettings(storageArea, { deniedSites: parseSiteList([...deniedSites, host].join('\n')) });
}
