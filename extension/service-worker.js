// Event wiring: the MV3 service worker may be stopped at any time, so whatever it knows lives in chrome.storage.
// Questions and streaming happen in the side panel; the worker hands selections over to it through
// chrome.storage.session and polls the disclosure feed for the toolbar badge (lib/feed.js).
import { createApiClient } from './lib/api.js';
import { AUTH_KEY, createAuth, createTokenStore } from './lib/auth.js';
import { PENDING_CONTEXT_KEY } from './lib/context.js';
import { FEED_ALARM, POLL_MESSAGE, POLL_PERIOD_MINUTES, createFeedStore, pollFeed } from './lib/feed.js';
import { deniedSiteFor, loadSettings } from './lib/settings.js';

const MENU_ASK_SELECTION = 'finlens-ask-selection';
const MENU_CHECK_CLAIM = 'finlens-check-claim';
const PURPOSES = { [MENU_ASK_SELECTION]: 'ask', [MENU_CHECK_CLAIM]: 'claim-check' };
const FILINGS_NOTIFICATION = 'finlens-filings';

const getApiBase = async () => (await loadSettings(chrome.storage.sync)).apiBase;
let apiBase = 'http://localhost:8080'; // replaced before every poll; the clients read it synchronously
const auth = createAuth({
  tokenStore: createTokenStore(chrome.storage.local),
  fetch: (...args) => fetch(...args),
  getApiBase: () => apiBase,
  identity: chrome.identity,
  locks: navigator.locks,
});
const api = createApiClient({ fetch: (...args) => fetch(...args), getApiBase: () => apiBase, auth });
const feedStore = createFeedStore(chrome.storage.local);

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ASK_SELECTION, title: chrome.i18n.getMessage('contextMenuAsk'), contexts: ['selection'] });
  chrome.contextMenus.create({ id: MENU_CHECK_CLAIM, title: chrome.i18n.getMessage('contextMenuCheck'), contexts: ['selection'] });
});

// Clicking the toolbar icon, or its keyboard shortcut (the manifest's _execute_action command), opens the panel and
// grants activeTab for that tab.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error) => console.error(error));

chrome.contextMenus.onClicked.addListener((info, tab) => {
  const purpose = PURPOSES[info.menuItemId];
  if (!purpose || !tab) return;
  // sidePanel.open must run while the click's user gesture is still active, so before any await.
  chrome.sidePanel.open({ windowId: tab.windowId }).catch((error) => console.error(error));
  handOver(info, tab, purpose).catch((error) => console.error(error));
});

/**
 * The selection goes to the panel through session storage, unless the site is denied: then only that fact does.
 * The panel previews it (redacted) before anything is sent, for a question or a fact check alike.
 */
async function handOver(info, tab, purpose) {
  const url = info.pageUrl ?? tab.url ?? '';
  const denied = deniedSiteFor(url, (await loadSettings(chrome.storage.sync)).deniedSites);
  const pending = denied
    ? { deniedSite: denied, capturedAt: Date.now() }
    : { selection: info.selectionText ?? '', title: tab.title ?? '', url, purpose, capturedAt: Date.now() };
  await chrome.storage.session.set({ [PENDING_CONTEXT_KEY]: pending });
}

/** Notifies only when the user switched it on and granted the optional notifications permission. */
async function notifyFilings(state) {
  const { notifyFilings: on } = await loadSettings(chrome.storage.sync);
  if (!on || !(await chrome.permissions.contains({ permissions: ['notifications'] }))) return;
  const first = state.unread[0];
  await chrome.notifications.create(FILINGS_NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: chrome.i18n.getMessage('filingsNotificationTitle', [String(state.unreadCount)]),
    message: first ? `${first.companyName} · ${first.reportName}` : '',
  });
}

async function poll() {
  apiBase = await getApiBase();
  return pollFeed({
    api,
    isSignedIn: () => auth.isSignedIn(),
    store: feedStore,
    showBadge: (text) => chrome.action.setBadgeText({ text }),
    notify: notifyFilings,
  });
}

function pollLogged() {
  return poll().catch((error) => {
    console.warn('feed poll failed', error?.kind ?? error);
    return null;
  });
}

// Alarms outlive the worker; making sure one exists each time the worker starts keeps the poll going after updates.
chrome.alarms.get(FEED_ALARM).then((alarm) => {
  if (!alarm) chrome.alarms.create(FEED_ALARM, { delayInMinutes: 0, periodInMinutes: POLL_PERIOD_MINUTES });
});
chrome.action.setBadgeBackgroundColor({ color: '#c0392b' }).catch(() => {});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FEED_ALARM) pollLogged();
});

// The panel asks for a poll when it opens and after "mark read", so the badge follows at once.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== POLL_MESSAGE || sender.id !== chrome.runtime.id) return false;
  pollLogged().then(sendResponse);
  return true; // answers asynchronously
});

// Signing in polls at once; signing out clears the badge.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[AUTH_KEY] && Boolean(changes[AUTH_KEY].oldValue) !== Boolean(changes[AUTH_KEY].newValue)) {
    pollLogged();
  }
});
